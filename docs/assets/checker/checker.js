// Glue only: start the worker, carry what the user did to Python, put what comes back on
// screen. Questions, validation, findings and all wording live in Python (proposal_checker).
//
// The first screens are Python's own responses to the first requests, rendered at build time
// (hooks/opening.py). Until Python is ready here, a request that matches one of them, made from
// the screen before it, is answered from it; any other request waits ("準備中"). At ready every request is sent again,
// in order, so Python has all that was typed; only what was waiting changes the screen.
//
// Each screen is an entry in the browser's history (only its id is kept there, never an
// answer), so Back and Forward move between screens; the answers stay in Python. Before ready,
// a screen left is kept as it was (with what was typed) and comes back on Back or Forward.
const root = document.getElementById("checker");
const body = root.querySelector("[data-checker-body]");
const status = root.querySelector("[data-checker-status]");
const meter = root.querySelector("[data-checker-progress]");
const opening = JSON.parse(document.getElementById("checker-opening")?.textContent || "{}");
// No cutoff while bytes arrive: only a download with nothing new for STALL_MS gives up. Once
// every file is in, starting Python takes CPU time, not bytes (seconds on a slow phone).
const STALL_MS = 30000;
const START_MS = 120000;

// The status line is read out. `echo`: it only repeats what the screen shows (a new screen's
// heading or message), so it is not shown a second time (checker.css).
let saysWaiting = false; // the status line says 準備中 (a request waits for Python), nothing since
const say = (message, echo = false) => {
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
  if (meter) meter.hidden = true;
  root.querySelector("[data-checker-error]").hidden = false;
};

const megabytes = (bytes) => (bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0);

// Now, in Japan time ("YYYY-MM-DDTHH:MM"), from this page's clock: sent with every request, as
// Python's one "today" (a worker's clock is not the page's to set or trust), whatever the
// browser's own time zone.
const japanNow = () => {
  const parts = {};
  const format = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  });
  for (const { type, value } of format.formatToParts(new Date())) parts[type] = value;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
};
// A screen made at build time carries the notes on the call's state (not yet open, closed) all
// hidden, with the call's dates: show the one for now. Python's own screens carry only the right one.
const showCallState = (container) => {
  for (const notes of container.querySelectorAll("[data-call-opens]")) {
    const now = japanNow();
    const { callOpens: opens, callDeadline: deadline } = notes.dataset;
    const state = now.slice(0, 10) < opens ? "before" : now > deadline ? "closed" : "open";
    for (const note of notes.querySelectorAll("[data-call-state]")) note.hidden = note.dataset.callState !== state;
  }
};
showCallState(body);

if (typeof WebAssembly !== "object") {
  fail("このブラウザでは WebAssembly が使えないため、事前チェックを動かせません。下の「提案に必要なことの一覧」を使ってください。");
} else {
  body.hidden = false;
  setState("loading", "事前チェックを準備しています。先に答え始められます。");
  const startedAt = performance.now();
  let worker;
  const pending = new Map();
  let next = 0;
  let loadLimit = Infinity; // bytes; Python sets it in its first response
  let ready = false;        // Python runs and has caught up with what was done before
  const screens = opening.screens ?? [];
  // Requests made before ready: {request, form, shown}; `shown` when its response is on screen.
  const queue = screens.length ? [{ request: screens[0].request, shown: true }] : [];
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
  const loaded = new Map();
  let lastActivity = performance.now();
  let filesIn = false;

  const showProgress = (file) => {
    const files = sizes[plan]?.files ?? {};
    const total = Object.values(files).reduce((a, f) => a + f.bytes, 0);
    const got = [...loaded].reduce((a, [name, bytes]) => a + (files[name] ? Math.min(bytes, files[name].bytes) : 0), 0);
    if (!meter || !total) return;
    meter.hidden = false;
    const bar = meter.querySelector("progress");
    bar.max = total;
    bar.value = Math.min(got, total);
    meter.querySelector("[data-checker-progress-text]").textContent = filesIn
      ? "読み込みが終わりました。Python を起動しています…"
      : `読み込み中：全体の${Math.floor((100 * got) / total)}%${file ? `（${file}）` : ""}`;
  };

  const watchdog = setInterval(() => {
    if (ready || root.dataset.state === "error") { clearInterval(watchdog); return; }
    const quiet = performance.now() - lastActivity;
    if (!filesIn && quiet > STALL_MS) {
      fail(`事前チェックの読み込みが${STALL_MS / 1000}秒止まったままです（通信が途切れたようです）。ページを再読み込みするか、下の一覧を使ってください。`);
    } else if (filesIn && quiet > START_MS) {
      fail(`事前チェックの起動が${START_MS / 1000}秒たっても終わりませんでした。ページを再読み込みするか、下の一覧を使ってください。`);
    }
  }, 1000);

  const ask = (request) => new Promise((resolve, reject) => {
    const id = ++next;
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, request: { ...request, now: japanNow() } });
  });

  // `history`: "push" a new entry when the screen changes, or "replace" the current one (the
  // screen asked for by Back or Forward).
  const show = (response, { screenChanges = true, history: how = "push", nodes, action } = {}) => {
    if (response.load_limit !== undefined) loadLimit = response.load_limit;
    if (screenChanges && (nodes || response.html !== undefined)) {
      if (!ready && response.page && response.page !== current) {
        kept.set(current, { nodes: [...body.childNodes], response: shownResponse });
      }
      if (nodes) body.replaceChildren(...nodes); else { body.innerHTML = response.html; showCallState(body); }
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
    say("処理中に問題が起きました。入力した内容はそのままです。もう一度お試しください。");
  };

  const fields = (form) => {
    const out = {};
    for (const [name, value] of new FormData(form)) {
      if (typeof value !== "string") continue;
      (out[name] ??= []).push(value);
    }
    return out;
  };

  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

  // The seconds so far are shown but not read out again each second (aria-hidden).
  const wait = () => {
    if (waiting) return;
    say("準備中です。準備ができしだい、自動で先へ進みます。");
    saysWaiting = true;
    const seconds = document.createElement("span");
    seconds.setAttribute("aria-hidden", "true");
    status.append(seconds);
    const tick = () => { seconds.textContent = `（${Math.round((performance.now() - startedAt) / 1000)}秒）`; };
    tick();
    waiting = setInterval(tick, 1000);
  };

  // A request from the page. `form`: its fields are read when it is sent, so what is typed
  // while waiting goes with it. `how`: what the screen it brings does to the history.
  const send = (request, form, how = "push") => {
    const now = form ? { ...request, fields: fields(form) } : request;
    if (ready) {
      // One catch for Python's error and the page's own (a response `show` cannot put on screen).
      ask(now).then((response) => show(response, { history: how, action: request.action })).catch(trouble);
      return;
    }
    // An opening screen, asked for from the screen before it: shown at once (as it was left,
    // if it was shown before).
    const k = screens.findIndex((s, i) => i > 0 && same(now, s.request) && screens[i - 1].response.page === current);
    if (!queue.some((item) => !item.shown) && k > 0) {
      queue.push({ request: now, shown: true });
      const left = kept.get(screens[k].response.page);
      show(left?.response ?? screens[k].response, { nodes: left?.nodes });
      return;
    }
    if (request.action === "update") return; // sent at ready with everything on the form
    queue.push({ request, form, shown: false, how });
    wait();
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
    if (left && !queue.some((item) => !item.shown)) {
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
  // the screen in doubt, so the catch-up stops and the page fails at once, with the static
  // checklist (catchUp().catch below), instead of waiting in 準備中 for the start's time limit.
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
      show(response, { screenChanges: !item.shown, history: item.how, action: item.request.action });
      changed ||= !item.shown;
    }
    // What was typed on the screen now showing, and the live result for it.
    const form = body.querySelector("form[data-live]");
    const update = form && await answer({ action: "update", fields: fields(form) });
    if (update) show(update, { screenChanges: false });
    clearInterval(waiting);
    ready = true;
    kept.clear(); // Python renders every screen from here, with the answers
    if (meter) meter.hidden = true;
    // Unless a screen or a problem was said since, the status still says what was said before ready.
    if (!changed || saysWaiting) say("事前チェックの準備ができました。", true); // the screen is already usable
    setState("ready");
  };
  const startFailed = (error) => {
    console.error(error);
    clearInterval(waiting);
    fail("事前チェックを読み込めませんでした。下の一覧を使ってください。");
  };

  const onMessage = ({ data }) => {
    if (data.type === "progress") {
      lastActivity = performance.now();
      loaded.set(data.file, data.loaded);
      const files = Object.keys(sizes[plan]?.files ?? {});
      filesIn = files.length > 0 && files.every((f) => loaded.has(f) && loaded.get(f) >= sizes[plan].files[f].bytes);
      showProgress(data.file);
    } else if (data.type === "plan") {
      plan = data.start;
      root.dataset.start = plan; // which way it started: "snapshot" or "normal"
      lastActivity = performance.now();
      const size = sizes[plan];
      if (size && !ready && !waiting) {
        say(`事前チェックを準備しています。先に答え始められます（約${megabytes(size.gzip_bytes)} MB を読み込みます。圧縮なしで送られるときは約${megabytes(size.bytes)} MB）。`);
      }
      if (data.reason) console.info("normal start:", data.reason);
      showProgress();
    } else if (data.type === "ready") {
      if (root.dataset.state === "error") return;
      catchUp().catch(startFailed);
    } else if (data.type === "fallback") {
      // The snapshot could not be used: start again, the normal way, in a fresh worker.
      console.warn("snapshot not used:", data.message);
      if (!waiting) say("速く起動する方法が使えなかったため、通常の方法で準備しています。先に答え始められます。");
      worker.terminate();
      loaded.clear();
      filesIn = false;
      lastActivity = performance.now();
      begin(true);
    } else if (data.type === "error") {
      fail("事前チェックを読み込めませんでした。下の一覧を使ってください。");
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
    worker.onerror = () => fail("事前チェックを読み込めませんでした。下の一覧を使ってください。");
  };
  begin(false);

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
    send({ action }, form);
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
    const item = (button.querySelector(".checker-visually-hidden")?.textContent ?? "").replace(/^：/, "");
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
