"""Reading what version 2 adds: the drafts' answers (fields.py), with every problem named.

Version 2 adds what the proposal documents need and the screening does not ask: each proposer's
address and, for a body, its representative (``proposers[].address``, ``proposers[].representative``),
and the ``draft`` object (the contact person, the processing table, the business, the period of
use, the measures, the way of delivery, the paper on the contribution, the agent). Each path's
kind and limit is fields.py's; the messages are version 1's (reader.py), each naming its path:
``draft.processing[3].treatment: "shred" は使えません…``. A version 1 file holds none of them.

Cross-field rules, as version 1 has them: what a new proposal states (the processing table, the
extraction, how the 本人の数 was worked out) is not written for a proposal under 法第118条, and what
identifies a product already made, or the contract of a change or an extension, is not written for
a new one; a representative is a body's; what is entrusted only when something is (``entrusted``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..vocabulary import BODY_TYPES
from .fields import EMAIL_PATTERN, FIELDS, PHONE_PATTERN, AnswerField
from .model import DraftAnswers, Representative

if TYPE_CHECKING:  # pragma: no cover
    from .reader import _Parser

# The keys version 2 adds to a proposer, and the parts of ``draft`` each kind of proposal leaves out.
PROPOSER_KEYS = ("address", "representative")
NEW_ONLY = ("population_basis", "processing", "extraction")
EXISTING_ONLY = ("product", "contract")
CONTRACT_KINDS = ("existing-change", "existing-extend")


def _tree(prefix: str) -> dict[str, Any]:
    """The fields under ``prefix`` ("draft."), nested as the JSON nests them: a key holds its
    field (a leaf), a dict (an object) or a (field, dict) pair (a list and the keys of its rows)."""
    tree: dict[str, Any] = {}
    for f in FIELDS:
        if not (f.new and f.path.startswith(prefix)):
            continue
        rest = f.path[len(prefix):]
        parts = (rest[:-2] if f.kind == "list" else rest).split(".")
        node = tree
        for part in parts[:-1]:
            node = node[part[:-2]][1] if part.endswith("[]") else node.setdefault(part, {})
        node[parts[-1]] = (f, {}) if f.kind == "list" else f
    return tree


DRAFT = _tree("draft.")
_REPRESENTATIVE = _tree("proposers[].representative.")


def read_draft(parser: _Parser, value: Any, kind: str | None, agent: Any) -> DraftAnswers:
    """The ``draft`` object; ``kind``: the proposal's kind as read, ``agent``: submission.agent as written."""
    data = _object(parser, value, "draft", DRAFT)
    if kind is not None:
        leaves_out = NEW_ONLY if kind != "new" else EXISTING_ONLY
        for key in leaves_out:
            if key in data:
                parser.error(f"draft.{key}", "新たな作成の提案（法第112条）には、この項目はありません" if key in EXISTING_ONLY
                             else "作成済みの匿名加工情報の利用の提案（法第118条）には、この項目はありません")
        if "contract" in data and kind not in CONTRACT_KINDS and kind != "new":
            parser.error("draft.contract", "契約した事業を変更する提案か、利用期間を延長する提案のときだけ書きます")
    if (data.get("business") or {}).get("entrustment") and (data.get("business") or {}).get("entrusted") != "yes":
        parser.error("draft.business.entrustment", "entrusted が \"yes\"（委託する）のときだけ書きます")
    if "agent" in data and agent == "no":
        parser.error("draft.agent", "代理人が提案するとき（submission.agent が \"yes\"）だけ書きます")
    return DraftAnswers(data)


def read_proposer(parser: _Parser, data: dict[str, Any], path: str, kind: str | None) -> dict[str, Any]:
    """A proposer's version 2 answers: its address and, for a body, its representative."""
    out: dict[str, Any] = {}
    address = _leaf(parser, data, "address", path, _field("proposers[].address"))
    if address is not None:
        out["address"] = address
    if data.get("representative") is not None:
        where = f"{path}.representative"
        if kind is not None and kind not in BODY_TYPES:
            parser.error(where, "個人の提案者には、この項目はありません（法人その他の団体の代表者を書く項目です）")
        read = _object(parser, data["representative"], where, _REPRESENTATIVE)
        out["representative"] = Representative(title=read.get("title", ""), name=read.get("name", ""))
    return out


def _field(path: str) -> AnswerField:
    return next(f for f in FIELDS if f.path == path)


def _object(parser: _Parser, value: Any, where: str, tree: dict[str, Any]) -> dict[str, Any]:
    """An object of ``tree``'s keys, read: unanswered (null or empty) parts left out."""
    raw = parser.obj(value, where, tuple(tree), where)
    if raw is None:
        return {}
    out: dict[str, Any] = {}
    for key, node in tree.items():
        if raw.get(key) is None:
            continue
        here = f"{where}.{key}"
        if isinstance(node, dict):
            read: Any = _object(parser, raw[key], here, node)
        elif isinstance(node, tuple):
            read = _list(parser, raw[key], here, *node)
        else:
            read = _leaf(parser, raw, key, where, node)
        if read not in (None, "", {}, []):
            out[key] = read
    return out


def _list(parser: _Parser, value: Any, where: str, field: AnswerField, row: dict[str, Any]) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        parser.error(where, f"{field.label}は [ … ] の並びで書いてください")
        return []
    if len(value) > field.limit:
        parser.error(where, f"{field.label}は{field.limit:,}行までです（{len(value):,}行あります）")
        return []
    # Every row is kept, answered or not, so that a row keeps its number.
    return [_object(parser, item, f"{where}[{i}]", row) for i, item in enumerate(value)]


def _leaf(parser: _Parser, data: dict[str, Any], key: str, where: str, field: AnswerField) -> Any:
    """One answer of ``field``'s kind; None (after naming the problem) when it cannot be used."""
    value = data.get(key)
    if value is None:
        return None
    here = f"{where}.{key}"
    if field.kind == "choice":
        return parser.choice(data, key, where, tuple(field.options))
    if field.kind == "date":
        day = parser.day(data, key, where)
        return day.isoformat() if day is not None else None
    if not isinstance(value, str):
        parser.error(here, f"文字列で書いてください（{_show(value)} は使えません）")
        return None
    if len(value) > field.limit:
        parser.error(here, f"長すぎます（{len(value):,}文字）。{field.limit:,}文字以内にしてください")
        return None
    text = value.strip()
    if text and field.kind == "phone" and not PHONE_PATTERN.fullmatch(text):
        parser.error(here, "電話番号は、数字とハイフンで書いてください（例：03-1234-5678）")
        return None
    if text and field.kind == "email" and not EMAIL_PATTERN.fullmatch(text):
        parser.error(here, "電子メールアドレスの形ではありません（例：name@example.jp）")
        return None
    return text


def _show(value: Any) -> str:
    from .reader import _show as show
    return show(value)
