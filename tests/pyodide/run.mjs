// Run pytest inside the real Pyodide runtime (from the pinned npm package), under Node, offline.
//   node tests/pyodide/run.mjs TESTDIR [pytest args...]
// The checker wheel comes from the site bundle (build/out/pyodide); pytest and its pure-Python
// dependencies from build/out/test-wheels (downloaded once by `make`). Exit code = pytest's.
import { loadPyodide } from "pyodide";
import { readFileSync, readdirSync } from "node:fs";
import { resolve, join } from "node:path";

const root = resolve(import.meta.dirname, "../..");
const [testDir = "tests/checker", ...pytestArgs] = process.argv.slice(2);

const pyodide = await loadPyodide();
// Raw writes keep pytest's progress dots on one line.
const decoder = new TextDecoder();
pyodide.setStdout({ write: (bytes) => { process.stdout.write(decoder.decode(bytes)); return bytes.length; } });
pyodide.setStderr({ write: (bytes) => { process.stderr.write(decoder.decode(bytes)); return bytes.length; } });
const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");

const wheelDirs = [join(root, "build/out/test-wheels"), join(root, "build/out/pyodide")];
for (const dir of wheelDirs) {
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".whl"))) {
    // unpackArchive wants a Uint8Array (a Node Buffer is rejected) and an explicit extractDir.
    pyodide.unpackArchive(new Uint8Array(readFileSync(join(dir, name))), "wheel", { extractDir: sitePackages });
  }
}

pyodide.FS.mkdirTree("/project");
pyodide.mountNodeFS("/project", root);
pyodide.globals.set("pytest_args", pyodide.toPy([`/project/${testDir}`, "-p", "no:cacheprovider", ...pytestArgs]));
let code;
try {
  code = await pyodide.runPythonAsync(`
import os, sys, platform
os.chdir("/project")
import proposal_checker
print(f"Python {platform.python_version()} on {sys.platform} (Pyodide); checker from {os.path.dirname(proposal_checker.__file__)}")
import pytest
pytest.main(list(pytest_args))
`);
} catch (error) {
  // A Python exception outside pytest (a missing module, say): print it, not the runtime's source.
  console.error(String(error.message ?? error));
  process.exit(1);
}
process.exit(Number(code));
