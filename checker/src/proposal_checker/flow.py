"""The question flow: which steps and questions apply, form fields <-> answers, validation.

Answers are kept as the v1 answers JSON (a plain dict, see answers.py). Each question knows
its place in that dict (a path such as ``("proposers", 0, "birth_date")``), the form field
names it uses, how to read them back and which error text to give. Rendering lives in
render.py; this module decides only *what* is asked and whether an answer is acceptable.
"""
from __future__ import annotations

import copy
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable

from .answers import (BODY_TYPES, EARLIEST_DATE, FORMAT, LATEST_DATE, MAX_COUNT, MAX_OFFICERS,
                      MAX_PROPOSERS, MAX_TEXT, VERSION)

UNKNOWN = "unknown"
UNKNOWN_LABEL = "わからない"

Path = tuple[Any, ...]


# ---------------------------------------------------------------------------------------------
# Questions


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    hint: str = ""


@dataclass(frozen=True)
class Question:
    """One question, independent of whom it is asked about.

    ``key`` is the path inside its scope (a person, the proposal, the submission);
    ``when`` decides, from that scope's answers, whether a follow-up question applies.
    """
    key: tuple[str, ...]
    kind: str                      # radio | checks | date | time | text | number
    label: str
    hint: str = ""
    required: bool = True
    options: tuple[Option, ...] = ()
    unknown: bool = False          # offers 「わからない」 (radio option, or a checkbox beside the input)
    when: Callable[[dict], bool] | None = None
    when_text: str = ""            # the same condition, in words (the static checklist)
    missing: str = ""              # error text when a required answer is missing (without 「＊」)
    basis: tuple[str, ...] = ()
    past_only: bool = False        # dates that cannot lie in the future (birth dates)
    summary: str = ""              # short name for the review list and the error summary


def call_text(text: str, call: Any) -> str:
    """A question's or step's text with the call's values put in: the texts name them as
    {agency}, {minimum_population} and {certificate_months}, so another call never shows this one's."""
    if call is None or "{" not in text:
        return text
    return text.format(agency=call.agency_name, minimum_population=f"{call.minimum_population:,}",
                       certificate_months=call.certificate_months)


def _opt(*pairs: tuple[str, str]) -> tuple[Option, ...]:
    return tuple(Option(v, label) for v, label in pairs)


def _sentence_yes(scope: dict) -> bool:
    return _get(scope, ("sentence", "status")) == "yes"


def _sentence_ended(scope: dict) -> bool:
    return _sentence_yes(scope) and _get(scope, ("sentence", "state")) == "ended"


def _cancelled(scope: dict) -> bool:
    return _get(scope, ("cancellation", "status")) == "yes"


KIND = Question(
    ("kind",), "radio", "どの提案をしますか。", summary="提案の種類",
    hint="対象の個人情報ファイルから新しく匿名加工情報を作ってもらう提案か、すでに作成された匿名加工情報を利用する提案かを選んでください。",
    options=(
        Option("new", "新たに作成する行政機関等匿名加工情報の提案（法第112条）",
               "個人情報ファイルを加工して、新しく行政機関等匿名加工情報を作成してもらう提案です。"),
        Option("existing-new-user", "作成済みの行政機関等匿名加工情報を、新たに利用する提案（法第118条）",
               "当初の提案をした者以外の者が、すでに作成された匿名加工情報を利用する場合です。"),
        Option("existing-change", "作成済みの行政機関等匿名加工情報の利用目的を変更する提案（法第118条）",
               "すでに提供を受けた事業者が、利用目的を変更する場合です。"),
        Option("existing-extend", "作成済みの行政機関等匿名加工情報の利用期間を延長する提案（法第118条）",
               "すでに提供を受けた事業者が、利用期間を延長する場合です。"),
    ),
    missing="提案の種類を選んでください", basis=("法第112条第1項", "法第118条第1項", "公示5(1)（注1）"),
)

PROPOSER_TYPE = Question(
    ("type",), "radio", "個人ですか、法人ですか、その他の団体ですか。", summary="種別",
    options=_opt(("individual", "個人"), ("corporation", "法人"),
                 ("organisation", "法人でない団体（その他の団体）")),
    missing="個人、法人、その他の団体のどれかを選んでください", basis=("公示3",),
)

NAME = Question(
    ("name",), "text", "名前（法人・団体は名称）", summary="名前", required=False,
    hint="結果の画面で、誰についての判定かを示すためだけに使います。",
)

OFFICER_NAME = Question(("name",), "text", "役員の名前", summary="名前", required=False,
                        hint="結果の画面で、誰についての判定かを示すためだけに使います。")

BIRTH_DATE = Question(
    ("birth_date",), "date", "生年月日", summary="生年月日", unknown=True, past_only=True,
    hint="例：1990年4月1日なら 1990、4、1。提案の日に18歳以上かを確かめます（未成年者は提案できません）。",
    missing="生年月日を入力するか、「わからない」を選んでください", basis=("法第113条第1号",),
)

CAPACITY = Question(
    ("capacity",), "radio",
    "精神の機能の障害により、事業を適正に行うために必要な認知、判断及び意思疎通を適切に行うことができない状態ですか。",
    summary="精神の機能の障害による判断能力", unknown=True,
    hint="法第113条第2号と個人情報の保護に関する法律施行規則の定める欠格事由です。当たる場合は提案できません。",
    options=_opt(("no", "当たらない"), ("yes", "当たる"), (UNKNOWN, UNKNOWN_LABEL)),
    missing="「当たらない」「当たる」「わからない」のどれかを選んでください", basis=("法第113条第2号",),
)

BANKRUPTCY = Question(
    ("bankruptcy",), "radio", "破産手続開始の決定を受けたことがありますか。", summary="破産手続開始の決定",
    unknown=True,
    hint="「復権」は、破産によって制限された資格などを回復することです。決定を受けて復権を得ていない者は提案できません。",
    options=_opt(("none", "受けたことはない"), ("restored", "受けたが、復権を得た"),
                 ("not-restored", "受けて、まだ復権を得ていない"), (UNKNOWN, UNKNOWN_LABEL)),
    missing="破産手続開始の決定について、どれかを選んでください", basis=("法第113条第3号",),
)

# A body has no 復権 (破産法第255条・第256条 are for natural persons; a company is dissolved by the
# decision, 会社法第471条第5号), so a body is asked whether a decision is in effect. Same field and
# values as for persons (answers format 1), without "restored".
BODY_BANKRUPTCY = Question(
    ("bankruptcy",), "radio", "この団体について、破産手続開始の決定を受けて、その効力が続いていますか。",
    summary="破産手続開始の決定", unknown=True,
    hint="会社などの団体は、破産手続開始の決定によって解散します（会社法第471条第5号）。"
         "個人と違い、団体には「復権」の制度（破産法第255条・第256条）はありません。"
         "決定を受けて、その効力が続いている団体は提案できません。",
    options=_opt(("none", "続いていない（決定を受けていない）"), ("not-restored", "続いている"),
                 (UNKNOWN, UNKNOWN_LABEL)),
    missing="破産手続開始の決定について、どれかを選んでください", basis=("法第113条第3号",),
)

SENTENCE_PERSON = Question(
    ("sentence", "status"), "radio",
    "拘禁刑以上の刑に処せられたこと、またはこの法律の規定により刑に処せられたことがありますか。",
    summary="刑に処せられたこと", unknown=True,
    hint="拘禁刑は、2025年（令和7年）6月1日に懲役と禁錮をまとめてできた刑です。それより前の懲役・禁錮も含めて答えてください。"
         "「この法律」は個人情報の保護に関する法律です。",
    options=_opt(("none", "ない"), ("yes", "ある"), (UNKNOWN, UNKNOWN_LABEL)),
    missing="刑に処せられたことがあるかどうかを選んでください", basis=("法第113条第4号",),
)

SENTENCE_BODY = Question(
    ("sentence", "status"), "radio",
    "この法律（個人情報の保護に関する法律）の規定により、刑に処せられたことがありますか。",
    summary="この法律の規定による刑", unknown=True,
    hint="法人その他の団体が受ける刑は罰金などです。この法律の罰則によるものだけを答えてください。",
    options=_opt(("none", "ない"), ("yes", "ある"), (UNKNOWN, UNKNOWN_LABEL)),
    missing="刑に処せられたことがあるかどうかを選んでください", basis=("法第113条第4号",),
)

SENTENCE_STATE = Question(
    ("sentence", "state"), "radio", "その刑の執行は、今どうなっていますか。", summary="刑の執行",
    unknown=True, when=_sentence_yes, when_text="刑に処せられたことが「ある」とき",
    options=(
        Option("serving", "執行を受けている（まだ終わっていない）"),
        Option("ended", "執行を終わった、または執行を受けることがなくなった",
               "「執行を受けることがなくなった」は、刑の時効や恩赦などの場合です。"),
        Option("suspended", "執行猶予の期間中"),
        Option("suspension-completed", "執行猶予の期間を、取り消されずに終えた"),
        Option(UNKNOWN, UNKNOWN_LABEL),
    ),
    missing="刑の執行が今どうなっているかを選んでください", basis=("法第113条第4号",),
)

SENTENCE_ENDED_ON = Question(
    ("sentence", "ended_on"), "date", "執行を終わった日（または執行を受けることがなくなった日）",
    summary="執行を終わった日", required=False, past_only=True,
    when=_sentence_ended, when_text="刑の執行を終わった（または受けることがなくなった）とき",
    hint="その日から起算して2年を経過しない者は提案できません。わからないときは空欄のまま進んでください（結果は「確認が必要」になります）。",
    basis=("法第113条第4号",),
)

CANCELLATION = Question(
    ("cancellation", "status"), "radio",
    "法第120条の規定により、行政機関等匿名加工情報の利用に関する契約を解除されたことがありますか。",
    summary="利用契約の解除", unknown=True,
    hint="法第120条は、不正な手段で契約した場合などに、行政機関が契約を解除できると定めています。",
    options=_opt(("none", "ない"), ("yes", "ある"), (UNKNOWN, UNKNOWN_LABEL)),
    missing="契約を解除されたことがあるかどうかを選んでください", basis=("法第113条第5号",),
)

CANCELLATION_DATE = Question(
    ("cancellation", "date"), "date", "契約を解除された日", summary="解除された日", required=False,
    past_only=True, when=_cancelled, when_text="契約を解除されたことが「ある」とき",
    hint="その日から起算して2年を経過しない者は提案できません。わからないときは空欄のまま進んでください（結果は「確認が必要」になります）。",
    basis=("法第113条第5号",),
)

PERSON_QUESTIONS = (BIRTH_DATE, CAPACITY, BANKRUPTCY, SENTENCE_PERSON, SENTENCE_STATE, SENTENCE_ENDED_ON,
                    CANCELLATION, CANCELLATION_DATE)
BODY_QUESTIONS = (BODY_BANKRUPTCY, SENTENCE_BODY, SENTENCE_STATE, SENTENCE_ENDED_ON, CANCELLATION, CANCELLATION_DATE)

FILE_NAME = Question(
    ("file_name",), "text", "対象の個人情報ファイルの名称", summary="対象の個人情報ファイル",
    hint="{agency}の「提案の対象となる個人情報ファイル」の一覧や、e-Gov の個人情報ファイル簿に書かれた名称です。",
    missing="対象の個人情報ファイルの名称を入力してください", basis=("法第112条第2項",),
)

POPULATION = Question(
    ("population",), "number", "提案する行政機関等匿名加工情報の本人の数（人）", summary="提案する本人の数",
    hint="提案書に書く、作成してもらう匿名加工情報に含まれる人の数です。半角数字で入力してください（例：5000）。",
    missing="提案する本人の数を入力してください", basis=("法第114条第1項第2号", "公示6②"),
)

FILE_POPULATION = Question(
    ("file_population",), "number", "対象の個人情報ファイルの本人の数（人）", summary="ファイルの本人の数",
    unknown=True,
    hint="その個人情報ファイルに記録されている人の数です。公表されていないことが多いので、わからなければ「わからない」を選んでください。",
    missing="ファイルの本人の数を入力するか、「わからない」を選んでください", basis=("法第114条第1項第2号",),
)

PROCESSING = Question(
    ("processing",), "checks", "提案書の「加工の方法」で、次のことを定めましたか。定めたものをすべて選んでください。",
    summary="加工の方法（規則第62条）",
    hint="個人情報の保護に関する法律施行規則第62条の基準です。置き換えは、もとの記述等を復元できる規則性のない方法で行います。"
         "選ばなかったものは「まだ」として扱います。",
    options=(
        Option("identifiers", "特定の個人を識別できる記述等の全部または一部を、削除するか、ほかの記述等に置き換える"
                              "（例：氏名を削る、住所を都道府県までにする）"),
        Option("individual_codes", "個人識別符号（旅券番号など）をすべて、削除するか、ほかの記述等に置き換える"),
        Option("linking_codes", "もとの保有個人情報と加工した情報とを結び付ける符号（行政機関が実際に使う管理用の番号など）を、"
                                "削除するか、結び付けられない符号に置き換える"),
        Option("idiosyncratic", "特異な記述等（極めてまれな経歴や数値など）を、削除するか、ほかの記述等に置き換える"),
        Option("other", "そのほか、個人情報ファイルの性質を踏まえた適切な措置をとる"),
    ),
    basis=("規則第62条", "法第114条第1項第3号"),
)

CONTRIBUTION = Question(
    ("contribution",), "radio",
    "事業が、新しい産業を生み出すことや、経済や暮らしを豊かにすることに役立つと説明する書面を書きましたか。",
    summary="事業の効果を示す書面",
    hint="提案書に添付する書面です。法律の言い方では「新たな産業の創出又は活力ある経済社会若しくは豊かな国民生活の実現に資することを"
         "明らかにする書面」です（法第112条第3項第2号）。",
    options=_opt(("yes", "書いた"), ("not-yet", "まだ")),
    missing="「書いた」か「まだ」を選んでください", basis=("法第112条第3項第2号", "法第114条第1項第4号"),
)

PERIOD_OF_USE = Question(
    ("period_of_use",), "radio",
    "利用期間を決め、事業の目的や利用の方法から見て必要な期間であることを説明できるようにしましたか。",
    summary="利用期間",
    options=_opt(("yes", "した"), ("not-yet", "まだ")),
    missing="「した」か「まだ」を選んでください", basis=("法第114条第1項第5号",),
)

MEASURES = Question(
    ("measures",), "checks", "提案書に、次のことを書きましたか。書いたものをすべて選んでください。",
    summary="利用目的・方法と管理の措置",
    hint="本人の権利利益を守るために適切かどうかが審査されます（法第114条第1項第6号）。"
         "次の項目は、このサイトの編集者がまとめた例です。法律と公示は、項目を定めていません。選ばなかったものは「まだ」として扱います。",
    options=(
        Option("purpose_method", "匿名加工情報の利用目的と利用の方法"),
        Option("access_control", "取り扱う人と場所を限る措置（アクセスの制限）"),
        Option("leak_prevention", "漏えいを防ぐ措置"),
        Option("staff", "取り扱う人の監督と教育"),
        Option("disposal", "利用を終えたときの消去・廃棄"),
        Option("incidents", "漏えいなどが起きたときの対応"),
    ),
    basis=("法第114条第1項第6号", "法第112条第2項"),
)


def _is_hand(scope: dict) -> bool:
    return scope.get("method") == "hand"


def _is_post(scope: dict) -> bool:
    return scope.get("method") == "post"


METHOD = Question(
    ("method",), "radio", "提案書類をどのように提出しますか。", summary="提出の方法", unknown=True,
    options=(
        Option("hand", "持参する", "平日の受付時間内に、提出先の窓口へ持って行きます。"),
        Option("post", "郵送・信書便で送る", "締切日の当日までに届く必要があります（当日必着）。"),
        Option(UNKNOWN, "まだ決めていない"),
    ),
    missing="提出の方法を選んでください", basis=("公示5(2)",),
)

SUBMIT_DATE = Question(
    ("date",), "date", "提案の日", summary="提案の日",
    hint="持参なら窓口に持って行く日、郵送・信書便なら届く日です。予定の日でかまいません。",
    missing="提案の日を入力してください", basis=("公示4", "公示5(2)"),
)

SUBMIT_TIME = Question(
    ("time",), "time", "窓口に持って行く時刻", summary="持参の時刻", when=_is_hand, when_text="持参するとき",
    hint="24時間制で入力してください（例：午後3時30分なら 15時30分）。",
    missing="持って行く時刻を入力してください", basis=("公示5(2)（注1）",),
)

POSTED_ON = Question(
    ("posted_on",), "date", "発送する日", summary="発送する日", when=_is_post, when_text="郵送・信書便で送るとき",
    hint="郵便局などに出す日です。届く日は上の「提案の日」に入力してください。",
    missing="発送する日を入力してください", basis=("公示5(2)（注2）",),
)

AGENT = Question(
    ("agent",), "radio", "代理人が提案しますか。", summary="代理人による提案", unknown=True,
    hint="代理人による提案では、代理人の権限を証する書面（委任状）を添えます。",
    options=_opt(("no", "しない（提案者が自分で提案する）"), ("yes", "する"), (UNKNOWN, UNKNOWN_LABEL)),
    missing="代理人が提案するかどうかを選んでください", basis=("公示3（注）", "公示5(1)（注3）"),
)

CERTIFICATE_DATE = Question(
    ("certificate_date",), "date", "登記事項証明書や印鑑登録証明書などの作成日", summary="証明書の作成日",
    unknown=True,
    hint="提案の日前{certificate_months}か月以内に作成されたものに限ります。まだ取っていなければ「わからない」を選んでください。",
    missing="証明書の作成日を入力するか、「わからない」を選んでください", basis=("公示5(1)（注2）",),
)


KIND_QUESTIONS = (KIND,)
PROPOSER_QUESTIONS = (PROPOSER_TYPE, NAME)
OFFICER_QUESTIONS = (OFFICER_NAME,) + PERSON_QUESTIONS
FILE_QUESTIONS = (FILE_NAME, POPULATION, FILE_POPULATION)
PROCESSING_QUESTIONS = (PROCESSING,)
CONTENT_QUESTIONS = (CONTRIBUTION, PERIOD_OF_USE, MEASURES)
SUBMISSION_QUESTIONS = (METHOD, SUBMIT_DATE, SUBMIT_TIME, POSTED_ON, AGENT)
CERTIFICATE_QUESTIONS = (CERTIFICATE_DATE,)

NEW_ONLY = "新たな作成の提案（法第112条）のとき"

# Every question by topic, with when each group is asked: the steps below are built from these
# tuples, and the static checklist (static.py) lists them, so the two cannot drift apart.
CATALOGUE: tuple[tuple[str, tuple[tuple[str, tuple[Question, ...]], ...]], ...] = (
    ("kind", (("", KIND_QUESTIONS),)),
    ("proposers", (("提案者ごとに", PROPOSER_QUESTIONS),)),
    ("disqualification", (
        ("提案者が個人のとき（本人について）", PERSON_QUESTIONS),
        ("提案者が法人その他の団体のとき（団体自身について）", BODY_QUESTIONS),
        ("提案者が法人その他の団体のとき（役員一人ひとりについて）", OFFICER_QUESTIONS),
    )),
    ("file", ((NEW_ONLY, FILE_QUESTIONS),)),
    ("processing", ((NEW_ONLY, PROCESSING_QUESTIONS),)),
    ("content", (("", CONTENT_QUESTIONS),)),
    ("submission", (("", SUBMISSION_QUESTIONS),
                    ("提案者が法人その他の団体のとき（団体ごとに）", CERTIFICATE_QUESTIONS))),
)


# ---------------------------------------------------------------------------------------------
# Steps


@dataclass(frozen=True)
class Topic:
    id: str
    title: str


TOPICS = (
    Topic("kind", "提案の種類"),
    Topic("proposers", "提案者"),
    Topic("disqualification", "欠格事由の確認"),
    Topic("file", "対象ファイルと本人の数"),
    Topic("processing", "加工の方法"),
    Topic("content", "提案の内容"),
    Topic("submission", "提出"),
)
_NEW_ONLY_TOPICS = ("file", "processing")


@dataclass(frozen=True)
class Field:
    """A question bound to a place in the answers and to form field names."""
    question: Question
    path: Path
    applies: bool = True           # false: a follow-up whose condition is not met (rendered hidden)
    subject: str = ""              # 「提案者1（山田）」, for the review list

    @property
    def name(self) -> str:
        return path_name(self.path)

    @property
    def id(self) -> str:
        return field_id(self.name)

    @property
    def input_id(self) -> str:
        """The element an error link points at (the first input of the question)."""
        q = self.question
        if q.kind == "date":
            return self.id + "-year"
        if q.kind == "time":
            return self.id + "-hour"
        if q.kind in ("radio", "checks"):
            return f"{self.id}-{q.options[0].value}"
        return self.id

    @property
    def conditional(self) -> bool:
        return self.question.when is not None


@dataclass(frozen=True)
class Section:
    """A group of questions about one subject (a proposer, an officer) on a step."""
    id: str
    heading: str
    fields: tuple[Field, ...]
    remove: tuple[str, str] | None = None   # (action value, button label)


@dataclass(frozen=True)
class Step:
    id: str
    topic: str
    title: str
    heading: str
    lead: str = ""
    sections: tuple[Section, ...] = ()
    add: tuple[str, str] | None = None      # (action value, button label)

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(f for s in self.sections for f in s.fields)


def path_name(path: Path) -> str:
    """("proposers", 0, "officers", 1, "birth_date") -> "p0.o1.birth_date"."""
    parts: list[str] = []
    i = 0
    while i < len(path):
        part = path[i]
        if part in ("proposers", "officers") and i + 1 < len(path) and isinstance(path[i + 1], int):
            parts.append(("p" if part == "proposers" else "o") + str(path[i + 1]))
            i += 2
            continue
        parts.append(str(part))
        i += 1
    return ".".join(parts)


def field_id(name: str) -> str:
    return "f-" + name.replace(".", "-").replace("_", "-")


def is_new(answers: dict) -> bool:
    """Steps for a new product are shown until another kind is chosen."""
    return _get(answers, ("proposal", "kind")) in (None, "new")


def proposers_of(answers: dict) -> list[dict]:
    items = answers.get("proposers")
    return items if isinstance(items, list) and items else [{}]


def is_body(proposer: dict) -> bool:
    return proposer.get("type") in BODY_TYPES


def topics(answers: dict) -> list[Topic]:
    return [t for t in TOPICS if is_new(answers) or t.id not in _NEW_ONLY_TOPICS]


def proposer_label(index: int, proposer: dict) -> str:
    name = proposer.get("name") or ""
    return f"提案者{index + 1}" + (f"（{name}）" if name else "")


def officer_label(index: int, officer: dict) -> str:
    name = officer.get("name") or ""
    return f"役員{index + 1}" + (f"（{name}）" if name else "")


def _bind(question: Question, base: Path, scope: dict, subject: str = "") -> Field:
    applies = question.when(scope) if question.when else True
    return Field(question, base + question.key, applies, subject)


def steps(answers: dict) -> list[Step]:
    """Every step that applies to these answers, in order."""
    out = [_kind_step(answers), _proposers_step(answers)]
    for i, proposer in enumerate(proposers_of(answers)):
        out.append(_proposer_step(answers, i, proposer))
    if is_new(answers):
        out.append(_file_step(answers))
        out.append(_processing_step(answers))
    out.append(_content_step(answers))
    out.append(_submission_step(answers))
    return out


def step_by_id(answers: dict, step_id: str) -> Step | None:
    for step in steps(answers):
        if step.id == step_id:
            return step
    return None


def step_number(answers: dict, step: Step) -> tuple[int, int]:
    ids = [t.id for t in topics(answers)]
    return ids.index(step.topic) + 1, len(ids)


def _kind_step(answers: dict) -> Step:
    proposal = answers.get("proposal") or {}
    return Step("kind", "kind", "提案の種類", "どの提案をしますか",
                sections=(Section("s-kind", "", tuple(_bind(q, ("proposal",), proposal) for q in KIND_QUESTIONS)),))


def _proposers_step(answers: dict) -> Step:
    people = proposers_of(answers)
    sections = []
    for i, p in enumerate(people):
        remove = (f"remove-proposer:{i}", f"提案者{i + 1}を削除") if len(people) > 1 else None
        sections.append(Section(
            f"s-p{i}", f"提案者{i + 1}",
            tuple(_bind(q, ("proposers", i), p, f"提案者{i + 1}") for q in PROPOSER_QUESTIONS), remove))
    add = ("add-proposer", "提案者を追加する（共同提案）") if len(people) < MAX_PROPOSERS else None
    return Step("proposers", "proposers", "提案者", "誰が提案しますか",
                lead="一人（一者）で提案するか、複数で共同して提案するかを問いません。共同提案では、提案者ごとに答えてください。",
                sections=tuple(sections), add=add)


def _proposer_step(answers: dict, i: int, proposer: dict) -> Step:
    label = proposer_label(i, proposer)
    base: Path = ("proposers", i)
    step_id = f"proposer-{i + 1}"
    title = f"欠格事由の確認：{label}"
    if not is_body(proposer):
        fields = tuple(_bind(q, base, proposer, label) for q in PERSON_QUESTIONS)
        return Step(step_id, "disqualification", title, f"{label}について",
                    lead="法第113条の欠格事由（提案できない者）に当たるかを確かめます。答えはこのブラウザの外に送られません。",
                    sections=(Section(f"s-p{i}", "", fields),))
    sections = [Section(f"s-p{i}", "", tuple(_bind(q, base, proposer, label) for q in BODY_QUESTIONS))]
    officers = proposer.get("officers")
    if not isinstance(officers, list):
        officers = [{}]
    for j, officer in enumerate(officers):
        o_base = base + ("officers", j)
        o_label = f"{label}の{officer_label(j, officer)}"
        fields = tuple(_bind(q, o_base, officer, o_label) for q in OFFICER_QUESTIONS)
        sections.append(Section(f"s-p{i}-o{j}", officer_label(j, officer), fields,
                                (f"remove-officer:{i}:{j}", f"役員{j + 1}を削除")))
    add = (f"add-officer:{i}", "役員を追加する") if len(officers) < MAX_OFFICERS else None
    return Step(step_id, "disqualification", title, f"{label}について",
                lead="法人その他の団体は、団体自身が法第113条第3号から第5号に当たらないことに加え、"
                     "役員のうちに第1号から第5号に当たる者がいないこと（第6号）が必要です。役員ごとに答えてください。",
                sections=tuple(sections), add=add)


def _file_step(answers: dict) -> Step:
    proposal = answers.get("proposal") or {}
    base: Path = ("proposal",)
    fields = tuple(_bind(q, base, proposal) for q in FILE_QUESTIONS)
    return Step("file", "file", "対象ファイルと本人の数", "対象の個人情報ファイルと本人の数",
                lead="提案する本人の数は、{minimum_population}人以上で、対象の個人情報ファイルの本人の数以下である必要があります（公示6②）。",
                sections=(Section("s-file", "", fields),))


def _processing_step(answers: dict) -> Step:
    proposal = answers.get("proposal") or {}
    return Step("processing", "processing", "加工の方法", "加工の方法",
                lead="特定の個人を識別できないように、また元の個人情報を復元できないようにする加工の方法を、提案書で特定します。",
                sections=(Section("s-processing", "", tuple(_bind(q, ("proposal",), proposal)
                                                          for q in PROCESSING_QUESTIONS)),))


def _content_step(answers: dict) -> Step:
    proposal = answers.get("proposal") or {}
    fields = tuple(_bind(q, ("proposal",), proposal) for q in CONTENT_QUESTIONS)
    return Step("content", "content", "提案の内容", "提案の内容",
                sections=(Section("s-content", "", fields),))


def _submission_step(answers: dict) -> Step:
    submission = answers.get("submission") or {}
    base: Path = ("submission",)
    fields = tuple(_bind(q, base, submission) for q in SUBMISSION_QUESTIONS)
    sections = [Section("s-submission", "", fields)]
    for i, proposer in enumerate(proposers_of(answers)):
        if is_body(proposer):
            label = proposer_label(i, proposer)
            sections.append(Section(f"s-cert-p{i}", f"{label}の本人確認書類",
                                    tuple(_bind(q, ("proposers", i), proposer, label) for q in CERTIFICATE_QUESTIONS)))
    return Step("submission", "submission", "提出", "提出の方法と日時", sections=tuple(sections))


# ---------------------------------------------------------------------------------------------
# Answers as a nested dict


def _get(data: Any, path: Path) -> Any:
    for part in path:
        if isinstance(part, int):
            if not isinstance(data, list) or part >= len(data):
                return None
        elif not isinstance(data, dict):
            return None
        data = data[part] if isinstance(part, int) else data.get(part)
        if data is None:
            return None
    return data


def _set(data: dict, path: Path, value: Any) -> None:
    for i, part in enumerate(path[:-1]):
        nxt = path[i + 1]
        empty: Any = [] if isinstance(nxt, int) else {}
        if isinstance(part, int):
            while len(data) <= part:
                data.append({})
            if not isinstance(data[part], (dict, list)):
                data[part] = empty
            data = data[part]
        else:
            if not isinstance(data.get(part), (dict, list)):
                data[part] = empty
            data = data[part]
    last = path[-1]
    if isinstance(last, int):
        while len(data) <= last:
            data.append({})
    data[last] = value


def _delete(data: Any, path: Path) -> None:
    parent = _get(data, path[:-1]) if len(path) > 1 else data
    if isinstance(parent, dict):
        parent.pop(path[-1], None)
        # An empty sub-object (sentence: {}) means nothing was answered.
        if not parent and len(path) > 1 and isinstance(path[-2], str):
            _delete(data, path[:-1])


def new_answers(call_id: str | None = None) -> dict:
    data: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    if call_id:
        data["call"] = call_id
    return data


# ---------------------------------------------------------------------------------------------
# Reading form fields


Fields = dict[str, list[str]]


@dataclass
class Outcome:
    """What the form said for one field."""
    state: str                      # "empty" | "ok" | "error"
    value: Any = None
    error: str = ""


def _first(fields: Fields, name: str) -> str:
    values = fields.get(name) or [""]
    value = values[0] if isinstance(values, list) else values
    return value if isinstance(value, str) else ""


def _digits(text: str) -> str:
    """Full-width digits and spaces typed with a Japanese IME become plain ones."""
    return unicodedata.normalize("NFKC", text).strip().replace(",", "")


def raw_of(field: Field, fields: Fields) -> Fields:
    """The part of the submitted form that belongs to this field (kept to re-show it)."""
    prefix = field.name
    return {k: v for k, v in fields.items() if k == prefix or k.startswith(prefix + ".")}


def read(field: Field, fields: Fields, today: date | None = None) -> Outcome:
    q = field.question
    name = field.name
    label = q.summary or q.label
    if q.kind == "radio":
        value = _first(fields, name)
        if not value:
            return Outcome("empty")
        if value not in {o.value for o in q.options}:
            return Outcome("error", error="＊" + (q.missing or f"{label}を選んでください"))
        return Outcome("ok", value)
    if q.kind == "checks":
        chosen = set(fields.get(name) or [])
        return Outcome("ok", {o.value: ("yes" if o.value in chosen else "not-yet") for o in q.options})
    if q.kind == "text":
        value = _first(fields, name).strip()
        if not value:
            return Outcome("empty")
        if len(value) > MAX_TEXT:
            return Outcome("error", error=f"＊{label}は{MAX_TEXT}文字以内で入力してください（今は{len(value)}文字です）")
        return Outcome("ok", value)
    unknown = q.unknown and _first(fields, name + ".unknown") == UNKNOWN
    if q.kind == "number":
        text = _digits(_first(fields, name))
        if not text:
            return Outcome("ok", UNKNOWN) if unknown else Outcome("empty")
        if unknown:
            return Outcome("error", error="＊人数を入力するか「わからない」を選ぶか、どちらか一方にしてください")
        if not text.isdigit():
            return Outcome("error", error=f"＊{label}は半角数字で入力してください（例：5000）")
        number = int(text)
        if number > MAX_COUNT:
            return Outcome("error", error=f"＊{label}は{MAX_COUNT:,}以下で入力してください")
        return Outcome("ok", number)
    if q.kind == "time":
        hour, minute = (_digits(_first(fields, f"{name}.{p}")) for p in ("hour", "minute"))
        if not hour and not minute:
            return Outcome("empty")
        if not hour:
            return Outcome("error", error="＊時を入力してください")
        if not minute:
            minute = "0"
        if not (hour.isdigit() and minute.isdigit()):
            return Outcome("error", error="＊時刻は半角数字で入力してください")
        h, m = int(hour), int(minute)
        if not (0 <= h <= 23 and 0 <= m <= 59):
            return Outcome("error", error="＊時刻は0時から23時、0分から59分の範囲で入力してください")
        return Outcome("ok", f"{h:02d}:{m:02d}")
    if q.kind == "date":
        return _read_date(q, fields, name, unknown, today)
    raise ValueError(q.kind)


def _read_date(q: Question, fields: Fields, name: str, unknown: bool, today: date | None) -> Outcome:
    parts = {p: _digits(_first(fields, f"{name}.{p}")) for p in ("year", "month", "day")}
    if not any(parts.values()):
        return Outcome("ok", UNKNOWN) if unknown else Outcome("empty")
    if unknown:
        return Outcome("error", error="＊日付を入力するか「わからない」を選ぶか、どちらか一方にしてください")
    names = {"year": "年", "month": "月", "day": "日"}
    missing = [names[p] for p, v in parts.items() if not v]
    if missing:
        return Outcome("error", error=f"＊{'・'.join(missing)}を入力してください")
    if not all(v.isdigit() for v in parts.values()):
        return Outcome("error", error="＊日付は半角数字で入力してください")
    year, month, day = (int(parts[p]) for p in ("year", "month", "day"))
    if len(parts["year"]) != 4:
        return Outcome("error", error="＊年は西暦の4桁で入力してください（例：1990）")
    if not 1 <= month <= 12:
        return Outcome("error", error="＊月は1から12までで入力してください")
    try:
        value = date(year, month, day)
    except ValueError:
        return Outcome("error", error="＊存在しない日付です")
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        return Outcome("error", error="＊1900年から2100年までの日付を入力してください")
    if q.past_only and today is not None and value > today:
        return Outcome("error", error="＊今日より後の日付は入力できません")
    return Outcome("ok", value.isoformat())


@dataclass
class Applied:
    errors: list[tuple[Field, str]] = field(default_factory=list)
    invalid: dict[str, Fields] = field(default_factory=dict)   # field name -> raw form values
    valid: set[str] = field(default_factory=set)                # field names read without error


def apply(answers: dict, step: Step, fields: Fields, today: date | None = None, strict: bool = True) -> Applied:
    """Write what the form says into ``answers``; collect errors (``strict``: missing required too).

    A valid answer replaces the old one, an empty field removes it, an invalid one leaves the
    old answer alone (its raw text is returned, so it can be shown again as typed). Follow-up
    questions are judged after their parent answer has been written.
    """
    result = Applied()
    for f in sorted(step.fields, key=lambda f: f.conditional):
        if f.conditional:
            scope = _get(answers, f.path[: len(f.path) - len(f.question.key)]) or {}
            if not f.question.when(scope):
                continue
        outcome = read(f, fields, today)
        if outcome.state == "ok":
            _set(answers, f.path, outcome.value)
            result.valid.add(f.name)
        elif outcome.state == "empty":
            _delete(answers, f.path)
            result.valid.add(f.name)
            if strict and f.question.required:
                result.errors.append((f, "＊" + (f.question.missing or f"{f.question.label}を入力してください")))
        else:
            result.invalid[f.name] = raw_of(f, fields)
            result.errors.append((f, outcome.error))
    # Keep the page's order for the error summary.
    order = {f.name: n for n, f in enumerate(step.fields)}
    result.errors.sort(key=lambda e: order[e[0].name])
    _ensure_lists(answers, step)
    return result


def _ensure_lists(answers: dict, step: Step) -> None:
    """A proposer or officer with no answers yet still counts (the list length is an answer)."""
    if step.id == "proposers" and not isinstance(answers.get("proposers"), list):
        answers["proposers"] = [{}]
    if step.id.startswith("proposer-"):
        i = int(step.id.split("-")[1]) - 1
        proposer = proposers_of(answers)[i] if i < len(proposers_of(answers)) else {}
        if is_body(proposer) and not isinstance(proposer.get("officers"), list):
            _set(answers, ("proposers", i, "officers"), [{}])


def visible(answers: dict, step: Step) -> dict[str, bool]:
    """For each follow-up question on the step, whether it applies now (live show/hide)."""
    current = step_by_id(answers, step.id) or step
    return {"c-" + f.id: f.applies for f in current.fields if f.conditional}


# ---------------------------------------------------------------------------------------------
# Lists of proposers and officers


def add_proposer(answers: dict) -> int:
    people = answers.setdefault("proposers", [{}])
    if len(people) < MAX_PROPOSERS:
        people.append({})
    return len(people) - 1


def remove_proposer(answers: dict, index: int) -> bool:
    people = answers.get("proposers")
    if isinstance(people, list) and len(people) > 1 and 0 <= index < len(people):
        del people[index]
        return True
    return False


def add_officer(answers: dict, index: int) -> int:
    people = proposers_of(answers)
    if not 0 <= index < len(people):
        return -1
    officers = people[index].get("officers")
    if not isinstance(officers, list):
        officers = people[index]["officers"] = []
    if len(officers) < MAX_OFFICERS:
        officers.append({})
    return len(officers) - 1


def remove_officer(answers: dict, index: int, officer: int) -> bool:
    officers = _get(answers, ("proposers", index, "officers"))
    if isinstance(officers, list) and 0 <= officer < len(officers):
        del officers[officer]
        return True
    return False


def shift_names(names: dict[str, Any], prefix: str, removed: int) -> dict[str, Any]:
    """Renumber form field names after item ``removed`` of a list left it.

    ``prefix`` is the name part before the index: "p" for proposers, "p0.o" for officers.
    """
    pattern = re.compile(r"^(" + re.escape(prefix) + r")(\d+)(\..*|$)")
    out: dict[str, Any] = {}
    for key, value in names.items():
        m = pattern.match(key)
        if not m:
            out[key] = value
            continue
        n = int(m.group(2))
        if n == removed:
            continue
        if isinstance(value, dict):  # the raw form values of one field carry the same names
            value = shift_names(value, prefix, removed)
        out[f"{m.group(1)}{n - 1 if n > removed else n}{m.group(3)}"] = value
    return out


# ---------------------------------------------------------------------------------------------
# What is kept, what is shown


def effective(answers: dict) -> dict:
    """Only the answers to questions that apply now (what is saved and evaluated).

    Answers to questions that no longer apply stay in the working copy, so changing an
    answer back brings them back; they are left out here.
    """
    out: dict[str, Any] = {k: answers[k] for k in ("format", "version", "call") if k in answers}
    for step in steps(answers):
        for f in step.fields:
            if not f.applies:
                continue
            value = _get(answers, f.path)
            if f.question.kind == "radio" and value not in {o.value for o in f.question.options}:
                # e.g. a person's 「復権を得た」 kept after the proposer became a body: ask again.
                continue
            if value is not None:
                _set(out, f.path, copy.deepcopy(value))
    # The number of proposers and officers is itself an answer, even before anything is said about them.
    if isinstance(answers.get("proposers"), list):
        people = out.setdefault("proposers", [])
        while len(people) < len(answers["proposers"]):
            people.append({})
        for i, proposer in enumerate(answers["proposers"]):
            if is_body(proposer) and isinstance(proposer.get("officers"), list):
                officers = people[i].setdefault("officers", [])
                while len(officers) < len(proposer["officers"]):
                    officers.append({})
    return out


def first_incomplete(answers: dict) -> Step | None:
    """The first step with a required question not answered yet."""
    for step in steps(answers):
        for f in step.fields:
            if f.applies and f.question.required and f.question.kind != "checks" and _get(answers, f.path) is None:
                return step
            if f.applies and f.question.kind == "checks" and _get(answers, f.path) is None:
                return step
    return None


def display_value(field: Field, answers: dict) -> str:
    """The answer in words, for the review list ("" = not answered)."""
    q = field.question
    value = _get(answers, field.path)
    if value is None:
        return ""
    if value == UNKNOWN and q.kind in ("date", "number"):
        return UNKNOWN_LABEL
    if q.kind == "radio":
        for o in q.options:
            if o.value == value:
                return o.label
        return str(value)
    if q.kind == "checks":
        done = [o.label for o in q.options if isinstance(value, dict) and value.get(o.value) == "yes"]
        return "、".join(done) if done else "どれもまだ"
    if q.kind == "date":
        from .dates import format_date, parse_iso_date
        try:
            return format_date(parse_iso_date(value))
        except ValueError:
            return str(value)
    if q.kind == "time":
        from .dates import format_time, parse_hhmm
        try:
            return format_time(parse_hhmm(value))
        except ValueError:
            return str(value)
    if q.kind == "number":
        return f"{value:,}人" if isinstance(value, int) else str(value)
    return str(value)


def form_values(field: Field, answers: dict) -> Fields:
    """The form field values that show the stored answer (the inverse of ``read``)."""
    q = field.question
    name = field.name
    value = _get(answers, field.path)
    if value is None:
        return {}
    if value == UNKNOWN and q.kind in ("date", "number"):
        return {name + ".unknown": [UNKNOWN]}
    if q.kind == "checks":
        return {name: [k for k, v in value.items() if v == "yes"]} if isinstance(value, dict) else {}
    if q.kind == "date" and isinstance(value, str) and len(value) == 10:
        y, m, d = value.split("-")
        return {f"{name}.year": [y], f"{name}.month": [str(int(m))], f"{name}.day": [str(int(d))]}
    if q.kind == "time" and isinstance(value, str) and len(value) == 5:
        return {f"{name}.hour": [str(int(value[:2]))], f"{name}.minute": [value[3:]]}
    return {name: [str(value)]}


