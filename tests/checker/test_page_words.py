"""The words of the checker page's own script (data/page.json): read and checked on load, with
messages that name the field; each word carries exactly the values the page fills in."""

import pytest

from proposal_checker import page_words
from proposal_checker.page_words import WORDS, PageWordsError, fill, parse_words
from proposal_checker.datafiles import read_json
from datafile_errors import refused


def _raw():
    return read_json("page.json")


def _error(mutate) -> str:
    return refused(_raw(), parse_words, PageWordsError, mutate)


def test_the_packaged_file_has_every_word_the_page_uses_and_only_those():
    words = page_words.load()
    assert set(words) == set(WORDS)
    for name, values in WORDS.items():
        filled = fill(words[name], **{v: 7 for v in values})
        assert "{" not in filled and "}" not in filled, name


@pytest.mark.parametrize("mutate, where", [
    (lambda d: d["words"].pop("ready"), "words.ready: is missing"),
    (lambda d: d["words"].update(redy={"text": "x", "when": "y"}), "words.redy: unknown word"),
    (lambda d: d["words"]["ready"].pop("text"), "words.ready.text: must be a non-empty string"),
    (lambda d: d["words"]["ready"].update(text="  "), "words.ready.text: must be a non-empty string"),
    (lambda d: d["words"]["ready"].pop("when"), "words.ready.when: must be a non-empty string"),
    (lambda d: d["words"]["ready"].update(whn="x"), "words.ready.whn: unknown field"),
    (lambda d: d["words"]["plan"].update(text="約 MB"), "words.plan.text: must say {size}"),
    (lambda d: d["words"]["plan"].update(text="約{sise} MB"), "words.plan.text: unknown placeholder {sise}"),
    (lambda d: d["words"]["ready"].update(text="{size}"), "words.ready.text: unknown placeholder {size} (known here: none)"),
    (lambda d: d["words"]["progress"].update(text="{percent}% {"), "words.progress.text: has a brace"),
    (lambda d: d["words"].update(ready="できました"), "words.ready: must be an object"),
    (lambda d: d.update(wrods={}), "wrods: unknown field"),
    (lambda d: d.pop("words"), "words: is missing"),
])
def test_a_mistake_in_the_file_is_named_by_its_field(mutate, where):
    assert where in _error(mutate)


def test_fill_puts_the_values_in_as_the_page_does():
    assert fill("約{size} MB（{size}）", size="6.4") == "約6.4 MB（6.4）"
