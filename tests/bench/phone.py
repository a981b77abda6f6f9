"""The benchmark's phone: a CPU four times slower, for the page and for the checker's worker alike.

CDP's Emulation.setCPUThrottlingRate slows only the target it is sent to: the page's main thread,
not its dedicated workers (a busy loop measured 81 ms on the page, 27 ms in the worker, 18 ms
unthrottled), and so not the checker's Python. Sent to a worker's own target (Target.setAutoAttach
with flatten, then the command on the worker's session), Chromium 156 refuses it: "Operation is
only supported for pages, not workers" (checked 2026-12). So the CPU is slowed per process
instead: the browser's renderer processes, where the page's main thread and its workers run, are
stopped and continued in turn (SIGSTOP, SIGCONT), running one slice in every RATE. Every thread of
a renderer then gets at most 1/RATE of the time, as on a phone RATE times slower than this machine.
The browser, network and GPU processes run freely, as the network's own throttling is CDP's.

Only the processes of one browser are touched: the one launched with `args()` (a tag of its own in
its command line), and the renderers below it. `python tests/bench/phone.py` measures a busy loop
on a page and in its worker, unthrottled and throttled.
"""
from __future__ import annotations

import os
import signal
import threading
import time
import uuid

RATE = 4
PERIOD_S = 0.04  # one slice of PERIOD_S / RATE running, the rest stopped


def _processes() -> dict[int, tuple[int, str]]:
    """pid → (parent pid, command line) of this machine's processes."""
    out = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", encoding="utf-8", errors="replace") as f:
                parent = int(f.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{name}/cmdline", "rb") as f:
                command = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
        except (OSError, ValueError, IndexError):
            continue
        out[int(name)] = (parent, command)
    return out


def _children(pid: int) -> set[int]:
    """The processes below `pid` (all generations), from /proc/<pid>/task/*/children."""
    found, todo = set(), [pid]
    while todo:
        here = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{here}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{here}/task/{task}/children", encoding="ascii") as f:
                    kids = {int(k) for k in f.read().split()}
            except OSError:
                continue
            todo += list(kids - found)
            found |= kids
    return found


def _is_renderer(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return b"--type=renderer" in f.read()
    except OSError:
        return False


class SlowCPU:
    """The renderers of the browser launched with `args()`, RATE times slower while it runs.

        slow = SlowCPU()
        browser = chromium.launch(args=[*LAUNCH_ARGS, *slow.args()])
        with slow:            # from here the page and its workers run RATE times slower
            ...
    """

    def __init__(self, rate: int = RATE) -> None:
        self.rate = rate
        self.tag = f"--bench-phone={uuid.uuid4().hex}"  # Chromium keeps switches it does not know
        self._on = threading.Event()
        self._quit = threading.Event()
        self._stopped: set[int] = set()
        self._browsers: set[int] = set()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def args(self) -> list[str]:
        return [self.tag]

    def renderers(self) -> set[int]:
        if not self._browsers:  # looked for once a visit: a browser's own process keeps its pid
            self._browsers = {pid for pid, (_, command) in _processes().items()
                              if self.tag in command and "--type=" not in command}
        return {pid for browser in self._browsers for pid in _children(browser) if _is_renderer(pid)}

    def _signal(self, pids, sig) -> None:
        for pid in pids:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass

    def _run(self) -> None:
        pids: set[int] = set()
        while not self._quit.is_set():
            if not self._on.wait(0.1):
                continue
            started = time.monotonic()
            self._signal(pids, signal.SIGCONT)
            self._stopped.clear()
            time.sleep(PERIOD_S / self.rate)
            if not self._on.is_set() or self._quit.is_set():
                continue
            self._signal(pids, signal.SIGSTOP)
            stopped = time.monotonic()
            # Look for new renderers (a new page may have one) while the others are stopped.
            pids = self.renderers()
            self._signal(pids, signal.SIGSTOP)
            self._stopped = set(pids)
            # Stopped RATE - 1 times as long as they actually ran: on a busy machine a sleep
            # lasts longer than asked, and the share must stay 1 in RATE all the same.
            time.sleep(max(0.0, (self.rate - 1) * (stopped - started) - (time.monotonic() - stopped)))
        self._signal(self._stopped, signal.SIGCONT)

    def __enter__(self) -> "SlowCPU":
        self._browsers = set()  # looked for again: a browser may have been launched since
        self._on.set()
        return self

    def __exit__(self, *exc) -> None:
        self._on.clear()
        time.sleep(PERIOD_S)  # the loop's last slice ends
        self._signal(self._stopped | self.renderers(), signal.SIGCONT)
        self._stopped.clear()

    def close(self) -> None:
        self.__exit__()
        self._quit.set()
        self._thread.join(timeout=1)


# --- The check: a busy loop on a page and in its worker. -----------------------------------------

BUSY_PAGE = """<!doctype html><meta charset="utf-8"><title>busy</title><script>
const loop = () => { const t = performance.now(); let x = 0; for (let i = 0; i < 1e8; i++) x += Math.sqrt(i); return performance.now() - t; };
window.page_ms = loop();
const worker = new Worker(URL.createObjectURL(new Blob([`const loop = ${loop}; postMessage(loop());`], { type: "text/javascript" })));
worker.onmessage = (event) => { window.worker_ms = event.data; };
</script>"""


def busy_loop(browser, slow: SlowCPU | None = None, cdp: bool = False) -> tuple[float, float]:
    """Milliseconds a busy loop takes on a page and then in its worker (`cdp`: the page's target
    throttled by CDP instead, as the benchmark did before)."""
    page = browser.new_page()
    try:
        if cdp:
            page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": RATE})
        if slow:
            slow.__enter__()
            time.sleep(PERIOD_S * 2)  # the page's renderer found and slowed
        page.set_content(BUSY_PAGE)
        page.wait_for_function("window.worker_ms !== undefined", timeout=120000)
        return page.evaluate("[window.page_ms, window.worker_ms]")
    finally:
        if slow:
            slow.__exit__()
        page.close()


def main() -> int:
    import shutil
    import statistics

    from playwright.sync_api import sync_playwright

    slow = SlowCPU()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu", *slow.args()])
        try:
            for name, throttle, cdp in (("unthrottled", None, False),
                                        (f"CDP {RATE}x on the page's target", None, True),
                                        (f"{RATE}x per process, page and workers", slow, False)):
                runs = [busy_loop(browser, throttle, cdp) for _ in range(3)]
                print(f"busy loop, {name}: page {statistics.median(r[0] for r in runs):.0f} ms, "
                      f"worker {statistics.median(r[1] for r in runs):.0f} ms (median of 3)")
        finally:
            slow.close()
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
