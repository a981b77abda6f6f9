"""The Content Security Policy of every page, and free text shown exactly as typed, never as markup.

The policy is checked twice: in the built HTML (where it sits, what it allows, every inline script's
hash listed) and in the browser (no page, search or checker step trips it; injected code is blocked).
The escaping test runs with the policy switched off, so that it proves the escaping on its own.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser

import pytest

from answer_files import ANSWERS
from conftest import SITE, site_pages
from driver import BODY, fill_step, heading, load_file, open_checker, press, respond, start, text_inputs, to_result, write_answers

# ---------------------------------------------------------------------------------------------
# The built HTML

EXECUTABLE = {None, "", "module", "text/javascript", "application/javascript"}
# What each directive may list besides 'self' and 'none': nothing from another host, ever.
ALLOWED_EXTRA = {"script-src": {"'wasm-unsafe-eval'"}, "img-src": {"data:"}, "style-src": {"'unsafe-inline'"}}


class Head(HTMLParser):
    """The elements of <head> in order, and every inline script's text and type."""

    def __init__(self, html: str):
        super().__init__()
        self.head: list[tuple[str, dict]] = []
        self.scripts: list[tuple[str | None, str]] = []
        self.handlers: list[str] = []
        self._in_head = self._done = False
        self._script: list[str] | None = None
        self._type: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.handlers += [f"<{tag} {k}>" for k in a if k.startswith("on")]
        if tag == "head":
            self._in_head = True
        elif self._in_head and not self._done:
            self.head.append((tag, a))
        if tag == "script" and "src" not in a:
            self._script, self._type = [], a.get("type")

    def handle_endtag(self, tag):
        if tag == "head":
            self._done = True
        if tag == "script" and self._script is not None:
            self.scripts.append((self._type, "".join(self._script)))
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)


def built_pages():
    pages = sorted(SITE.rglob("*.html"))
    assert len(pages) >= 10
    return pages


def directives(policy: str) -> dict[str, list[str]]:
    out = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        out[name] = sources
    return out


def test_every_built_page_opens_its_head_with_the_policy():
    for path in built_pages():
        head = Head(path.read_text(encoding="utf-8")).head
        where = path.relative_to(SITE)
        # Nothing may come before the policy except the charset, which must be first of all.
        assert head[0] == ("meta", {"charset": "utf-8"}), where
        assert head[1][0] == "meta" and head[1][1].get("http-equiv") == "Content-Security-Policy", where
        assert sum(1 for tag, a in head if a.get("http-equiv", "").lower() == "content-security-policy") == 1, where


def test_every_policy_allows_only_the_site_and_no_inline_or_eval_scripts():
    for path in built_pages():
        html = path.read_text(encoding="utf-8")
        parsed = Head(html)
        policy = directives(parsed.head[1][1]["content"])
        where = path.relative_to(SITE)
        assert policy["default-src"] == ["'self'"], where
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"], where
        for name, sources in policy.items():
            allowed = {"'self'", "'none'"} | ALLOWED_EXTRA.get(name, set())
            extra = [s for s in sources if s not in allowed and not (name == "script-src" and s.startswith("'sha256-"))]
            assert not extra, (where, name, extra)
        assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"], where
        # Every inline script the browser would run is allowed by its own hash, and nothing else is.
        inline = [body for kind, body in parsed.scripts if kind in EXECUTABLE and body.strip()]
        assert inline, where  # the theme has some: a page without any means this test parses wrongly
        hashes = {"'sha256-" + base64.b64encode(hashlib.sha256(b.encode()).digest()).decode() + "'" for b in inline}
        assert hashes == {s for s in policy["script-src"] if s.startswith("'sha256-")}, where
        # Inline handlers and javascript: URLs could never run under this policy; none are written.
        assert not parsed.handlers, (where, parsed.handlers)
        assert not re.search(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", html, re.I), where


# ---------------------------------------------------------------------------------------------
# In the browser

WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  const seen = { directive: e.violatedDirective, blocked: e.blockedURI, page: location.pathname, sample: e.sample };
  window.__violations.push(seen);
  if (window.reportViolation) window.reportViolation(seen);
});
"""


@pytest.fixture
def watched(page):
    """A page whose every policy violation, on any document it visits, is recorded."""
    violations: list[dict] = []
    page.expose_function("reportViolation", lambda seen: violations.append(seen))
    page.add_init_script(WATCH)
    page.violations = violations
    return page


def test_no_page_search_or_checker_step_trips_the_policy(watched, base_url):
    page = watched
    paths = site_pages()
    for path in paths + ["404.html"]:
        page.goto(base_url + ("" if path == "." else path if path.endswith(".html") else path + "/"))
        page.wait_for_load_state("networkidle")
    # The theme's search, on a content page: it runs in its own worker and writes the results.
    page.goto(base_url + "guide/")
    page.fill("input[data-md-component=search-query]", "提案")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item")
    # The whole checker: every step, the review, the result, save and clear.
    open_checker(page, base_url)
    to_result(page)
    with page.expect_download():
        page.locator(f'{BODY} button[value="save"]').click()
    press(page, "clear")
    press(page, "clear-confirm")
    assert heading(page) == "はじめに"
    assert len(paths) >= 15
    assert page.violations == [] and page.evaluate("window.__violations") == []


def test_the_policy_is_live_and_blocks_injected_code(watched, base_url):
    page = watched
    page.goto(base_url + "checker/")
    outcome = page.evaluate("""async () => {
      const out = {};
      const script = document.createElement("script");
      script.textContent = "window.__inline = 1";
      document.body.append(script);
      out.inline = window.__inline;
      const div = document.createElement("div");
      div.setAttribute("onclick", "window.__handler = 1");
      document.body.append(div);
      div.click();
      out.handler = window.__handler;
      // Code the test itself evaluates is exempt from the eval check; a timer given a string is not.
      setTimeout("window.__eval = 1", 0);
      const outside = document.createElement("script");
      outside.src = "http://127.0.0.2:9/x.js";
      document.body.append(outside);
      out.worker = await new Promise((resolve) => {
        const worker = new Worker(URL.createObjectURL(new Blob(["postMessage(1)"])));
        worker.onmessage = () => resolve("ran");
        worker.onerror = () => resolve("blocked");
      });
      await new Promise((resolve) => setTimeout(resolve, 0));  // after the string timer's turn
      out.eval = window.__eval;
      return out;
    }""")
    assert outcome == {"inline": None, "handler": None, "eval": None, "worker": "blocked"}
    page.wait_for_function("() => window.__violations.length >= 5")
    blocked = {(v["directive"], v["blocked"]) for v in page.evaluate("window.__violations")}
    assert ("script-src-elem", "inline") in blocked
    assert ("script-src-attr", "inline") in blocked
    assert ("script-src", "eval") in blocked
    assert ("worker-src", "blob") in blocked
    assert ("script-src-elem", "http://127.0.0.2:9/x.js") in blocked


# ---------------------------------------------------------------------------------------------
# Escaping

HOSTILE = [
    '<img src=x onerror="window.__pwned=1">',
    "<script>window.__pwned=1</script>",
    '"><svg onload=window.__pwned=1>',
    "' onmouseover='window.__pwned=1",
    "</textarea><b>x</b>",
]
TYPED = " ".join(HOSTILE)  # every field gets all five (155 characters: within the 200 allowed)

INJECTED = f"""() => {{
  const body = document.querySelector("{BODY}");
  const handlers = [...body.querySelectorAll("*")].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith("on")));
  return {{
    pwned: window.__pwned ?? null,
    img: document.querySelectorAll("img[src=x]").length,
    svg: body.querySelectorAll("svg").length,
    b: body.querySelectorAll("b").length,
    script: body.querySelectorAll("script").length,
    textarea: body.querySelectorAll("textarea").length,
    handlers: handlers.length,
  }};
}}"""
CLEAN = {"pwned": None, "img": 0, "svg": 0, "b": 0, "script": 0, "textarea": 0, "handlers": 0}


def assert_clean(page, dialogs, where: str) -> None:
    # Hovering everything fires any onmouseover that got through.
    page.evaluate(f"""() => {{ for (const e of document.querySelectorAll("{BODY} *"))
      e.dispatchEvent(new MouseEvent("mouseover", {{ bubbles: true }})); }}""")
    assert page.evaluate(INJECTED) == CLEAN, where
    assert dialogs == [], where


@pytest.fixture
def unprotected(browser):
    """A page with the policy switched off: only the escaping stands between the text and the DOM."""
    context = browser.new_context(bypass_csp=True, locale="ja-JP", timezone_id="Asia/Tokyo")
    page = context.new_page()
    page.add_init_script("window.print = () => { window.__printed = (window.__printed ?? 0) + 1; };")
    yield page
    context.close()


def test_hostile_free_text_shows_exactly_as_typed_and_never_as_markup(unprotected, base_url, tmp_path):
    page = unprotected
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_checker(page, base_url)
    start(page)
    choices = {"proposal.kind": "new", "p1.type": "corporation"}
    seen, titled = [], []
    for _ in range(20):
        step = heading(page)
        seen.append(step)
        if step == "回答の確認":
            break
        # A second proposer (a corporation) and a second officer: every kind of name field.
        if page.locator(f'{BODY} button[value="add-proposer"]').count() and not page.locator("[name='p1.type']").count():
            press(page, "add-proposer")
        officer_add = page.locator(f'{BODY} button[value^="add-officer:"]')
        if officer_add.count() and not page.locator("[name$='o1.name']").count():
            press(page, officer_add.first.get_attribute("value"))
        # First the hostile text in every text input, numbers and dates too: those come back with an error.
        fill_step(page, TYPED, choices, numbers=False)
        for field in text_inputs(page):
            page.fill(f'[id="{field["id"]}"]', TYPED)
        press(page, "next")
        assert_clean(page, dialogs, step)
        if heading(page) == step:
            assert page.locator("#error-summary").count(), step
            assert {f["value"] for f in text_inputs(page)} == {TYPED}, step  # echoed back, exactly
            fill_step(page, TYPED, choices)
            press(page, "next")
            assert_clean(page, dialogs, step)
        assert heading(page) != step, page.inner_text(BODY)[:400]
        if heading(page).startswith("提案者"):  # a proposer's own step: its heading and the title name them
            assert heading(page) == f"提案者{heading(page)[3]}（{TYPED}）について"
            assert f"（{TYPED}）" in page.title()
            titled.append(page.title())
    assert heading(page) == "回答の確認", seen
    assert len(titled) == 2, titled

    # Every free-text answer: two proposers' names, two officers' names, the file's name.
    review = page.locator(f"{BODY} .checker-summary-value").all_inner_texts()
    assert review.count(TYPED) == 5, review
    press(page, "result")
    assert heading(page) == "結果"
    assert_clean(page, dialogs, "result")
    page.locator(f"{BODY} details.checker-passed > summary").click()  # the passed items, folded at first
    assert page.inner_text(BODY).count(f"（{TYPED}）") >= 4  # each finding names whom it is about
    page.locator(f'{BODY} button[value="print-all"]').click()  # the whole result, every finding
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    assert page.locator(f"{BODY} .checker-findings").first.is_visible()
    assert f"（{TYPED}）" in page.locator(f"{BODY} .checker-result").inner_text()
    assert_clean(page, dialogs, "print")
    page.emulate_media(media="screen")

    # A file whose values are hostile: the error message quotes them, as text.
    bad = write_answers(tmp_path / "hostile.json", {"format": "proposal-checker/answers", "version": 1,
                                                   "proposal": {"kind": HOSTILE[0]},
                                                   "proposers": [{"type": HOSTILE[2], "name": TYPED}]})
    load_file(page, bad)
    summary = page.inner_text("#error-summary")
    # Quoted as JSON (long values cut to 40 characters), shown as the characters they are.
    assert json.dumps(HOSTILE[0], ensure_ascii=False)[:30] in summary
    assert json.dumps(HOSTILE[2], ensure_ascii=False) in summary
    assert_clean(page, dialogs, "hostile file")


# ---------------------------------------------------------------------------------------------
# Loading answers from a file

# Every read of a file's contents is recorded with the file's size (the page reads with File.text()).
READS = """
window.__reads = [];
for (const name of ["text", "arrayBuffer", "stream", "bytes"]) {
  const original = Blob.prototype[name];
  if (original) Blob.prototype[name] = function (...args) { window.__reads.push(this.size); return original.apply(this, args); };
}
for (const name of ["readAsText", "readAsArrayBuffer", "readAsDataURL", "readAsBinaryString"]) {
  const original = FileReader.prototype[name];
  FileReader.prototype[name] = function (blob, ...args) { window.__reads.push(blob.size); return original.call(this, blob, ...args); };
}
"""
HUGE = 50 * 1024 * 1024


def make_not_json(path):
    path.write_text("名前,生年月日\n山田 太郎,1990-01-15\n", encoding="utf-8")


def make_huge(path):
    with open(path, "wb") as out:  # sparse: 50 MB on paper, nearly nothing on disk
        out.write(b'{"format": "proposal-checker/answers", "version": 1, "proposers": [{"name": "')
        out.truncate(HUGE)


def make_deep(path):
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")


def make_wrong_version(path):
    write_answers(path, {**ANSWERS, "version": 3})


@pytest.fixture(scope="module")
def loader(browser, base_url):
    """One checker page for the file tests (Python starts once), reading files recorded."""
    context = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo")
    page = context.new_page()
    page.add_init_script(READS)
    open_checker(page, base_url)
    yield page
    context.close()


FORM = f"""() => [...document.querySelectorAll("{BODY} form input:not([type=file])")]
  .map((i) => [i.name, i.type, i.value, i.checked])"""


def saved_answers(page) -> dict:
    with page.expect_download() as info:
        page.locator(f'{BODY} button[value="save"]').click()
    return json.loads(open(info.value.path(), encoding="utf-8").read())


@pytest.mark.parametrize("make, problem", [
    (make_not_json, "このファイルは、このページで保存した回答ファイルではありません。"),
    (make_huge, "ファイルが大きすぎます（52,428,800バイト）。回答ファイルは1MB"),
    (make_deep, "このファイルは、このページで保存した回答ファイルではありません。"),
    (make_wrong_version, "別の版のチェッカーで保存されたため、読めません（版 3。このページが読めるのは版 1 と版 2 です）"),
], ids=["not-json", "50-megabytes", "100000-levels", "version-3"])
def test_a_bad_answers_file_is_named_and_changes_nothing(loader, tmp_path, make, problem):
    page = loader
    # Known answers, then the proposers' step open with its form filled in from them.
    load_file(page, write_answers(tmp_path / "good.json"))
    assert heading(page) == "回答の確認"
    respond(page, lambda: page.locator(f'{BODY} a[data-goto^="proposers"]').first.click())
    form, answers, step = page.evaluate(FORM), saved_answers(page), heading(page)
    assert ["p0.name", "text", "読込 花子", False] in form
    page.evaluate("window.__reads = []")

    bad = tmp_path / "bad.json"
    make(bad)
    load_file(page, bad)
    summary = page.inner_text("#error-summary")
    assert "回答ファイルを読み込めませんでした" in summary and "今の回答はそのままです" in summary
    assert problem in summary
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.inner_text("[data-checker-status]") == "回答ファイルを読み込めませんでした。"
    # Nothing changed: the same step, the same form, the same answers.
    assert heading(page) == step
    assert page.evaluate(FORM) == form
    assert saved_answers(page) == answers
    reads = page.evaluate("window.__reads")
    if bad.stat().st_size > 1_048_576:
        assert reads == []  # the page never read the big file: only its size went to Python
    else:
        assert reads == [bad.stat().st_size]  # (the recorder works: small files are read)
