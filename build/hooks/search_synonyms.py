"""MkDocs hook: synonyms in the site search, from the small table build/search-synonyms.toml.

The theme's search matches the words of a page only, so 「締め切り」 or 「期限」 found nothing while
the pages say 「締切」. After the search plugin has written search/search_index.json, each entry
(a page section) whose title or text contains a word of the table gets that word's synonyms in
a field of its own, ``synonyms``, which mkdocs.yml declares to the search (plugins.search.fields).
The field is searched but never shown, so the results read as before.
"""
from __future__ import annotations

import json
import tomllib
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

TABLE = Path(__file__).resolve().parents[1] / "search-synonyms.toml"
INDEX = Path("search") / "search_index.json"
FIELD = "synonyms"


def load_table(path: Path = TABLE) -> dict[str, list[str]]:
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise Abort(f"{path.name}: {error}") from None
    for word, synonyms in table.items():
        if not isinstance(synonyms, list) or not all(isinstance(s, str) and s.strip() for s in synonyms):
            raise Abort(f"{path.name}: {word}: write the synonyms as a list of words")
    return table


def with_synonyms(index: dict, table: dict[str, list[str]]) -> dict:
    for entry in index["docs"]:
        found = []
        for word, synonyms in table.items():
            if word in entry.get("title", "") or word in entry.get("text", ""):
                found += [s for s in synonyms if s not in found]
        if found:
            entry[FIELD] = " ".join(found)
    return index


@event_priority(-100)  # after the search plugin has written the index
def on_post_build(config):
    if FIELD not in config["plugins"]["material/search"].config.fields:
        raise Abort(f"mkdocs.yml: plugins.search.fields needs '{FIELD}' for the search synonyms")
    path = Path(config["site_dir"]) / INDEX
    index = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(with_synonyms(index, load_table()), ensure_ascii=False,
                               separators=(",", ":")), encoding="utf-8")
