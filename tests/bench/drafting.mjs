// Figures, not pass/fail: how long drafting takes inside the real Pyodide runtime under Node.
//   node tests/bench/drafting.mjs [ROWS=200] [RUNS=15]
//   BENCH_WHEEL=other.whl node tests/bench/drafting.mjs   (the start's figures of another build,
//   say one without the drafting package, to compare the checker's start before and after)
// Needs `make bundle fixtures` (the checker wheel in build/out/pyodide, the test calls in
// build/out/fixtures). Prints the checker's import (what the page's start pays), the drafting
// package's first import (paid only when a draft is asked for), then the median and the slowest
// of RUNS runs of each step for one applicant of a new proposal whose processing table has ROWS
// rows: building the documents, the .docx, the preview's HTML and the text. Goal: < 200 ms for
// build + .docx with 200 rows. The machine's load moves these figures: read them side by side.
import { loadPyodide } from "pyodide";
import { readFileSync, readdirSync } from "node:fs";
import { basename, resolve, join } from "node:path";

const root = resolve(import.meta.dirname, "../..");
const rows = Number(process.argv[2] ?? 200);
const runs = Number(process.argv[3] ?? 15);

const started = performance.now();
const pyodide = await loadPyodide();
const loaded = performance.now();
const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
const bundle = join(root, "build/out/pyodide");
// The checker's wheel and the drafting package's (a wheel of its own, which the page fetches only for a draft).
const wheels = process.env.BENCH_WHEEL ? [process.env.BENCH_WHEEL]
  : readdirSync(bundle).filter((n) => n.endsWith(".whl")).map((n) => join(bundle, n));
if (!wheels.length) {
  console.error("build/out/pyodide has no wheel: run `make bundle fixtures` first");
  process.exit(2);
}
const wheelBytes = wheels.map((w) => readFileSync(w));
for (const bytes of wheelBytes) pyodide.unpackArchive(new Uint8Array(bytes), "wheel", { extractDir: sitePackages });
const unpacked = performance.now();
pyodide.FS.mkdirTree("/project");
pyodide.mountNodeFS("/project", root);
pyodide.globals.set("ROWS", rows);
pyodide.globals.set("RUNS", runs);

const figures = JSON.parse(await pyodide.runPythonAsync(`
import importlib.util, json, statistics, sys, time
t = time.perf_counter()
import proposal_checker.web
checker_import = time.perf_counter() - t
drafting = importlib.util.find_spec("proposal_checker.drafting") is not None

def measure():
    t = time.perf_counter()
    from proposal_checker.drafting import build_documents, render_docx, render_html, draft_text, packaged_documents
    packaged_documents()
    drafting_import = time.perf_counter() - t

    sys.path.insert(0, "/project/tests/checker")
    import calls
    calls.FIXTURES = calls.Path("/project/build/out/fixtures")
    from drafts import answers
    call = calls.load("r7-isa")
    data = answers("new", call, agent=False)
    treatments = ["delete", "replace", "generalise", "top-bottom", "keep", "not-requested"]
    data["draft"]["processing"] = [{"item": f"記録項目{i}", "treatment": treatments[i % 6], "note": "都道府県まで" * 3}
                                   for i in range(ROWS)]

    steps = {"build": [], "docx": [], "html": [], "text": []}
    for _ in range(RUNS):
        t0 = time.perf_counter(); result = build_documents(data, call, failing=[])
        t1 = time.perf_counter(); docx = render_docx(result.documents)
        t2 = time.perf_counter(); html = render_html(result.documents)
        t3 = time.perf_counter(); text = draft_text(result.documents)
        t4 = time.perf_counter()
        for name, took in zip(steps, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
            steps[name].append(took * 1000)
    both = [b + d for b, d in zip(steps["build"], steps["docx"])]
    return {
        "drafting_first_import_ms": drafting_import * 1000,
        "steps": {k: {"median": statistics.median(v), "max": max(v)} for k, v in steps.items()},
        "build_and_docx": {"median": statistics.median(both), "max": max(both)},
        "docx_bytes": len(docx), "html_chars": len(html), "documents": len(result.documents),
    }

figures = measure() if drafting else {}
figures["checker_import_ms"] = checker_import * 1000
json.dumps(figures)
`));

const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`Pyodide ${pyodide.version} under Node ${process.version}; ${rows} rows, ${runs} runs`);
console.log(`runtime start                  ${ms(loaded - started)}`);
wheels.forEach((w, i) => console.log(`wheel ${basename(w).padEnd(24).slice(0, 24)} ${wheelBytes[i].length.toLocaleString("en")} bytes`));
console.log(`wheels unpacked in             ${ms(unpacked - loaded)}`);
console.log(`import proposal_checker.web    ${ms(figures.checker_import_ms)}  (the page's start; drafting is not imported)`);
if (!figures.steps) {
  console.log("this build has no drafting package: start figures only");
  process.exit(0);
}
console.log(`first import of drafting       ${ms(figures.drafting_first_import_ms)}  (data file read and checked)`);
for (const [name, f] of Object.entries(figures.steps)) {
  console.log(`${name.padEnd(30)} median ${ms(f.median)}, slowest ${ms(f.max)}`);
}
const goal = figures.build_and_docx.median < 200 ? "under" : "over";
console.log(`build + .docx                  median ${ms(figures.build_and_docx.median)}, slowest ${ms(figures.build_and_docx.max)} (${goal} the 200 ms goal)`);
console.log(`.docx                          ${figures.docx_bytes.toLocaleString("en")} bytes, ${figures.documents} documents; preview ${figures.html_chars.toLocaleString("en")} characters`);
process.exit(0);
