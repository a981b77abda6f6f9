// The call's state on this page (build/hooks/callstate.py): not yet open, open or closed, by the
// page's own clock in Japan time, whatever the browser's time zone. The build cannot know it: the
// page carries the call's dates and a note for each state, and this shows the one for now (it
// compares dates, nothing more). The checker's script uses japanNow too, as Python's "today".

// Now in Japan time, "YYYY-MM-DDTHH:MM".
export const japanNow = () => {
  const parts = {};
  const format = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  });
  for (const { type, value } of format.formatToParts(new Date())) parts[type] = value;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
};

// Before the first day, after the closing minute ("closed" from the minute after it), or open.
export const stateAt = (now, opens, deadline) =>
  now.slice(0, 10) < opens ? "before" : now > deadline ? "closed" : "open";

export const showCallStates = () => {
  const now = japanNow();
  for (const box of document.querySelectorAll(".call-state[data-call-opens]")) {
    const state = stateAt(now, box.dataset.callOpens, box.dataset.callDeadline);
    for (const note of box.querySelectorAll("[data-call-state]")) note.hidden = note.dataset.callState !== state;
  }
};

showCallStates();
// A page left open across the closing time says so within a minute.
setInterval(showCallStates, 60000);
