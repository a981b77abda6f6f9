"""`make bench`, the checker's start: first usable question, time to ready by way of starting,
bytes on the wire, unthrottled and under Chromium's network and CPU throttling.

Called from run.py (figures under "startup" in build/out/bench.json, rows in its table), or on
its own: `.venv/bin/python tests/bench/startup.py` (serves the built site itself; with
BENCH_TRACE_ONLY=1 only the trace below).

Ways of starting, each cold (a new browser context):
- snapshot: the checker page made to start from the build's memory snapshot (checker/?start=snapshot);
- normal:   the checker page made to start the normal way (checker/?start=normal), as without a snapshot;
- bare:     the same runtime in the same kind of worker running 1+1 (tests/bench/bare.html);
- page:     the checker page as published, which chooses (worker.mjs: the snapshot unless the
            browser reports a line slower than 4G and it is not cached); one visit, to show the choice.
And a Chrome trace of one cold snapshot start and one repeat visit (build/out/trace-start-*.json,
summary under "trace"): where the start's time goes, in the worker and on the main thread.
Figures only, never pass/fail.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from phone import SlowCPU  # noqa: E402  (tests/bench/phone.py)

RUNS = int(os.environ.get("BENCH_RUNS", "7"))
THROTTLED_RUNS = int(os.environ.get("BENCH_THROTTLED_RUNS", "2"))
SLOW_RUNS = int(os.environ.get("BENCH_SLOW_RUNS", "1"))

# Chrome DevTools' presets (the "Fast 4G" and "Slow 4G" of its network panel): bytes per second,
# latency in ms. The CPU is slowed 4x, as DevTools' mid-range phone: the page and the checker's
# worker alike (phone.py: CDP's own CPU throttling reaches the page only).
PROFILES = {
    "fast-4g": {"latency": 165, "downloadThroughput": 9_000_000 * 0.9 / 8, "uploadThroughput": 1_500_000 * 0.9 / 8},
    "slow-4g": {"latency": 562.5, "downloadThroughput": 1_600_000 * 0.9 / 8, "uploadThroughput": 750_000 * 0.9 / 8},
}
PHONE_CPU = SlowCPU(rate=4)
# Every browser of the benchmark carries the phone's tag (run.py launches its own with these args).
LAUNCH = dict(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", *PHONE_CPU.args()])

# How long the first visit stays on the page after ready, as a person reading the first step:
# V8 writes the runtime's compiled code to the HTTP cache only after it has tiered up.
STAY_MS = int(os.environ.get("BENCH_STAY_MS", "10000"))
READY = "#checker[data-state='ready'], #checker[data-state='error']"
# Marks, in the page's clock from navigation: when the first screen was usable (its button
# shown and enabled) and when the first input of step 1 was.
MARKS = """
  window.__marks = {};
  addEventListener("click", () => { window.__marks.click ??= performance.now(); }, { capture: true });
  new MutationObserver(() => {
    const body = document.querySelector("[data-checker-body]");
    if (!body || body.hidden) return;
    const m = window.__marks;
    // Usable: on screen and no longer inert (checker.js runs).
    if (m.first_screen === undefined && !body.inert && body.querySelector("button:enabled")) m.first_screen = performance.now();
    if (m.question === undefined && body.querySelector("input[type=radio]:not([disabled])")) m.question = performance.now();
  }).observe(document, { childList: true, subtree: true, attributes: true });
"""


def _throttle(context, page, profile: str | None):
    """The profile's line (CDP, on the page's target: the worker's requests go through it too),
    and the phone's CPU for the page and its workers while the returned context is entered."""
    if profile is None:
        return contextlib.nullcontext()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, **PROFILES[profile]})
    return PHONE_CPU


def visit(browser, url: str, start: str, profile: str | None = None, context=None) -> dict:
    """One visit: seconds to ready (and to the first question on the checker page), bytes."""
    own = context is None
    context = context or browser.new_context()
    page = context.new_page()
    with _throttle(context, page, profile):
        out = _visit(page, url, start)
    page.close()
    if own:
        context.close()
    return out


def _visit(page, url: str, start: str) -> dict:
    page.add_init_script(MARKS)
    sent = []
    page.on("requestfinished", lambda r: sent.append(r))
    begin = time.perf_counter()
    page.goto(url)
    out = {}
    if start != "bare":
        # As a person would: press はじめる as soon as it can be pressed.
        page.locator("[data-checker-body] button[value='next']").first.click(timeout=300000)
        page.wait_for_selector("[data-checker-body] input[type=radio]", timeout=300000)
        page.wait_for_selector(READY, timeout=300000)
        out["state"] = page.get_attribute("#checker", "data-state")
        out["start"] = page.get_attribute("#checker", "data-start")
        out["line"] = page.evaluate("navigator.connection ? `${navigator.connection.effectiveType}, ${navigator.connection.downlink} Mbps` : null")
        marks = page.evaluate("window.__marks")
        out["first_screen_s"] = round(marks.get("first_screen", 0) / 1000, 3)
        out["first_question_s"] = round(marks.get("question", 0) / 1000, 3)
        # The question on screen after the click, less the time the driver took to click.
        out["question_after_click_s"] = round((marks.get("question", 0) - marks.get("click", 0)) / 1000, 3)
    else:
        page.wait_for_selector("#bare[data-state='ready']", timeout=300000)
    out["ready_s"] = round(time.perf_counter() - begin, 3)
    page.wait_for_timeout(200)
    total = 0
    for request in sent:
        try:
            sizes = request.sizes()
            total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        except Exception:  # a request the page abandoned
            pass
    out["bytes"] = total
    return out


def _median(visits: list[dict], key: str):
    values = [v[key] for v in visits if v.get(key) is not None]
    return round(statistics.median(values), 3) if values else None


def series(browser, base: str, runs: int, profile: str | None, starts=("snapshot", "normal", "bare")) -> dict:
    urls = {"snapshot": base + "checker/?start=snapshot", "normal": base + "checker/?start=normal",
            "bare": base + "__bench__/bare.html", "page": base + "checker/"}
    visits: dict[str, list[dict]] = {s: [] for s in starts}
    for _ in range(runs):  # alternate, so drift affects all alike
        for start in starts:
            visits[start].append(visit(browser, urls[start], start, profile))
    out = {}
    for start, done in visits.items():
        out[start] = {"ready_s": _median(done, "ready_s"), "bytes": _median(done, "bytes"),
                      "runs": [v["ready_s"] for v in done]}
        if start != "bare":
            out[start].update(first_question_s=_median(done, "first_question_s"),
                              first_screen_s=_median(done, "first_screen_s"),
                              question_after_click_s=_median(done, "question_after_click_s"),
                              started_as=sorted({v["start"] for v in done if v.get("start")}),
                              gave_up=sum(v["state"] == "error" for v in done))
    chosen = visit(browser, urls["page"], "page", profile)
    out["page"] = {"started_as": chosen["start"], "ready_s": chosen["ready_s"], "bytes": chosen["bytes"],
                   "line": chosen["line"]}
    if "bare" in out and out["bare"]["ready_s"]:
        for start in ("snapshot", "normal"):
            if start in out and out[start]["ready_s"]:
                out[start]["ratio_to_bare"] = round(out[start]["ready_s"] / out["bare"]["ready_s"], 2)
    return out


def warm(browser, base: str, runs: int, profile: str | None = None) -> dict:
    """Repeat visits in one context (the browser's cache filled by a first visit). A profile on
    disk, as a person's browser has: a private context keeps no file over about 1 MB in its cache."""
    import tempfile

    profile_dir = tempfile.mkdtemp(prefix="bench-profile-")
    context = browser.browser_type.launch_persistent_context(profile_dir, **LAUNCH)
    visit(browser, base + "checker/?start=snapshot", "snapshot", profile, context)
    done = [visit(browser, base + "checker/", "page", profile, context) for _ in range(runs)]
    context.close()
    shutil.rmtree(profile_dir, ignore_errors=True)
    return {"ready_s": _median(done, "ready_s"), "first_question_s": _median(done, "first_question_s"),
            "started_as": sorted({v["start"] for v in done if v.get("start")}),
            "bytes": _median(done, "bytes"), "runs": [v["ready_s"] for v in done]}


def figures(browser, base: str) -> dict:
    out = {"unthrottled": series(browser, base, RUNS, None)}
    out["unthrottled"]["warm"] = warm(browser, base, RUNS)
    out["fast-4g+cpu4"] = series(browser, base, THROTTLED_RUNS, "fast-4g")
    out["fast-4g+cpu4"]["warm"] = warm(browser, base, THROTTLED_RUNS, "fast-4g")
    out["slow-4g+cpu4"] = series(browser, base, SLOW_RUNS, "slow-4g")
    out["slow-4g+cpu4"]["warm"] = warm(browser, base, SLOW_RUNS, "slow-4g")
    out["trace"] = trace(browser, base)
    out["runs"] = {"unthrottled": RUNS, "fast-4g+cpu4": THROTTLED_RUNS, "slow-4g+cpu4": SLOW_RUNS}
    return out


def rows(f: dict) -> list[tuple[str, str]]:
    out = []
    for name, s in f.items():
        if name == "runs":
            continue
        if name == "trace":
            out += trace_rows(s)
            continue
        snap, normal, bare, warm_ = s["snapshot"], s["normal"], s["bare"], s["warm"]
        out += [
            (f"[{name}] first question usable, cold", f"{snap['first_question_s']:.2f} s (first screen {snap['first_screen_s']:.2f} s, question {snap['question_after_click_s']:.2f} s after the click)"),
            (f"[{name}] ready: snapshot / normal / bare", f"{snap['ready_s']:.2f} / {normal['ready_s']:.2f} / {bare['ready_s']:.2f} s"),
            (f"[{name}] ratio to bare: snapshot / normal", f"{snap.get('ratio_to_bare', 0):.2f} / {normal.get('ratio_to_bare', 0):.2f}"),
            (f"[{name}] the published page starts from", f"{s['page']['started_as']} ({s['page']['ready_s']:.2f} s; the browser reports {s['page']['line']})"),
            (f"[{name}] repeat visit (snapshot cached)", f"{warm_['ready_s']:.2f} s, first question {warm_['first_question_s']:.2f} s"),
            (f"[{name}] KB transferred: snapshot / normal / repeat", f"{snap['bytes'] / 1024:.0f} / {normal['bytes'] / 1024:.0f} / {warm_['bytes'] / 1024:.0f}"),
            (f"[{name}] gave up (of cold checker visits)", f"{snap['gave_up'] + normal['gave_up']}"),
        ]
    return out


# --- Where the start's time goes: a Chrome trace of one cold snapshot start and one repeat visit.
TRACE_CATEGORIES = ["toplevel", "blink.user_timing", "devtools.timeline", "loading", "v8", "v8.wasm",
                    "disabled-by-default-v8.wasm.detailed", "disabled-by-default-devtools.timeline"]
# Trace events that say what the wasm engine did (compiled, took compiled code from the cache...).
WASM_EVENTS = ("wasm", "Wasm")
# The worker's phases, with its clock's origin (performance.timeOrigin) to place them in the page's.
MEASURES = """() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('checker:'))
  .map((m) => ({ name: m.name.slice(8), start: m.startTime, duration: m.duration, origin: performance.timeOrigin }))"""


def _traced_visit(context, url: str, path, stay_ms: int = 300) -> tuple[list[dict], list[dict], float]:
    """One visit to the checker page with Chromium tracing on (CDP Tracing, as DevTools' Performance
    panel records): the trace's events, the worker's own phase measures, seconds to ready."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    events: list[dict] = []
    complete: list[bool] = []
    cdp.on("Tracing.dataCollected", lambda e: events.extend(e["value"]))
    cdp.on("Tracing.tracingComplete", lambda e: complete.append(True))
    cdp.send("Tracing.start", {"traceConfig": {"includedCategories": TRACE_CATEGORIES,
                                               "recordMode": "recordAsMuchAsPossible"},
                               "transferMode": "ReportEvents"})
    begin = time.perf_counter()
    page.goto(url)
    page.locator("[data-checker-body] button[value='next']").first.click(timeout=300000)
    page.wait_for_selector("[data-checker-body] input[type=radio]", timeout=300000)
    page.wait_for_selector(READY, timeout=300000)
    ready = time.perf_counter() - begin
    page.wait_for_timeout(stay_ms)
    measures = page.workers[-1].evaluate(MEASURES) if page.workers else []
    page_origin = page.evaluate("performance.timeOrigin")
    for m in measures:  # from the worker's clock to the page's (navigation = 0)
        m["start"] += m.pop("origin") - page_origin
    cdp.send("Tracing.end")
    while not complete:
        page.wait_for_timeout(100)
    import json
    path.write_text(json.dumps({"traceEvents": events}), encoding="utf-8")
    page.close()
    return events, measures, ready


def summarise(events: list[dict], measures: list[dict]) -> dict:
    """From a trace: busy time of the page's main thread and of the checker's worker (top-level
    tasks), what the wasm engine did there, and the worker's own phases (performance.measure)."""
    names = {(e["pid"], e["tid"]): e["args"]["name"] for e in events
             if e.get("ph") == "M" and e.get("name") == "thread_name"}
    # The checker's worker is the dedicated worker that ran WebAssembly; the page may have others
    # (the theme's search index is built in one).
    workers = {k for k, v in names.items() if v.startswith("DedicatedWorker")}
    worker_threads = {(e["pid"], e["tid"]) for e in events
                      if (e["pid"], e["tid"]) in workers and "wasm" in e.get("cat", "")}
    other_workers = workers - worker_threads
    renderer = {pid for pid, _ in worker_threads}
    main_threads = {k for k, v in names.items() if v == "CrRendererMain" and k[0] in renderer}
    start = min((e["ts"] for e in events if e.get("name") == "navigationStart"
                 and (e["pid"], e["tid"]) in main_threads), default=None)
    start = start if start is not None else min(e["ts"] for e in events if e.get("ts"))

    def busy(threads) -> float:
        return sum(e.get("dur", 0) for e in events
                   if (e["pid"], e["tid"]) in threads and e.get("ph") == "X" and e.get("cat") == "toplevel"
                   and e.get("name") in ("ThreadControllerImpl::RunTask", "RunTask")) / 1e6

    def longest(threads) -> float:
        return max((e.get("dur", 0) for e in events
                    if (e["pid"], e["tid"]) in threads and e.get("ph") == "X" and e.get("cat") == "toplevel"),
                   default=0) / 1e6

    wasm: dict[str, dict] = {}
    for e in events:
        if "wasm" not in e.get("cat", "") or e.get("ph") not in ("X", "B", "I", "i", "n"):
            continue
        where = "worker" if (e["pid"], e["tid"]) in worker_threads else \
                "main" if (e["pid"], e["tid"]) in main_threads else "background"
        key = f"{e['name']} ({where})"
        entry = wasm.setdefault(key, {"count": 0, "total_s": 0.0, "first_at_s": round((e["ts"] - start) / 1e6, 3)})
        entry["count"] += 1
        entry["total_s"] = round(entry["total_s"] + e.get("dur", 0) / 1e6, 3)
    phases = {m["name"]: {"from_s": round(m["start"] / 1000, 3), "took_s": round(m["duration"] / 1000, 3)}
              for m in measures}
    return {"phases": phases,
            "main_thread_busy_s": round(busy(main_threads), 3), "main_thread_longest_task_s": round(longest(main_threads), 3),
            "worker_busy_s": round(busy(worker_threads), 3), "worker_longest_task_s": round(longest(worker_threads), 3),
            "other_workers_busy_s": round(busy(other_workers), 3),
            "wasm_events": dict(sorted(wasm.items(), key=lambda kv: -kv[1]["total_s"])[:12])}


def trace(browser, base: str) -> dict:
    """A trace of one cold snapshot start and one repeat visit, each saved under build/out/ (open
    in DevTools' Performance panel or ui.perfetto.dev), and a summary of each."""
    import tempfile
    from pathlib import Path

    out = Path(__file__).resolve().parents[2] / "build" / "out"
    out.mkdir(parents=True, exist_ok=True)
    profile_dir = tempfile.mkdtemp(prefix="bench-profile-")
    context = browser.browser_type.launch_persistent_context(profile_dir, **LAUNCH)
    result = {}
    for name, url in (("cold", base + "checker/?start=snapshot"), ("repeat", base + "checker/")):
        path = out / f"trace-start-{name}.json"
        events, measures, ready = _traced_visit(context, url, path, STAY_MS if name == "cold" else 300)
        result[name] = {"ready_s": round(ready, 3), "trace": str(path.relative_to(out.parents[1])),
                        **summarise(events, measures)}
    context.close()
    shutil.rmtree(profile_dir, ignore_errors=True)
    return result


def trace_rows(t: dict) -> list[tuple[str, str]]:
    out = []
    for name, s in t.items():
        phases = ", ".join(f"{k} {v['from_s']:.2f}+{v['took_s']:.2f}" for k, v in s["phases"].items())
        out += [(f"[trace, {name}] ready (tracing slows it)", f"{s['ready_s']:.2f} s"),
                (f"[trace, {name}] worker phases (s from navigation + s)", phases),
                (f"[trace, {name}] busy: main thread / worker", f"{s['main_thread_busy_s']:.2f} s (longest task {s['main_thread_longest_task_s'] * 1000:.0f} ms) / {s['worker_busy_s']:.2f} s; "
                 f"other workers {s['other_workers_busy_s']:.2f} s")]
    return out


def main() -> int:
    import json
    import sys
    from pathlib import Path

    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from run import ROOT, serve

    server, base = serve()
    with sync_playwright() as p:
        browser = p.chromium.launch(**LAUNCH)
        result = {"trace": trace(browser, base)} if os.environ.get("BENCH_TRACE_ONLY") else figures(browser, base)
        browser.close()
    server.shutdown()
    for name, value in rows(result):
        print(f"{name:<55}  {value}")
    out = ROOT / "build" / "out" / "bench-startup.json"
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"\nwritten to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
