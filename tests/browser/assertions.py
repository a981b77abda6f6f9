"""What several test modules assert about the checker page: the list of what a proposal needs (a page
of its own) offered when the checker cannot run, and nothing kept by the browser."""
from __future__ import annotations

from callfacts import CALL, format_date, format_time

CHECKLIST_FACTS = [format_date(CALL.opens), f"{format_date(CALL.closes)}{format_time(CALL.closes_at)}", "誓約書", "委任状", "法第113条"]

STORAGE = """async () => ({
  cookie: document.cookie,
  local: localStorage.length,
  session: sessionStorage.length,
  indexedDB: (await indexedDB.databases()).map((d) => d.name),
  caches: await caches.keys(),
  serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
})"""
EMPTY = {"cookie": "", "local": 0, "session": 0, "indexedDB": [], "caches": [], "serviceWorkers": 0}
# Workers have no cookies or Web Storage; what they could keep is IndexedDB and Cache Storage.
WORKER_STORAGE = "async () => [(await indexedDB.databases()).map((d) => d.name), await caches.keys()]"


def assert_checklist_usable(page) -> None:
    """The error state, and the list built at build time one link away, on its own page, complete."""
    assert page.get_attribute("#checker", "data-state") == "error"
    link = page.locator("[data-checker-error] a")
    assert link.is_visible()
    assert link.get_attribute("href") == "checklist/"
    assert_list_page(page, link)


def assert_list_page(page, link) -> None:
    """`link` leads to the list of what a proposal needs, which names the call's facts."""
    link.click()
    page.wait_for_url("**/checker/checklist/")
    text = page.locator("#checklist").inner_text()
    for fact in CHECKLIST_FACTS:
        assert fact in text, fact


def assert_nothing_stored(page, where: str) -> None:
    """No cookie, Web Storage, IndexedDB, Cache Storage or service worker, on the page or in its workers."""
    assert page.evaluate(STORAGE) == EMPTY, where
    for worker in page.workers:
        assert worker.evaluate(WORKER_STORAGE) == [[], []], (where, worker.url)
    assert page.context.cookies() == [], where
    assert page.context.storage_state() == {"cookies": [], "origins": []}, where
