"""In Chromium: the search finds the deadline by its other wordings and never shows the staff page;
the home page's key facts are at body size; on a phone the menu opens the checker in one tap,
nothing floats over the checker's step heading and the units kept on one line stay on one line;
the deadline's .ics link is served."""
from __future__ import annotations

import re
import sys
from datetime import timedelta, timezone

import pytest

from conftest import ROOT
from driver import fill_step, open_checker, press, start

sys.path.insert(0, str(ROOT / "build"))
sys.path.insert(0, str(ROOT / "checker" / "src"))
import calldata  # noqa: E402

PHONE = {"width": 390, "height": 844}
QUERY = "input[data-md-component=search-query]"
# The theme's result line once a search has run: 「8件見つかりました」 or 「何も見つかりませんでした」.
SEARCHED = ("() => /見つかりました|見つかりませんでした/.test("
            "document.querySelector('.md-search-result__meta')?.textContent || '')")


def search(page, base_url: str, query: str) -> list[str]:
    """The pages and sections a query finds, as paths from the site's root: all of them (the theme
    shows ten pages, and the next ten as the list is scrolled)."""
    page.goto(base_url + "guide/")
    page.fill(QUERY, query)
    page.keyboard.press("End")  # the theme reads the query on key release
    page.wait_for_function(SEARCHED, timeout=30000)
    found = re.search(r"(\d+)件", page.inner_text(".md-search-result__meta"))
    for _ in range(10):
        if not found or page.locator(".md-search-result__list > li").count() >= int(found.group(1)):
            break
        page.eval_on_selector(".md-search__scrollwrap", "e => e.scrollTo(0, e.scrollHeight)")
        page.wait_for_timeout(300)
    hrefs = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    return [h[len(base_url):] for h in hrefs]


def pages(locations: list[str]) -> set[str]:
    return {loc.split("#")[0] for loc in locations}


def test_other_wordings_of_the_deadline_find_it(page, base_url):
    deadline_pages = pages(search(page, base_url, "締切"))
    assert {"guide/submit/", "guide/timeline/", "guide/faq/"} <= deadline_pages
    for wording in ("締め切り", "期限", "〆切"):
        found = pages(search(page, base_url, wording))
        assert deadline_pages <= found, f"「{wording}」 misses {sorted(deadline_pages - found)}"


@pytest.mark.parametrize("query", ["締切", "更新の手順", "職員向け"])
def test_the_staff_page_is_not_found_by_search(page, base_url, query):
    found = search(page, base_url, query)
    assert not [loc for loc in found if loc.startswith("about/staff/")], found


def test_the_staff_page_is_reached_from_the_footer(page, base_url):
    page.goto(base_url + "guide/timeline/")
    assert not page.locator("nav.md-nav a[href*='about/staff']").count()
    page.click("a.md-copyright__staff")
    page.wait_for_url(base_url + "about/staff/")
    assert page.inner_text("h1").startswith("職員向け：更新の手順")


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 800}], ids=["phone", "desktop"])
def test_the_key_facts_on_the_home_page_are_at_body_size_or_larger(browser, base_url, viewport):
    page = browser.new_page(viewport=viewport)
    page.goto(base_url)
    sizes = page.evaluate("""() => {
        const size = e => parseFloat(getComputedStyle(e).fontSize);
        const body = size(document.querySelector('article.md-content__inner > p'));
        return {body, facts: [...document.querySelectorAll('.admonition.key-facts li, .admonition.key-facts .admonition-title')].map(size)};
    }""")
    assert sizes["body"] >= 16 and len(sizes["facts"]) >= 4
    assert min(sizes["facts"]) >= sizes["body"], sizes
    page.close()


def test_on_a_phone_units_stay_on_one_line_and_the_calendar_fits(browser, base_url):
    page = browser.new_page(viewport=PHONE)
    for path in ("", "guide/submit/", "guide/timeline/", "call/"):
        page.goto(base_url + path)
        broken = page.evaluate("""() => [...document.querySelectorAll('article .nowrap')]
            .filter(e => e.getClientRects().length !== 1).map(e => e.textContent)""")
        assert page.locator("article .nowrap").count() > 3 and broken == [], (path, broken)
        # Nothing is wider than the phone: no sideways scrolling.
        assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"], path
    page.close()


WHERE = """() => {
    const h = document.querySelector('#step-heading').getBoundingClientRect();
    const hit = document.elementFromPoint(h.left + h.width / 2, h.top + h.height / 2);
    const top = document.querySelector('.md-top');
    const t = top.getBoundingClientRect();
    return {onHeading: !!hit && document.querySelector('#step-heading').contains(hit),
            topShown: !top.hidden, topVisible: t.width > 0 && t.height > 0,
            overlap: t.width > 0 && t.bottom > h.top && t.top < h.bottom && t.right > h.left && t.left < h.right};
}"""


def scroll_down_then_up(page) -> None:
    """The gesture after which the theme shows its back-to-top button."""
    page.mouse.move(195, 500)
    page.mouse.wheel(0, 600)
    page.wait_for_timeout(400)
    page.mouse.wheel(0, -300)
    page.wait_for_function("() => scrollY > 0")
    page.wait_for_timeout(400)


def test_on_a_phone_the_menu_opens_the_checker_in_one_tap(browser, base_url):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="ja-JP")
    page = context.new_page()
    try:
        for start in ("", "guide/"):  # from the home page, and from inside a section of the menu
            page.goto(base_url + start)
            page.click("label.md-header__button[for='__drawer']")  # the menu
            if start:  # the menu opens at the page's own section: back to its first level
                page.locator(".md-nav--primary .md-nav__item--active > nav > label.md-nav__title").first.tap()
            page.locator(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link",
                         has_text="事前チェック").tap()  # one tap
            page.wait_for_url(base_url + "checker/")
            assert page.inner_text("h1").startswith("事前チェック")
    finally:
        context.close()


def test_nothing_floats_over_the_checkers_step_heading_on_a_phone(browser, base_url):
    page = browser.new_page(viewport=PHONE)
    # On a content page the gesture does bring the theme's button up (so the check below means something).
    page.goto(base_url + "law/")
    scroll_down_then_up(page)
    page.wait_for_function("() => !document.querySelector('.md-top').hidden", timeout=10000)
    assert page.locator(".md-top").is_visible()

    open_checker(page, base_url)
    start(page)
    for step in range(4):
        where = page.evaluate(WHERE)
        assert where["onHeading"] and not where["topVisible"], (step, where)
        scroll_down_then_up(page)
        page.locator("#step-heading").scroll_into_view_if_needed()
        where = page.evaluate(WHERE)
        assert not where["topVisible"] and not where["overlap"], (step, where)
        fill_step(page)
        press(page, "next")
    page.close()


def test_the_deadline_ics_link_is_served_as_a_calendar_with_the_data_deadline(page, base_url):
    call = calldata.load(ROOT / "docs" / "call.toml")
    page.goto(base_url + "guide/timeline/")
    link = page.locator("a[href$='deadline.ics']")
    assert link.count() == 1 and ".ics" in link.inner_text()
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok and response.headers["content-type"].startswith("text/calendar")
    body = response.body()
    assert body.startswith(b"BEGIN:VCALENDAR\r\n") and body.endswith(b"END:VCALENDAR\r\n")
    text = body.decode("utf-8").replace("\r\n ", "")
    start_line = next(line for line in text.split("\r\n") if line.startswith("DTSTART;"))
    local = call.deadline.astimezone(timezone(timedelta(hours=9)))
    assert start_line == f"DTSTART;TZID=Asia/Tokyo:{local:%Y%m%dT%H%M%S}"
