// The checker's Python runs here, in a module worker, so the page never freezes while
// Pyodide starts. Messages in: {id, request}; out: {id, response} or {type: "ready"|"error"}.
import { loadPyodide } from "../../pyodide/pyodide.mjs";

const indexURL = new URL("../../pyodide/", import.meta.url).href;
let handle;

async function start() {
  const pyodide = await loadPyodide({ indexURL });
  // loadPackage reports failures through errorCallback instead of throwing.
  const errors = [];
  await pyodide.loadPackage("proposal-checker", { messageCallback: () => {}, errorCallback: (m) => errors.push(m) });
  if (errors.length) throw new Error(errors.join("\n"));
  handle = pyodide.pyimport("proposal_checker.web").handle;
  ready = true;
  postMessage({ type: "ready" });
}

// When pyodide.asm.wasm cannot be fetched or compiled, Pyodide 314 only logs
// "wasm instantiation failed!" with console.warn and loadPyodide never settles. Watch for
// that line (and any unhandled rejection) so the page can say so at once, not after 60 s.
let ready = false;
const failEarly = (message) => { if (!ready) postMessage({ type: "error", message }); };
const warn = console.warn;
console.warn = (...args) => {
  if (String(args[0]).includes("wasm instantiation failed")) failEarly(String(args[0]));
  warn(...args);
};
addEventListener("unhandledrejection", (event) => failEarly(String(event.reason)));

const started = start().catch((error) => postMessage({ type: "error", message: String(error) }));

onmessage = async (event) => {
  await started;
  const { id, request } = event.data;
  try {
    postMessage({ id, response: JSON.parse(handle(JSON.stringify(request))) });
  } catch (error) {
    postMessage({ id, error: String(error) });
  }
};
