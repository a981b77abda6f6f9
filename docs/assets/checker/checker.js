// Glue only: start the worker, carry what the user did to Python, put what comes back on
// screen. Questions, validation, findings and all wording live in Python (proposal_checker).
const root = document.getElementById("checker");
const body = root.querySelector("[data-checker-body]");
const status = root.querySelector("[data-checker-status]");
const LOAD_LIMIT_MS = 60000;

const setState = (state, message) => {
  root.dataset.state = state;
  if (message !== undefined) status.textContent = message;
};

const fail = (message) => {
  setState("error", message);
  root.querySelector("[data-checker-error]").hidden = false;
};

if (typeof WebAssembly !== "object") {
  fail("このブラウザでは WebAssembly が使えないため、事前チェックを動かせません。下の「提案に必要なことの一覧」を使ってください。");
} else {
  setState("loading", "事前チェックを準備しています（Python を読み込んでいます）…");
  const worker = new Worker(new URL("./worker.mjs", import.meta.url), { type: "module" });
  const pending = new Map();
  let next = 0;
  let loadLimit = Infinity; // bytes; Python sets it in its first response
  const timer = setTimeout(() => fail("事前チェックの準備が60秒以内に終わりませんでした。ページを再読み込みするか、下の一覧を使ってください。"), LOAD_LIMIT_MS);

  const ask = (request) => new Promise((resolve, reject) => {
    const id = ++next;
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, request });
  });

  const show = (response) => {
    if (response.load_limit !== undefined) loadLimit = response.load_limit;
    if (response.html !== undefined) body.innerHTML = response.html;
    if (response.result_html !== undefined) {
      const live = body.querySelector("[data-result]");
      if (live) live.innerHTML = response.result_html;
    }
    // Follow-up questions Python says apply (or not) to the answers so far.
    for (const [id, on] of Object.entries(response.show ?? {})) {
      const element = document.getElementById(id);
      if (element) element.hidden = !on;
    }
    if (response.title) document.title = response.title;
    if (response.announce !== undefined) status.textContent = response.announce;
    if (response.download) {
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([response.download.text], { type: "application/json" }));
      link.download = response.download.name;
      link.click();
      URL.revokeObjectURL(link.href);
    }
    if (response.focus) document.getElementById(response.focus)?.focus();
  };

  const send = (request) => ask(request).then(show, (error) => {
    // Keep the answers on screen and say so plainly; the details (a Python traceback,
    // perhaps) go to the console, not to the status region a screen reader reads out.
    console.error(error);
    status.textContent = "処理中に問題が起きました。入力した内容はそのままです。もう一度お試しください。";
  });

  const fields = (form) => {
    const out = {};
    for (const [name, value] of new FormData(form)) {
      if (typeof value !== "string") continue;
      (out[name] ??= []).push(value);
    }
    return out;
  };

  worker.onmessage = ({ data }) => {
    if (data.type === "ready") {
      clearTimeout(timer);
      if (root.dataset.state === "error") return;
      setState("ready", "事前チェックの準備ができました。");
      send({ action: "start" });
    } else if (data.type === "error") {
      clearTimeout(timer);
      fail("事前チェックを読み込めませんでした。下の一覧を使ってください。");
      console.error(data.message);
    } else {
      const entry = pending.get(data.id);
      pending.delete(data.id);
      if (data.error) entry?.reject(data.error); else entry?.resolve(data.response);
    }
  };
  worker.onerror = () => { clearTimeout(timer); fail("事前チェックを読み込めませんでした。下の一覧を使ってください。"); };

  body.addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.target;
    const action = event.submitter?.value || "next";
    if (action === "print") { window.print(); return; }
    send({ action, fields: fields(form) });
  });
  body.addEventListener("change", (event) => {
    const form = event.target.form;
    if (event.target.type === "file") {
      const file = event.target.files[0];
      // A file over Python's limit is not read at all (it could be huge): its size alone goes
      // to Python, which says what is wrong. An unreadable file goes without text, likewise.
      if (file && file.size > loadLimit) send({ action: "load", size: file.size });
      else if (file) file.text().then((text) => send({ action: "load", text, size: file.size }),
                                      () => send({ action: "load", size: file.size }));
    } else if (form?.dataset.live !== undefined) {
      send({ action: "update", fields: fields(form) });
    }
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
