"""`make bench`: how fast the checker starts and answers, and how heavy the pages are.

Prints a table and writes the same figures as JSON (build/out/bench.json). Figures only:
no goal here makes anything fail. Headless Chromium, the built site served on 127.0.0.1.
"""
from __future__ import annotations

import functools
import gzip
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

import lighthouse  # tests/bench/lighthouse.py: Lighthouse against nginx
import startup  # tests/bench/startup.py: how the checker starts

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"
HERE = Path(__file__).resolve().parent
RUNS = int(os.environ.get("BENCH_RUNS", "7"))
CHANGES = int(os.environ.get("BENCH_CHANGES", "100"))
# The same browser as startup.py's, which can slow its renderers as a phone's (tests/bench/phone.py).
LAUNCH = startup.LAUNCH


COMPRESSIBLE = (".html", ".js", ".mjs", ".css", ".json", ".csv", ".svg", ".wasm", ".zip")


class Handler(SimpleHTTPRequestHandler):
    """The built site, plus the bare runtime page under /__bench__/ (never part of the site).

    Like a static host, it sends text and the runtime gzip-compressed when the browser asks,
    and lets the browser cache files (`Cache-Control: max-age`), so "transferred" and
    "repeat visit" mean what they would on a real host.
    """

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and gzip_ok and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = _gzipped(str(path), path.stat().st_mtime)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        import io
        return io.BytesIO(body)

    def end_headers(self):
        if not any(h.startswith(b"Cache-Control") for h in getattr(self, "_headers_buffer", [])):
            self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def translate_path(self, path):
        if path.startswith("/__bench__/"):
            return str(HERE / path.split("?")[0][len("/__bench__/"):])
        return super().translate_path(path)


@functools.lru_cache(maxsize=None)
def _gzipped(path: str, mtime: float) -> bytes:
    return gzip.compress(Path(path).read_bytes(), 6)


def serve():
    # /__bench__/ sits beside /pyodide/ so the bare worker's "../pyodide/" resolves to the site's runtime.
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# When the runtime's last file had arrived, in the worker's clock (the wheel is fetched later,
# once the runtime runs, so it is left out).
FILES_IN = """() => Math.max(...performance.getEntriesByType('resource')
  .filter((e) => !e.name.endsWith('.whl')).map((e) => e.responseEnd))"""
ARRIVALS: dict[str, list[float]] = {"cold": [], "warm": []}


def time_to_ready(browser, url, selector, context=None, arrivals=None):
    own = context is None
    context = context or browser.new_context()
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(selector, timeout=90000)
    elapsed = time.perf_counter() - start
    if arrivals is not None and page.workers:
        arrivals.append(page.workers[-1].evaluate(FILES_IN) / 1000)
    page.close()
    if own:
        context.close()
    return elapsed


def start_figures(browser, base):
    checker, bare = [], []
    for _ in range(RUNS):  # alternate, so drift affects both alike
        checker.append(time_to_ready(browser, base + "checker/", "#checker[data-state='ready']",
                                     arrivals=ARRIVALS["cold"]))
        bare.append(time_to_ready(browser, base + "__bench__/bare.html", "#bare[data-state='ready']"))
    cold = statistics.median(checker)
    warm = []
    context = browser.new_context()
    time_to_ready(browser, base + "checker/", "#checker[data-state='ready']", context)
    for _ in range(RUNS):
        warm.append(time_to_ready(browser, base + "checker/", "#checker[data-state='ready']", context,
                                  arrivals=ARRIVALS["warm"]))
    context.close()
    return {
        "checker_ready_median_s": round(cold, 3),
        "bare_runtime_median_s": round(statistics.median(bare), 3),
        "start_ratio": round(cold / statistics.median(bare), 3),
        "repeat_visit_median_s": round(statistics.median(warm), 3),
        "repeat_speedup": round(cold / statistics.median(warm), 2),
        # Of the time to ready, how much had passed when the runtime's files had all arrived
        # (worker clock); the rest is initialising the runtime and loading the checker.
        "files_in_cold_median_s": round(statistics.median(ARRIVALS["cold"]), 3) if ARRIVALS["cold"] else None,
        "files_in_warm_median_s": round(statistics.median(ARRIVALS["warm"]), 3) if ARRIVALS["warm"] else None,
        "runs": RUNS,
    }


def answering_figures(browser, base):
    """From an answer change to the updated result panel on screen."""
    page = browser.new_page()
    page.goto(base + "checker/")
    page.wait_for_selector("#checker[data-state='ready']", timeout=90000)
    page.click('[data-checker-body] form button[value="next"]')  # past the introduction
    page.wait_for_selector("[data-checker-body] form[data-live]")
    durations = page.evaluate(
        """async (count) => {
          const form = document.querySelector("[data-checker-body] form[data-live]");
          const radios = [...form.querySelectorAll("input[type=radio]")];
          const out = [];
          for (let i = 0; i < count; i++) {
            const panel = document.querySelector("[data-result]");
            const changed = new Promise((resolve) => {
              const observer = new MutationObserver(() => { observer.disconnect(); resolve(); });
              observer.observe(panel, { childList: true, subtree: true, characterData: true });
            });
            const radio = radios[i % radios.length];
            const t0 = performance.now();
            radio.checked = true;
            radio.dispatchEvent(new Event("change", { bubbles: true }));
            await changed;
            await new Promise(requestAnimationFrame);
            out.push(performance.now() - t0);
          }
          return out;
        }""",
        CHANGES,
    )
    page.close()
    durations.sort()
    return {
        "answer_median_ms": round(statistics.median(durations), 1),
        "answer_p95_ms": round(durations[int(len(durations) * 0.95) - 1], 1),
        "changes": len(durations),
    }


def group_of(name: str) -> str:
    """runtime: Pyodide's own files; theme: Material's assets and search index, the same on
    every page; ours: the page, the checker wheel, the checker's scripts, our stylesheets."""
    if name.startswith("/pyodide/") and not name.endswith(".whl"):
        return "runtime"
    if name.startswith(("/assets/javascripts/", "/assets/images/", "/search/")) or "/stylesheets/main." in name:
        return "theme"
    return "ours"


def weight_figures(browser, base):
    pages = sorted(str(p.relative_to(SITE).parent) for p in SITE.rglob("index.html"))
    result = {}
    for path in pages:
        url = base + ("" if path == "." else path + "/")
        context = browser.new_context()
        page = context.new_page()
        sizes = []
        page.on("requestfinished", lambda r: sizes.append((r.url, r)))
        page.goto(url)
        if page.locator("#checker").count():  # the checker page (not the list's own page below it)
            page.wait_for_selector("#checker[data-state='ready']", timeout=90000)
        page.wait_for_load_state("networkidle")
        groups = {"runtime": 0, "theme": 0, "ours": 0}
        files: dict[str, int] = {}
        for request_url, request in sizes:
            measured = request.sizes()
            sent = measured["responseBodySize"] + measured["responseHeadersSize"]
            name = request_url[len(base) - 1:]
            files[name] = sent
            groups[group_of(name)] += sent
        result[path] = {**{f"{k}_bytes": v for k, v in groups.items()}, "total_bytes": sum(groups.values()),
                        "files": files}
        context.close()
    return result


LONGTASKS = """
  window.__longest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: "longtask", buffered: true });
"""


def longest_task(browser, base, path="checker/"):
    page = browser.new_page()
    page.add_init_script(LONGTASKS)
    page.goto(base + path)
    if path == "checker/":
        page.wait_for_selector("#checker[data-state='ready']", timeout=90000)
    page.wait_for_timeout(1500)
    value = page.evaluate("window.__longest")
    page.close()
    return round(value, 1)


def main_thread_figures(browser, base):
    """The longest task on the checker page while Python starts, and, to tell whose it is,
    on a content page and on the checker page with the theme's script blocked."""
    checker = [longest_task(browser, base) for _ in range(3)]
    content = [longest_task(browser, base, "guide/") for _ in range(3)]
    context = browser.new_context()
    context.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
    without_theme = []
    for _ in range(3):
        page = context.new_page()
        page.add_init_script(LONGTASKS)
        page.goto(base + "checker/")
        page.wait_for_selector("#checker[data-state='ready']", timeout=90000)
        page.wait_for_timeout(1500)
        without_theme.append(round(page.evaluate("window.__longest"), 1))
        page.close()
    context.close()
    return {"longest_main_thread_task_ms": statistics.median(checker),
            "content_page_longest_task_ms": statistics.median(content),
            "checker_without_theme_script_longest_task_ms": statistics.median(without_theme)}


def build_figure():
    """`make site` in a clean copy of the tracked files (the installed venv and npm packages reused)."""
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "project"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(copy)], check=True)
        (copy / "node_modules").symlink_to(ROOT / "node_modules")
        (copy / "node_modules" / ".installed").touch()
        # Older than the venv's stamp, so make does not reinstall into (and re-point) the shared venv.
        for name in ("requirements.txt", "checker/pyproject.toml"):
            os.utime(copy / name, (0, 0))
        start = time.perf_counter()
        subprocess.run(["make", "--no-print-directory", f"VENV={ROOT / '.venv'}", "site"], cwd=copy, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return {"make_site_s": round(time.perf_counter() - start, 2)}


def drafting_figures() -> list[str]:
    """tests/bench/drafting.mjs under Node: the checker's import (the page's start) and a 200-row draft
    (goal < 200 ms for the documents and the .docx), inside the real Pyodide runtime."""
    done = subprocess.run(["node", str(HERE / "drafting.mjs")], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.splitlines() if done.returncode == 0 else [f"drafting.mjs failed: {done.stderr.strip()[-300:]}"]


def main() -> int:
    figures = {"build": build_figure()}
    server, base = serve()
    with sync_playwright() as p:
        browser = p.chromium.launch(**LAUNCH)
        figures["start"] = start_figures(browser, base)
        figures["answering"] = answering_figures(browser, base)
        figures["weight"] = weight_figures(browser, base)
        figures["main_thread"] = main_thread_figures(browser, base)
        figures["startup"] = startup.figures(browser, base)  # tests/bench/startup.py
        browser.close()
    server.shutdown()
    figures["lighthouse"] = lighthouse.lighthouse_figures(SITE)
    figures["drafting"] = drafting_figures()

    out = ROOT / "build" / "out" / "bench.json"
    out.write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    s, a, m = figures["start"], figures["answering"], figures["main_thread"]
    rows = [
        ("checker page to ready (cold, median)", f"{s['checker_ready_median_s']:.2f} s"),
        ("bare Pyodide to 1+1 (cold, median)", f"{s['bare_runtime_median_s']:.2f} s"),
        ("start ratio (goal <= 1.10)", f"{s['start_ratio']:.2f}"),
        ("repeat visit (warm cache, median)", f"{s['repeat_visit_median_s']:.2f} s"),
        ("repeat speed-up (goal >= 2)", f"{s['repeat_speedup']:.2f}x"),
        ("  runtime files in (worker clock): cold / warm", f"{s['files_in_cold_median_s']:.2f} s / {s['files_in_warm_median_s']:.2f} s"),
        ("answer to result, median", f"{a['answer_median_ms']:.1f} ms"),
        ("answer to result, p95 (goal < 50)", f"{a['answer_p95_ms']:.1f} ms"),
        ("longest main-thread task (goal < 50)", f"{m['longest_main_thread_task_ms']:.1f} ms"),
        ("  same on a content page (no Python)", f"{m['content_page_longest_task_ms']:.1f} ms"),
        ("  checker page, theme script blocked", f"{m['checker_without_theme_script_longest_task_ms']:.1f} ms"),
        ("make site from a clean tree", f"{figures['build']['make_site_s']:.1f} s"),
    ]
    for path, w in figures["weight"].items():
        label = "checker page" if path == "checker" else f"page {path}"
        parts = f"ours {w['ours_bytes']/1024:.0f} + theme {w['theme_bytes']/1024:.0f}"
        if w["runtime_bytes"]:
            parts += f" + runtime {w['runtime_bytes']/1024:.0f}"
        rows.append((f"{label}, KB transferred", f"{w['total_bytes']/1024:.0f} ({parts})"))
    rows += startup.rows(figures["startup"])
    rows += lighthouse.rows(figures["lighthouse"])
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    print("\nDrafting inside Pyodide (tests/bench/drafting.mjs):")
    for line in figures["drafting"]:
        print(f"  {line}")
    print(f"\nwritten to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
