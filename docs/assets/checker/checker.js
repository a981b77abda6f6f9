// Glue only: start the worker, carry what the user did to Python, put what comes back on
// screen. Questions, validation, findings and all wording live in Python (proposal_checker); the
// page's own words too (data/page.json, handed over by the build with the first screens): this
// file holds no Japanese.
//
// The first screens are Python's own responses to the first requests, rendered at build time
// (hooks/opening.py): はじめに, step 1, and step 2 for each answer of step 1. Until Python is
// ready here, a request that matches one of them, made from the screen it was made from at build
// time, is answered from it; any other request waits (準備中, beside the button pressed). At
// ready every request is sent again, in order, so Python has all that was typed; only what was
// waiting changes the screen.
//
// Each screen is an entry in the browser's history (only its id is kept there, never an
// answer), so Back and Forward move between screens; the answers stay in Python. Before ready,
// a screen left is kept as it was (with what was typed) and comes back on Back or Forward.
import { japanNow } from "../scripts/call-state.js";
import "./references.js"; // a citation opens its text in place (never leaving the answers)

const root = document.getElementById("checker");
const body = root.querySelector("[data-checker-body]");
const status = root.querySelector("[data-checker-status]");
const loading = root.querySelector("[data-checker-loading]");
const meter = root.querySelector("[data-checker-progress]");
const smaller = root.querySelector("[data-checker-smaller]");
const opening = JSON.parse(document.getElementById("checker-opening")?.textContent || "{}");
// No cutoff while bytes arrive: only a download with nothing new for STALL_MS gives up. Once
// every file is in, starting Python takes CPU time, not bytes (seconds on a slow phone).
const STALL_MS = 30000;
const START_MS = 120000;

// A word of the page (proposal_checker.page_words), its {values} filled in.
const words = opening.words ?? {};
const word = (name, values = {}) => (words[name] ?? "").replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));

// The loading lines keep the height they had (checker.css reserves it from the first paint): a
// line that gets shorter leaves its place, so nothing below moves up while loading or at ready.
// They give the place back with the first new screen after ready, which a person asked for.
let settled = false;
const hold = () => {
  if (!settled && loading) loading.style.minHeight = `${loading.getBoundingClientRect().height}px`;
};
const settle = () => {
  if (settled) return;
  settled = true;
  root.dataset.settled = "";
  if (loading) loading.style.minHeight = "";
};

// The status line is read out. `echo`: it only repeats what the screen shows (a new screen's
// heading or message), so it is not shown a second time (checker.css).
let saysWaiting = false; // the status line says 準備中 (a request waits for Python), nothing since
const say = (message, echo = false) => {
  hold();
  status.textContent = message;
  saysWaiting = false;
  if (echo) status.dataset.echo = ""; else delete status.dataset.echo;
};

const setState = (state, message) => {
  root.dataset.state = state;
  if (message !== undefined) say(message);
};

const fail = (message) => {
  setState("error", message);
  body.hidden = true; // nothing on it can be answered now
  root.querySelector("[data-checker-error]").hidden = false;
};

const megabytes = (bytes) => (bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0);
// What a start costs on this host: compressed, as most hosts send it, unless this page itself came
// uncompressed (then the runtime does too).
const navigation = performance.getEntriesByType?.("navigation")?.[0];
const compressed = !navigation?.decodedBodySize || navigation.encodedBodySize < navigation.decodedBodySize;
const cost = (size) => megabytes(compressed ? size.gzip_bytes : size.bytes);

if (typeof WebAssembly !== "object") {
  fail(word("no_webassembly"));
} else {
  body.inert = false; // the screens built into the page answer from now on (checker.html)
  const startedAt = performance.now();
  let worker;
  const pending = new Map();
  let next = 0;
  let loadLimit = Infinity; // bytes; Python sets it in its first response
  let ready = false;        // Python runs and has caught up with what was done before
  const screens = opening.screens ?? [];
  // Requests made before ready: {request, form, shown}; `shown` when its response is on screen.
  const queue = screens.length ? [{ request: screens[0].request, shown: true }] : [];
  const waitingItem = () => queue.some((item) => !item.shown);
  let waiting = null;       // the interval that counts the seconds of a waiting request

  // History: the screen on show, screens left before ready, answers not yet in a saved file.
  let current = screens[0]?.response.page ?? "start";
  let shownResponse = screens[0]?.response ?? null;
  const kept = new Map(); // page id -> {nodes, response}, before ready only
  let unsaved = false;
  const guard = (event) => { event.preventDefault(); event.returnValue = ""; };
  const setUnsaved = (on) => {
    if (on === unsaved) return;
    unsaved = on;
    // Only while something could be lost: a listener here also keeps some browsers from caching the page.
    if (on) addEventListener("beforeunload", guard); else removeEventListener("beforeunload", guard);
  };
  if ("scrollRestoration" in history) history.scrollRestoration = "manual"; // focus decides
  history.replaceState({ checker: current }, "");

  // Download progress, from the worker, against the sizes the page was built with.
  const sizes = opening.download ?? {};
  let plan = null;
  let restarted = false;    // started again the normal way (the snapshot failed, or the smaller start was asked for)
  const loaded = new Map();
  let lastActivity = performance.now();
  let filesIn = false;

  const showProgress = () => {
    const files = sizes[plan]?.files ?? {};
    const total = Object.values(files).reduce((a, f) => a + f.bytes, 0);
    const got = [...loaded].reduce((a, [name, bytes]) => a + (files[name] ? Math.min(bytes, files[name].bytes) : 0), 0);
    if (!meter || !total) return;
    const bar = meter.querySelector("progress");
    bar.max = total;
    bar.value = Math.min(got, total);
    hold();
    meter.querySelector("[data-checker-progress-text]").textContent = filesIn
      ? word("files_in") : word("progress", { percent: Math.floor((100 * got) / total) });
  };

  // The smaller start: the normal start downloads about half of what the snapshot start does.
  // Offered while the snapshot start downloads something the browser does not hold yet.
  const offer = (on) => { if (smaller) smaller.dataset.offered = String(on); };
  if (smaller && sizes.normal) {
    hold();
    smaller.textContent = word("smaller", { size: cost(sizes.normal) });
  }

  const watchdog = setInterval(() => {
    if (ready || root.dataset.state === "error") { clearInterval(watchdog); return; }
    const quiet = performance.now() - lastActivity;
    if (!filesIn && quiet > STALL_MS) {
      fail(word("stalled", { seconds: STALL_MS / 1000 }));
    } else if (filesIn && quiet > START_MS) {
      fail(word("start_limit", { seconds: START_MS / 1000 }));
    }
  }, 1000);

  const ask = (request) => new Promise((resolve, reject) => {
    const id = ++next;
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, request: { ...request, now: japanNow() } });
  });

  // What was typed on a screen left, carried to the same questions on another version of it
  // (step 2 after another kind of proposal was chosen: the same questions, another count).
  const carry = (nodes) => {
    const left = nodes.find((node) => node.querySelector?.("form[data-live]"))?.querySelector("form[data-live]");
    const form = body.querySelector("form[data-live]");
    if (!left || !form) return;
    const typed = fields(left);
    const seen = {};
    for (const input of form.elements) {
      if (!input.name || input.name === "_step" || !(input.name in typed)) continue;
      if (input.type === "radio" || input.type === "checkbox") input.checked = typed[input.name].includes(input.value);
      else if ("value" in input && input.type !== "file") input.value = typed[input.name][seen[input.name] = (seen[input.name] ?? -1) + 1] ?? "";
    }
  };

  // `history`: "push" a new entry when the screen changes, or "replace" the current one (the
  // screen asked for by Back or Forward).
  const show = (response, { screenChanges = true, history: how = "push", nodes, action } = {}) => {
    if (response.load_limit !== undefined) loadLimit = response.load_limit;
    if (screenChanges && (nodes || response.html !== undefined)) {
      if (!ready && response.page && response.page !== current) {
        kept.set(current, { nodes: [...body.childNodes], response: shownResponse });
      }
      if (ready) settle();
      if (nodes) body.replaceChildren(...nodes); else body.innerHTML = response.html;
      shownResponse = response;
    }
    if (response.result_html !== undefined) {
      const live = body.querySelector("[data-result]");
      if (live) live.innerHTML = response.result_html;
    }
    // Follow-up questions Python says apply (or not) to the answers so far.
    for (const [id, on] of Object.entries(response.show ?? {})) {
      const element = document.getElementById(id);
      if (element) element.hidden = !on;
    }
    if (!screenChanges) return;
    if (response.page) {
      if (how === "replace") history.replaceState({ checker: response.page }, "");
      else if (response.page !== history.state?.checker) history.pushState({ checker: response.page }, "");
      current = response.page;
    }
    if (response.answered === false) setUnsaved(false); // nothing to lose (a fresh start, a clear)
    else if (action === "load" && response.page === "review") setUnsaved(false); // it is in a file
    if (response.title) document.title = response.title;
    if (response.announce !== undefined) say(response.announce, Boolean(nodes || response.html !== undefined));
    if (response.download) {
      save(response.download);
      if (response.download.text !== undefined) setUnsaved(false); // the answers are in a file now
    }
    if (response.focus) document.getElementById(response.focus)?.focus();
  };

  // A file Python made, saved as a download: the answers (text), or the draft's Word file (its bytes
  // in base64, made in the worker: nothing leaves the browser).
  const save = ({ name, text, base64, type }) => {
    const bytes = base64 === undefined ? text : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([bytes], { type: type ?? "application/json" }));
    link.download = name;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  const trouble = (error) => {
    // Keep the answers on screen and say so plainly; the details (a Python traceback,
    // perhaps) go to the console, not to the status region a screen reader reads out.
    console.error(error);
    say(word("trouble"));
  };

  const fields = (form) => {
    const out = {};
    for (const [name, value] of new FormData(form)) {
      if (typeof value !== "string") continue;
      (out[name] ??= []).push(value);
    }
    return out;
  };

  // The same request, whatever the order of its keys.
  const sorted = (_, value) => (value && typeof value === "object" && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : value);
  const same = (a, b) => JSON.stringify(a, sorted) === JSON.stringify(b, sorted);

  // A request waits for Python. The status line says so once (the seconds shown there are not
  // read out), and the button pressed says so beside itself: busy from the same moment as the
  // press, so a tap is never met with a screen that seems not to have noticed it.
  const wait = (button) => {
    if (waiting) return;
    say(word("waiting"));
    saysWaiting = true;
    const seconds = document.createElement("span");
    seconds.setAttribute("aria-hidden", "true");
    status.append(seconds);
    let note = null;
    if (button?.isConnected) {
      button.setAttribute("aria-busy", "true");
      note = document.createElement("p");
      note.className = "checker-busy";
      note.setAttribute("aria-hidden", "true"); // said once by the status line
      (button.closest(".checker-actions") ?? button).after(note);
    }
    const tick = () => {
      const s = Math.round((performance.now() - startedAt) / 1000);
      seconds.textContent = word("seconds", { seconds: s });
      if (note) note.textContent = word("busy", { seconds: s });
    };
    tick();
    waiting = setInterval(tick, 1000);
  };
  const doneWaiting = () => {
    clearInterval(waiting);
    waiting = null;
    for (const note of body.querySelectorAll(".checker-busy")) note.remove();
    for (const button of body.querySelectorAll("[aria-busy]")) button.removeAttribute("aria-busy");
  };

  // A request from the page. `form`: its fields are read when it is sent, so what is typed
  // while waiting goes with it. `how`: what the screen it brings does to the history.
  // `button`: the one pressed, which shows the wait.
  const send = (request, form, how = "push", button) => {
    const now = form ? { ...request, fields: fields(form) } : request;
    if (ready) {
      // One catch for Python's error and the page's own (a response `show` cannot put on screen).
      ask(now).then((response) => show(response, { history: how, action: request.action })).catch(trouble);
      return;
    }
    // A request already waits: this one would run after it, on a screen the person has not
    // seen yet. The button that waits says why nothing else happens.
    if (waitingItem()) return;
    // An opening screen, asked for from the screen it was made from: shown at once (as it was
    // left, if it was shown before).
    const k = screens.findIndex((s, i) => i > 0 && s.from === current && same(now, s.request));
    if (k > 0) {
      queue.push({ request: now, shown: true });
      const fresh = screens[k].response;
      const left = kept.get(fresh.page);
      if (left && left.response === fresh) show(fresh, { nodes: left.nodes });
      else {
        show(fresh);
        if (left) carry(left.nodes);
      }
      return;
    }
    // 戻る from an opening screen: the screen it was asked for from, as it was left.
    const previous = request.action === "back" && screens.find((s) => s.response.page === current && s.from !== current)?.from;
    if (previous && kept.has(previous)) {
      queue.push({ request: now, shown: true });
      const left = kept.get(previous);
      show(left.response, { nodes: left.nodes });
      return;
    }
    if (request.action === "update") return; // sent at ready with everything on the form
    queue.push({ request, form, shown: false, how });
    wait(button);
  };

  // Back or Forward to `page`. What is typed on the screen left goes to Python first: a text
  // field still being typed in has not sent its change yet.
  const go = (page) => {
    const form = body.querySelector("form[data-live]");
    const request = { action: "goto", step: page };
    if (ready) {
      current = page; // a second Back or Forward before the answer compares with this one
      if (form) send({ action: "update" }, form);
      send(request, undefined, "replace");
      return;
    }
    if (form) queue.push({ request: { action: "update" }, form, shown: true });
    const left = kept.get(page);
    if (left && !waitingItem()) {
      queue.push({ request, shown: true });
      show(left.response, { nodes: left.nodes, history: "replace" });
      return;
    }
    current = page;
    queue.push({ request, shown: false, how: "replace" });
    wait();
  };

  // Python is ready: send everything done so far, in order. A request Python cannot answer is
  // said (`trouble`) and the rest go on; a response the page cannot show (`show` throws) leaves
  // the screen in doubt, so the catch-up stops and the page fails at once, with the link to the
  // list (catchUp().catch below), instead of waiting in 準備中 for the start's time limit.
  const catchUp = async () => {
    let changed = false;
    const answer = async (request) => {
      try {
        return await ask(request);
      } catch (error) {
        trouble(error);
        changed = true;
        return null;
      }
    };
    while (queue.length) {
      const item = queue.shift();
      const request = item.form ? { ...item.request, fields: fields(item.form) } : item.request;
      const response = await answer(request);
      if (!response) continue;
      if (!item.shown) doneWaiting();
      show(response, { screenChanges: !item.shown, history: item.how, action: item.request.action });
      changed ||= !item.shown;
    }
    // What was typed on the screen now showing, and the live result for it.
    const form = body.querySelector("form[data-live]");
    const update = form && await answer({ action: "update", fields: fields(form) });
    if (update) show(update, { screenChanges: false });
    doneWaiting();
    ready = true;
    kept.clear(); // Python renders every screen from here, with the answers
    offer(false);
    // Unless a screen or a problem was said since, the status still says what was said before ready.
    // Shown, not only read out: it takes the place of what the loading lines said.
    if (!changed || saysWaiting) say(word("ready"));
    setState("ready");
  };
  const startFailed = (error) => {
    console.error(error);
    doneWaiting();
    fail(word("load_failed"));
  };

  // Start again the normal way, in a fresh worker: the snapshot could not be used, or the
  // person asked for the smaller start.
  const restart = (message) => {
    worker.terminate();
    loaded.clear();
    filesIn = false;
    lastActivity = performance.now();
    restarted = true;
    offer(false);
    say(message);
    begin(true);
  };

  const onMessage = ({ data }) => {
    if (data.type === "progress") {
      lastActivity = performance.now();
      loaded.set(data.file, data.loaded);
      const files = Object.keys(sizes[plan]?.files ?? {});
      filesIn = files.length > 0 && files.every((f) => loaded.has(f) && loaded.get(f) >= sizes[plan].files[f].bytes);
      showProgress();
    } else if (data.type === "plan") {
      plan = data.start;
      root.dataset.start = plan; // which way it started: "snapshot" or "normal"
      lastActivity = performance.now();
      const size = sizes[plan];
      if (size && !ready && !waiting && !restarted) say(word("plan", { size: cost(size) }));
      offer(plan === "snapshot" && !data.cached && Boolean(sizes.normal));
      if (data.reason) console.info("normal start:", data.reason);
      showProgress();
    } else if (data.type === "ready") {
      if (root.dataset.state === "error") return;
      catchUp().catch(startFailed);
    } else if (data.type === "fallback") {
      console.warn("snapshot not used:", data.message);
      restart(word("fallback", { size: cost(sizes.normal ?? {}) }));
    } else if (data.type === "error") {
      fail(word("load_failed"));
      console.error(data.message);
    } else {
      const entry = pending.get(data.id);
      pending.delete(data.id);
      if (data.error) entry?.reject(data.error); else entry?.resolve(data.response);
    }
  };

  const begin = (normal) => {
    const url = new URL("./worker.mjs", import.meta.url);
    const asked = new URLSearchParams(location.search).get("start"); // for measuring: make bench
    if (normal || asked === "normal") url.searchParams.set("start", "normal");
    else if (asked === "snapshot") url.searchParams.set("start", "snapshot");
    worker = new Worker(url, { type: "module" });
    worker.onmessage = onMessage;
    worker.onerror = () => fail(word("load_failed"));
  };
  begin(false);

  smaller?.addEventListener("click", () => {
    if (ready || plan !== "snapshot" || restarted) return;
    restart(word("smaller_chosen", { size: cost(sizes.normal) }));
    // The button is gone: focus goes where the person was answering.
    document.getElementById("step-heading")?.focus();
  });

  if (!screens.length) queue.push({ request: { action: "start" }, shown: false });

  // Printing the result (checker.css): "checklist" prints the checklist alone, "all" (and the
  // browser's own Print) the whole result with the passed items opened; both as they were after.
  const printResult = (what) => {
    root.dataset.print = what;
    window.print();
  };
  const opened = [];
  addEventListener("beforeprint", () => {
    for (const details of body.querySelectorAll(".checker-passed:not([open])")) {
      details.open = true;
      opened.push(details);
    }
  });
  addEventListener("afterprint", () => {
    for (const details of opened.splice(0)) details.open = false;
    delete root.dataset.print;
  });

  body.addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.target;
    const action = event.submitter?.value || "next";
    if (action === "print" || action === "print-all") { printResult(action === "print" ? "checklist" : "all"); return; }
    // Enter presses the hidden default button: the wait shows beside the visible one.
    const pressed = event.submitter?.classList.contains("checker-default-button")
      ? form.querySelector(`button.checker-button[value="${action}"]`) : event.submitter;
    send({ action }, form, "push", pressed);
  });
  // Something typed or chosen: leaving now would lose it (until it is saved).
  const edited = (event) => { if (event.target.form && event.target.type !== "file") setUnsaved(true); };
  body.addEventListener("input", edited);
  body.addEventListener("change", (event) => {
    edited(event);
    const form = event.target.form;
    if (event.target.type === "file") {
      const file = event.target.files[0];
      // A file over Python's limit is not read at all (it could be huge): its size alone goes
      // to Python, which says what is wrong. An unreadable file goes without text, likewise.
      // The step's fields go too, so what was typed is kept even if the file cannot be read.
      const step = body.querySelector("form[data-live]") ?? undefined;
      if (file && file.size > loadLimit) send({ action: "load", size: file.size }, step);
      else if (file) file.text().then((text) => send({ action: "load", text, size: file.size }, step),
                                      () => send({ action: "load", size: file.size }, step));
    } else if (form?.dataset.live !== undefined) {
      send({ action: "update" }, form);
    }
  });
  addEventListener("popstate", (event) => {
    const page = event.state?.checker;
    if (page && page !== current && root.dataset.state !== "error") go(page);
  });
  // 提案書の下書き: each item's copy button copies the text of the element its data-copy-for names,
  // for pasting into the agency's own form (the Clipboard API, else a selected text area); what is
  // said after it is the page's words (data-copied, with {item} the item the button names).
  const copyText = async (text) => {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch { /* no Clipboard API here, or not allowed: the older way */ }
    const area = Object.assign(document.createElement("textarea"), { value: text, readOnly: true });
    area.className = "checker-visually-hidden";
    document.body.append(area);
    area.select();
    let done = false;
    try { done = document.execCommand("copy"); } catch { done = false; }
    area.remove();
    return done;
  };
  body.addEventListener("click", async (event) => {
    const button = event.target.closest("button[data-copy-for]");
    const source = button && document.getElementById(button.dataset.copyFor);
    if (!source) return;
    const { copied = "", copyFailed = "" } = button.closest("[data-copied]")?.dataset ?? {};
    const item = button.dataset.item ?? "";
    const done = await copyText(source.textContent);
    button.focus();
    say(done ? copied.replace("{item}", item) : copyFailed);
  });
  // The draft printed alone, on A4 (checker.css), as it is after.
  body.addEventListener("click", (event) => {
    if (!event.target.closest("[data-print-draft]")) return;
    root.dataset.print = "draft";
    window.print();
  });

  body.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-goto]");
    if (link) { event.preventDefault(); send({ action: "goto", step: link.dataset.goto }); }
    // An error summary link moves focus to its field, not only the scroll position.
    const jump = event.target.closest(".checker-error-summary a[href^='#']");
    const field = jump && document.getElementById(decodeURIComponent(jump.hash.slice(1)));
    if (field) { event.preventDefault(); field.focus(); }
  });
}
