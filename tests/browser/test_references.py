"""A legal reference never leaves a checker with answers (issue 20, point 1): on a phone, three
references opened from the result and closed (its button, Escape, a tap beside it) leave the answers,
the screen, the scroll position and the history as they were, focus back on the reference; the text
shown is the article's (or the notice section's) as the site's own page has it; the whole page opens
in a new tab; a citation in a question's hint opens in place too, what was typed untouched; nothing
goes anywhere but the texts' own file, and nothing typed goes with it.
"""
from __future__ import annotations

import json

import pytest

from driver import BODY, heading, load_file, press, start, fill_step, write_answers
from test_result_and_print import PHONE, WALKS

DIALOG = f"{BODY} dialog[data-reference]"

# The screen without the dialog (which a reference fills), and where the page is; the theme's mark of
# keyboard focus (its focus-visible polyfill) is not the screen's content.
SCREEN = f"""() => {{
  const copy = document.querySelector('{BODY}').cloneNode(true);
  copy.querySelector('dialog[data-reference]')?.remove();
  for (const e of copy.querySelectorAll('[data-focus-visible-added]')) {{
    e.classList.remove('focus-visible');
    e.removeAttribute('data-focus-visible-added');
    if (!e.classList.length) e.removeAttribute('class');
  }}
  return {{ html: copy.innerHTML, y: Math.round(scrollY), history: history.length, url: location.href,
            state: JSON.stringify(history.state) }};
}}"""

# The text of a section of a built page: its heading's following siblings up to the next heading of
# its level or higher (as the site shows it), without the theme's permalink sign.
SECTION = """(id) => {
  const heading = document.getElementById(id);
  const level = Number(heading.tagName[1]);
  let text = "";
  for (let e = heading.nextElementSibling; e; e = e.nextElementSibling) {
    if (/^H[1-6]$/.test(e.tagName) && Number(e.tagName[1]) <= level) break;
    text += e.textContent;
  }
  return text;
}"""


def squeeze(text: str) -> str:
    return "".join(text.split()).replace("¶", "")


def saved_answers(page) -> dict:
    """What Python holds, as the page's own 「回答をファイルに保存」 writes it."""
    with page.expect_download() as download:
        page.locator(f'{BODY} button[value="save"]').click()
    return json.loads(open(download.value.path(), encoding="utf-8").read())


def open_reference(page, link) -> str:
    """Tap the reference; returns its citation once the dialog shows its text."""
    cited = link.inner_text()
    link.click()
    page.wait_for_selector(f"{DIALOG}[open] [data-reference-text] > *")
    return cited


def test_three_references_from_the_result_leave_the_answers_the_screen_and_the_history_as_they_were(checker, tmp_path, base_url):
    page = checker
    page.set_viewport_size(PHONE)
    load_file(page, write_answers(tmp_path / "company.json", WALKS["company-sentenced-officer"]))
    press(page, "result")
    before_answers = saved_answers(page)
    requests = []
    page.on("request", lambda r: requests.append((r.url, r.method, r.post_data)))

    # Three kinds: an article of the law on a finding, the notice on a finding, the notice on a paper.
    refs = [page.locator(f"{BODY} .checker-finding--fail .checker-finding-basis a[data-ref^='law/']").first,
            page.locator(f"{BODY} .checker-finding .checker-finding-basis a[data-ref^='call/#s5']").first,
            page.locator(f"{BODY} .checker-doc-basis a[data-ref^='call/']").first]
    closings = [lambda: page.locator(f"{DIALOG} [data-reference-close]").click(),
                lambda: page.keyboard.press("Escape"),
                lambda: page.mouse.click(3, PHONE["height"] - 3)]   # beside the dialog, on its backdrop
    opened = []
    for ref, close in zip(refs, closings):
        ref.scroll_into_view_if_needed()
        before = page.evaluate(SCREEN)
        key = ref.get_attribute("data-ref")
        cited = open_reference(page, ref)
        dialog = page.locator(DIALOG)
        assert dialog.evaluate("(d) => d.open && d.matches(':modal')")
        assert page.evaluate("() => document.activeElement.closest('dialog') !== null")  # focus inside
        assert page.locator(f"{DIALOG} [data-reference-cited]").inner_text() == cited
        whole = page.locator(f"{DIALOG} a[data-reference-page]")
        assert whole.get_attribute("target") == "_blank" and whole.get_attribute("rel") == "noopener"
        assert whole.evaluate("(a) => a.href") == ref.evaluate("(a) => a.href") == base_url + key
        opened.append((key, squeeze(page.locator(f"{DIALOG} [data-reference-text]").inner_text()),
                       page.locator(f"{DIALOG} [data-reference-title]").inner_text()))
        close()
        page.wait_for_function(f"() => !document.querySelector('{DIALOG}').open")
        assert page.evaluate(SCREEN) == before, key
        assert page.evaluate("() => document.activeElement?.dataset.ref") == key  # focus back on the reference
        assert heading(page) == "結果"
    assert saved_answers(page) == before_answers
    # Only the texts' own file was fetched, once, from this site, with nothing sent.
    fetched = [(url, method, body) for url, method, body in requests if "references" in url]
    assert fetched == [(base_url + "assets/checker/references.json", "GET", None)]
    assert all(url.startswith(base_url) for url, _, _ in requests)

    # The texts are the site's own: each as the law page or the notice page shows it.
    site = page.context.new_page()
    try:
        for key, text, title in opened:
            path, anchor = key.split("#")
            site.goto(base_url + path)
            assert squeeze(site.evaluate(SECTION, anchor)) == text, key
            assert squeeze(site.locator(f"[id='{anchor}']").inner_text()) == squeeze(title) + ""
    finally:
        site.close()


def test_the_keyboard_opens_a_reference_and_escape_closes_it_focus_back_where_it_was(checker, tmp_path):
    page = checker
    load_file(page, write_answers(tmp_path / "individual.json", WALKS["individual-112"]))
    press(page, "result")
    ref = page.locator(f"{BODY} a[data-ref='law/#art-113']").first
    ref.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(f"{DIALOG}[open] [data-reference-text] > *")
    assert "次の各号のいずれかに該当する者は、前条第一項の提案をすることができない。" in page.locator(DIALOG).inner_text()
    assert page.locator(f"{DIALOG} [data-reference-title]").inner_text() == "第百十三条（欠格事由）"
    page.keyboard.press("Escape")
    page.wait_for_function(f"() => !document.querySelector('{DIALOG}').open")
    assert page.evaluate("() => document.activeElement?.dataset.ref") == "law/#art-113"


def test_a_citation_in_a_questions_hint_opens_in_place_and_what_was_typed_stays(checker):
    page = checker
    start(page)
    fill_step(page)           # 提案の種類
    press(page, "next")
    fill_step(page)           # 提案者
    press(page, "next")
    assert "欠格" in page.title()
    page.fill(f"{BODY} input[name$='birth_date.year']", "1985")
    ref = page.locator(f"{BODY} .checker-hint a[data-ref^='law/#art-113']").first
    open_reference(page, ref)
    page.keyboard.press("Escape")
    page.wait_for_function(f"() => !document.querySelector('{DIALOG}').open")
    assert page.input_value(f"{BODY} input[name$='birth_date.year']") == "1985"
    assert "欠格" in page.title()


def test_without_its_texts_the_dialog_says_so_and_offers_the_page_in_a_new_tab(browser, base_url, tmp_path):
    page = browser.new_page(viewport=PHONE)
    page.route("**/references.json", lambda route: route.abort())
    from driver import open_checker
    open_checker(page, base_url)
    load_file(page, write_answers(tmp_path / "individual.json", WALKS["individual-112"]))
    press(page, "result")
    page.locator(f"{BODY} a[data-ref^='law/']").first.click()
    page.wait_for_selector(f"{DIALOG}[open] [data-reference-failed]:not([hidden])")
    assert page.locator(f"{DIALOG} a[data-reference-page]").is_visible()
    assert heading(page) == "結果"
    page.close()


@pytest.mark.parametrize("walk", ["company-sentenced-officer", "extension-118-unknown", "joint-agent-post"])
def test_every_citation_the_result_links_has_its_text(checker, tmp_path, walk, base_url):
    page = checker
    load_file(page, write_answers(tmp_path / f"{walk}.json", WALKS[walk]))
    press(page, "result")
    keys = set(page.eval_on_selector_all(f"{BODY} a[data-ref]", "(links) => links.map((a) => a.dataset.ref)"))
    texts = page.evaluate("async () => (await fetch('../assets/checker/references.json')).json()")
    assert keys and not keys - set(texts)
    assert page.eval_on_selector_all(f"{BODY} a[data-ref]", "(links) => links.every((a) => a.target === '_blank')")
