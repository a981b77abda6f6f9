// The checker's Python runs here, in a module worker, so the page never freezes while
// Pyodide starts. Messages in: {id, request}; out: {id, response}, or, while starting,
// {type: "plan" | "progress" | "fallback" | "ready" | "error"}.
//
// Two ways to start. From the build's memory snapshot (checker-snapshot.json names it): Python
// already initialised, the checker imported, so CPython's start-up (most of the wait) is skipped.
// Otherwise, or when anything about the snapshot is wrong, the normal start: the runtime, then
// the checker wheel by name from the site's lock file. The page starts this worker again with
// "?start=normal" when a snapshot fails part-way, or when the person asks for the smaller start
// (the "plan" message says whether the snapshot is in the browser's cache already), so each
// attempt begins from a clean worker.
//
// The drafting package (提案書の下書き) is a wheel of its own, fetched only when a draft is first
// asked for: Python then answers {"needs": "drafting"}, and the worker fetches the wheel, checks
// it against the lock file, unpacks it as it unpacks the checker, and asks the same again.
import { loadPyodide, version } from "../../pyodide/pyodide.mjs";

const indexURL = new URL("../../pyodide/", import.meta.url).href;
// "?start=normal" or "?start=snapshot" (from the page's own address too, for measuring).
const asked = new URL(import.meta.url).searchParams.get("start");
// The names the build gives what it bundles (build/layout.py: tests/content/test_build_layout.py
// checks that both say the same).
const MANIFEST = "checker-snapshot.json";
const LOCKFILE = "pyodide-lock.json";
const PACKAGE = "proposal-checker";
const DRAFTING = "proposal-checker-drafting";
const WHEEL_FILE = "/tmp/checker.whl";
let handle;
let runtime;
let ready = false;
let snapshotting = false;

// Each phase of the start is a performance.measure ("checker:<phase>"): it shows in a DevTools
// trace (category blink.user_timing) and in the worker's performance timeline, for make bench.
const phase = async (name, work) => {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.measure(`checker:${name}`, { start, end: performance.now() });
  }
};

// Progress: every runtime file the worker fetches is counted as its bytes arrive (a clone of
// the response is read, so the original keeps its URL and the browser's wasm code cache).
// Sizes are of the body as decoded, so they compare with the file sizes the page was built with.
const arrived = new Set();
const report = (file, loaded, done) => {
  if (done) arrived.add(file);
  postMessage({ type: "progress", file, loaded, done });
};
const nameOf = (url) => (url.startsWith(indexURL) ? url.slice(indexURL.length).split("?")[0] : null);
const fetchFromNetwork = globalThis.fetch.bind(globalThis);
globalThis.fetch = async (input, init) => {
  const response = await fetchFromNetwork(input, init);
  const file = nameOf(String(input?.url ?? input));
  // Only the start's files are counted (the page's progress bar); a draft's wheel comes later.
  if (file && response.ok && response.body && !ready) {
    const reader = response.clone().body.getReader();
    let loaded = 0;
    let later = null; // at most one report per file every 100 ms, and the latest always sent
    report(file, 0, false);
    (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) { clearTimeout(later); return report(file, loaded, true); }
        loaded += value.byteLength;
        later ??= setTimeout(() => { later = null; report(file, loaded, false); }, 100);
      }
    })().catch(() => {}); // the original response reports its own failure to whoever reads it
  }
  return response;
};
// Files the worker does not fetch itself (pyodide.asm.mjs is imported) are reported when the
// browser has them.
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const file = nameOf(entry.name);
    if (file && !arrived.has(file) && file.endsWith(".mjs")) report(file, entry.decodedBodySize, true);
  }
}).observe({ type: "resource", buffered: true });

async function json(file) {
  const response = await fetch(indexURL + file);
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return response.json();
}

// Whether a first visit gets the snapshot: it adds 6.7 MB (gzip) to the 6 MB of the runtime and
// saves CPython's start, about 4.5 s of CPU here and several times that on a phone. On a slow
// line the download costs more than it saves (make bench: slow 4G with 4x CPU), so a connection
// the browser reports as slower than 4G (its effective type, from measured round trips and
// throughput), or as saving data, gets the normal start, unless the snapshot is in the
// browser's cache already (a repeat visit). A browser that reports nothing gets the snapshot.
const SLOW_LINES = new Set(["slow-2g", "2g", "3g"]);

async function inCache(file) {
  try {
    const response = await fetchFromNetwork(indexURL + file, { cache: "only-if-cached", mode: "same-origin" });
    response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

function slowLine() {
  const line = navigator.connection;
  if (!line || asked === "snapshot") return null;
  if (line.saveData) return "the browser asks to save data";
  if (SLOW_LINES.has(line.effectiveType)) return `a slow line (${line.effectiveType}, ${line.downlink} Mbps)`;
  return null;
}

// The snapshot is used only if it was made for this runtime and for the wheel this site serves.
async function snapshotPlan() {
  if (asked === "normal") return { reason: "normal start asked for" };
  if (typeof DecompressionStream !== "function") return { reason: "no DecompressionStream" };
  let manifest, lock;
  try {
    [manifest, lock] = await Promise.all([json(MANIFEST), json(LOCKFILE)]);
  } catch (error) {
    return { reason: `no snapshot manifest (${error.message})` };
  }
  const wheel = lock.packages?.[PACKAGE];
  if (manifest.runtime !== version) return { reason: `snapshot made for runtime ${manifest.runtime}, not ${version}` };
  if (!wheel || wheel.file_name !== manifest.wheel || wheel.sha256 !== manifest.wheel_sha256) {
    return { reason: "snapshot made for another checker wheel" };
  }
  // In the cache already, it costs nothing to download (the page then offers no smaller start).
  const cached = await inCache(manifest.file);
  const slow = cached ? null : slowLine();
  if (slow) return { reason: slow };
  return { manifest, wheel, cached };
}

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");

async function bytesOf(file, inflate = false) {
  const response = await fetch(indexURL + file);
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  const body = inflate ? response.body.pipeThrough(new DecompressionStream("gzip")) : response.body;
  return new Response(body).arrayBuffer();
}

// Unpacked with zipfile, as when the snapshot was made (the same recipe: build/layout.py UNPACK):
// the snapshot holds Python's memory, not its files, and the checker imports some modules and
// reads its data only when first needed.
const UNPACK = `
import importlib, os, sysconfig, zipfile
with zipfile.ZipFile("${WHEEL_FILE}") as wheel:
    wheel.extractall(sysconfig.get_paths()["purelib"])
os.remove("${WHEEL_FILE}")
importlib.invalidate_caches()
`;

async function startFromSnapshot({ manifest, wheel, cached }) {
  postMessage({ type: "plan", start: "snapshot", cached });
  snapshotting = true;
  const wheelBytes = phase("wheel-download", () => bytesOf(wheel.file_name));
  const snapshot = phase("snapshot-download-inflate", () => bytesOf(manifest.file, true));
  const pyodide = await phase("runtime-restore", () => loadPyodide({ indexURL, _loadSnapshot: snapshot }));
  const bytes = await wheelBytes;
  await phase("wheel-verify", async () => {
    if (hex(await crypto.subtle.digest("SHA-256", bytes)) !== wheel.sha256) throw new Error("wheel sha256 differs");
  });
  await phase("wheel-unpack", () => {
    pyodide.FS.writeFile(WHEEL_FILE, new Uint8Array(bytes));
    pyodide.runPython(UNPACK);
  });
  handle = await phase("checker-import", () => pyodide.pyimport("proposal_checker.web").handle);
  runtime = pyodide;
  snapshotting = false;
}

async function startNormally(reason) {
  postMessage({ type: "plan", start: "normal", reason });
  const pyodide = await phase("runtime-start", () => loadPyodide({ indexURL }));
  // loadPackage reports failures through errorCallback instead of throwing.
  const errors = [];
  await phase("wheel-load", () => pyodide.loadPackage(PACKAGE,
    { messageCallback: () => {}, errorCallback: (m) => errors.push(m) }));
  if (errors.length) throw new Error(errors.join("\n"));
  handle = await phase("checker-import", () => pyodide.pyimport("proposal_checker.web").handle);
  runtime = pyodide;
}

// The drafting package's wheel, when a draft is first asked for: named and checked by the lock file.
let drafting = null;
async function loadDrafting() {
  const wheel = (await json(LOCKFILE)).packages?.[DRAFTING];
  if (!wheel) throw new Error(`${LOCKFILE} names no ${DRAFTING}`);
  const bytes = await bytesOf(wheel.file_name);
  if (hex(await crypto.subtle.digest("SHA-256", bytes)) !== wheel.sha256) throw new Error("drafting wheel sha256 differs");
  runtime.FS.writeFile(WHEEL_FILE, new Uint8Array(bytes));
  runtime.runPython(UNPACK);
}

// A snapshot that fails (download, inflate, restore) sends "fallback": the page then starts a
// fresh worker for the normal start. Anything else that fails is an error.
const failed = (message) => {
  if (ready) return;
  postMessage({ type: snapshotting ? "fallback" : "error", message });
  snapshotting = false;
  ready = true; // nothing more from this worker
};

async function start() {
  const plan = await phase("plan", snapshotPlan);
  if (plan.manifest) await startFromSnapshot(plan);
  else await startNormally(plan.reason);
  if (ready) return;
  ready = true;
  postMessage({ type: "ready" });
}

// When pyodide.asm.wasm cannot be fetched or compiled, Pyodide 314 only logs
// "wasm instantiation failed!" with console.warn and loadPyodide never settles. Watch for
// that line (and any unhandled rejection) so the page can say so at once.
const warn = console.warn;
console.warn = (...args) => {
  if (String(args[0]).includes("wasm instantiation failed")) failed(String(args[0]));
  warn(...args);
};
addEventListener("unhandledrejection", (event) => failed(String(event.reason)));

let answered = false;
const started = start().catch((error) => failed(String(error)));

// One request at a time, in the order they came: one that waits for the drafting wheel holds the next.
let turn = started;
const answer = async ({ id, request }) => {
  try {
    const start = performance.now();
    let response = JSON.parse(handle(JSON.stringify(request)));
    if (!answered) performance.measure("checker:first-answer", { start, end: performance.now() });
    answered = true;
    if (response.needs === "drafting") {
      drafting ??= phase("drafting-load", loadDrafting).catch((error) => { drafting = null; throw error; });
      await drafting;
      response = JSON.parse(handle(JSON.stringify(request)));
    }
    postMessage({ id, response });
  } catch (error) {
    postMessage({ id, error: String(error) });
  }
};
onmessage = (event) => { turn = turn.then(() => answer(event.data)); };
