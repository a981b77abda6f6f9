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
  postMessage({ type: "ready" });
}

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
