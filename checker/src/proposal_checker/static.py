"""The static checklist (its own page, checker/checklist/), for visitors without JavaScript or WebAssembly.

Rendered at build time from the same definitions the interactive flow uses: the questions
(questions.CATALOGUE, from data/questions.json), the documents and their conditions (rules.documents), the submission guide
and next steps (evaluate), and the call data. Every requirement is listed with when it applies.
"""
from __future__ import annotations

from .call import Call
from .citations import citation_href
from .evaluate import disclaimer, next_steps, submission_guide
from .findings import STATUS_ORDER, Status
from .markup import esc as _e
from .questions import CATALOGUE, TOPICS, Question, call_text
from .render import basis_links, document_item, period_text
from .rules import GROUP_TITLES, all_rules
from .rules.documents import when_text, why_text


def _basis(basis: tuple[str, ...] | list[str], root: str = "../") -> str:
    """Links to the quoted law and notice, as on the result page; ``root`` leads from the page to the
    site's root (the checker page is checker/)."""
    return basis_links(basis, citation_href, root)


def rules_html(root: str = "../", level: int = 3) -> str:
    """Every rule the checker applies, from the registry (``@rule``): its title, what it checks
    and its legal basis, under the heading of its group. The rules page and the static checklist show it."""
    out, group = [], None
    for r in all_rules():
        if r.group != group:
            if group is not None:
                out.append("</ul>")
            group = r.group
            out.append(f'<h{level} class="checker-static-topic">{_e(GROUP_TITLES[group])}</h{level}>'
                       '<ul class="checker-static-list">')
        scope = f'<p class="checker-static-when">確かめるとき：{_e(when_text((r.scope,)))}</p>' if r.scope else ""
        # What only the agency judges is never reported as met: say so beside the rule.
        stated = (f'<p class="checker-static-when">結果：「{_e(Status.STATED.label)}」または「{_e(Status.REVIEW.label)}」'
                  f"（「{_e(Status.PASS.label)}」にはなりません）</p>") if r.stated else ""
        out.append(f'<li class="checker-static-item" id="rule-{_e(r.id)}">'
                   f'<p class="checker-static-question">{_e(r.title)}</p>{scope}{stated}'
                   f'<p class="checker-hint">{_e(r.explain)}</p>'
                   f'<p class="checker-finding-basis">根拠：{_basis(r.basis, root)}</p></li>')
    return "".join(out) + ("</ul>" if out else "")


def statuses_html() -> str:
    """The four results a requirement can have, in the order the result page shows them."""
    items = "".join(f'<li><span class="checker-badge checker-badge--{s.value}">{_e(s.label)}</span> {_e(s.meaning)}</li>'
                    for s in STATUS_ORDER)
    return f'<p>結果は、要件ごとに次のどれかで示します。</p><ul class="checker-list checker-static-statuses">{items}</ul>'


def _question(q: Question, call: Call, root: str) -> str:
    parts = [f'<p class="checker-static-question">{_e(q.label)}</p>']
    # When it is asked: the kinds of proposal the rules it feeds apply to, and its own condition.
    when = [w for w in (when_text((q.scope,)) if q.scope else "", q.when_text) if w]
    if when:
        parts.append(f'<p class="checker-static-when">聞くとき：{_e("、".join(when))}</p>')
    if q.hint:
        parts.append(f'<p class="checker-hint">{_e(call_text(q.hint, call))}</p>')
    choices = q.input.static_choices(q)
    if choices:
        items = "".join(f"<li>{_e(c)}</li>" for c in choices)
        parts.append(f'<ul class="checker-static-options">{items}</ul>')
    if q.basis:
        parts.append(f'<p class="checker-finding-basis">根拠：{_basis(q.basis, root)}</p>')
    return f'<li class="checker-static-item">{"".join(parts)}</li>'


def _questions(call: Call, root: str) -> str:
    titles = {t.id: t.title for t in TOPICS}
    out = []
    for n, (topic, groups) in enumerate(CATALOGUE.by_topic, 1):
        out.append(f'<h3 class="checker-static-topic">{n} {_e(titles[topic])}</h3>')
        for group in groups:
            if group.asked:
                out.append(f'<p class="checker-static-when">{_e(group.asked)}</p>')
            out.append(f'<ul class="checker-static-list">{"".join(_question(q, call, root) for q in group.questions)}</ul>')
    return "".join(out)


def _documents(call: Call, root: str, on_request: bool = False) -> str:
    """The papers to send (or, with ``on_request``, those sent only when the agency asks)."""
    items = []
    for doc in call.documents:
        if ("requested" in doc.when) is not on_request:
            continue
        items.append(document_item(f"{doc.name}（{call.copies}部）", when_text(doc.when), why_text(doc.id, call),
                                   doc.basis, citation_href, root))
    return f'<ul class="checker-docs">{"".join(items)}</ul>'


def _on_request(call: Call, root: str) -> str:
    if not any("requested" in doc.when for doc in call.documents):
        return ""
    return f'<h2 id="on-request">必要と認められた場合に出す書類</h2>{_documents(call, root, on_request=True)}'


def _disqualifications(call: Call, root: str) -> str:
    items = "".join(f"<li>{_e(d.text)}（{_basis((d.basis,), root)}）</li>" for d in call.disqualifications)
    return f'<ol class="checker-list">{items}</ol>'


def _criteria(call: Call, root: str) -> str:
    items = []
    for c in call.criteria:
        scope = "すべての提案で審査されます。" if c.existing else "新たな作成の提案（法第112条）だけで審査されます。"
        items.append(f"<li>{_e(c.text)}<br><span class=\"checker-static-when\">{scope}</span>"
                     f"（{_basis((c.basis,), root)}）</li>")
    return f'<ol class="checker-list">{"".join(items)}</ol>'


def static_checklist_html(call: Call, root: str = "../../") -> str:
    """The list's own page (checker/checklist/, under the page's own title): every question and
    requirement, each with when it applies. ``root`` leads from that page to the site's root."""
    guide = submission_guide(call)
    how = "".join(f"<li>{_e(s)}</li>" for s in guide.how)
    where = "<br>".join(_e(line) for line in guide.where)
    steps = "".join(f"<li>{_e(s)}</li>" for s in next_steps(call))
    return (
        '<div id="checklist" class="checker-static">'
        '<p>事前チェックで聞く質問と、提案に必要なことを、すべて一覧にしました。'
        "事前チェックが動かないときや、印刷して使うときにご利用ください。"
        "項目ごとに、当てはまるときを書いています。</p>"
        f'<p class="checker-disclaimer">{_e(disclaimer(call))}</p>'
        '<h2 id="period">募集期間</h2>'
        f"<p>{_e(period_text(call))}</p>"
        '<h2 id="disqualifications">提案できない者（欠格事由）</h2>'
        "<p>次のどれかに当たる者は提案できません（公示3の文言のとおり）。</p>"
        f"{_disqualifications(call, root)}"
        '<h2 id="questions">事前チェックで聞くこと</h2>'
        f"{_questions(call, root)}"
        '<h2 id="rules">事前チェックが確かめる要件</h2>'
        f'<p>答えをもとに、次の要件を確かめます（<a href="{root}checker/rules/">確かめる要件の一覧</a>）。</p>'
        f"{statuses_html()}"
        f"{rules_html(root, level=3)}"
        '<h2 id="documents">提出する書類</h2>'
        f"{_documents(call, root)}"
        f"{_on_request(call, root)}"
        '<h2 id="how">提出の方法と提出先</h2>'
        f'<ul class="checker-list">{how}</ul>'
        f'<p class="checker-address">{where}</p>'
        f"<p>期限：{_e(guide.by)}</p>"
        '<h2 id="criteria">審査基準</h2>'
        f"{_criteria(call, root)}"
        '<h2 id="next">このあとの流れ</h2>'
        f'<ol class="checker-list">{steps}</ol>'
        "</div>"
    )


__all__ = ["rules_html", "static_checklist_html", "statuses_html"]
