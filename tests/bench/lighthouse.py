"""Lighthouse (the pinned npm package) against the site served by nginx, as deploy/ configures it.

Pinned at 12.8: Lighthouse 13 asks for Node.js 22.19 or newer, the project for Node.js 20.

Mobile (Lighthouse's default: simulated slow 4G and a 4x slower CPU), the home page and the checker
page. Scores move by a few points from run to run on a busy machine, so each page is run
LIGHTHOUSE_RUNS times (default 3) and the median run is kept, with every run's score beside it.
Figures only: nothing here passes or fails.
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "deploy"))
import nginx  # noqa: E402  (deploy/nginx.py: the same configuration a host uses)

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = {"home": "", "checker": "checker/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "3"))
GOAL = 95  # performance, mobile, the checker page (issue 20): a figure to read, never a test
PREFIX = "/isa/anon-proposals/"


def run_once(url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"}
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
                    "--only-categories=" + ",".join(CATEGORIES),
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                   check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return json.loads(out.read_text(encoding="utf-8"))


def summary(report: dict) -> dict:
    """The category scores (0–100) and, per category, the weighted audits that lost points."""
    scores, losing = {}, {}
    for cid, category in report["categories"].items():
        scores[cid] = round(category["score"] * 100)
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                losing.setdefault(cid, []).append(
                    {"id": audit["id"], "score": audit["score"], "value": audit.get("displayValue", "")})
    # What the performance audits blame, for the README's explanation of lost points.
    tasks = report["audits"].get("long-tasks", {}).get("details", {}).get("items", [])
    blame: dict[str, float] = {}
    for task in tasks:
        name = task["url"].rsplit("/", 1)[-1] if "/assets/" in task["url"] else ("page" if task["url"].startswith("http") else task["url"])
        blame[name] = round(blame.get(name, 0) + task["duration"])
    shift = report["audits"].get("cumulative-layout-shift", {}).get("numericValue")
    return {"scores": scores, "losing_audits": losing, "long_tasks_ms_by_source": blame,
            "cumulative_layout_shift": None if shift is None else round(shift, 3),
            "lighthouse": report["lighthouseVersion"],
            # Lighthouse's measure of this machine's speed at the time (a busy machine scores lower).
            "benchmark_index": round(report["environment"]["benchmarkIndex"]),
            "warnings": report.get("runWarnings", []),
            "throttling": report["configSettings"]["throttlingMethod"], "form_factor": report["configSettings"]["formFactor"]}


def lighthouse_figures(site: Path) -> dict:
    if not LIGHTHOUSE.exists():
        return {"skipped": "node_modules/.bin/lighthouse is missing: run `npm ci`"}
    result = {"server": f"nginx (deploy/nginx.py), site under {PREFIX}", "runs": RUNS}
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp, nginx.serve(site, PREFIX) as (base, _):
        for name, path in PAGES.items():
            runs = [summary(run_once(base + path, Path(tmp) / f"{name}-{i}.json")) for i in range(RUNS)]
            runs.sort(key=lambda r: r["scores"]["performance"])
            median = runs[len(runs) // 2]
            result[name] = {**median, "performance_all_runs": [r["scores"]["performance"] for r in runs],
                            "cumulative_layout_shift_all_runs": [r["cumulative_layout_shift"] for r in runs],
                            "benchmark_index_all_runs": [r["benchmark_index"] for r in runs]}
    return result


def rows(figures: dict) -> list[tuple[str, str]]:
    if "skipped" in figures:
        return [("Lighthouse", figures["skipped"])]
    out = []
    for name in PAGES:
        page = figures[name]
        s = page["scores"]
        runs = "/".join(str(v) for v in page["performance_all_runs"])
        out.append((f"Lighthouse mobile, {name}: perf (goal >= {GOAL}, median of {len(page['performance_all_runs'])})/a11y/bp/seo",
                    f"{s['performance']} ({runs}) / {s['accessibility']} / {s['best-practices']} / {s['seo']}"))
        shifts = "/".join(str(v) for v in page.get("cumulative_layout_shift_all_runs", []))
        out.append((f"  {name}: cumulative layout shift (goal < 0.02)", f"{page.get('cumulative_layout_shift')} ({shifts})"))
        lost = [a["id"] for audits in page["losing_audits"].values() for a in audits]
        if lost:
            out.append((f"  {name}: audits losing points", ", ".join(lost)))
    return out


if __name__ == "__main__":
    figures = lighthouse_figures(ROOT / "site")
    print(json.dumps(figures, ensure_ascii=False, indent=1))
