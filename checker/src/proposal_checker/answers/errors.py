"""What an answers file that cannot be read raises, and what the applicant is told about it."""
from __future__ import annotations


# What an applicant is told about a file that cannot be read (the page); the command line also
# lists ``AnswersError.errors``, each naming its field, for whoever wrote the file by hand.
CHOOSE_SAVED = ("このページの「回答をファイルに保存」で保存したファイル（名前が「proposal-answers-」で始まる .json のファイル）"
                "を選んでください。")
NOT_AN_ANSWERS_FILE = "このファイルは、このページで保存した回答ファイルではありません。" + CHOOSE_SAVED
DAMAGED = ("回答ファイルの中に、読めない部分があります。ファイルが壊れているか、書き換えられています。"
           "保存したときのファイルを選ぶか、このページで回答し直してください。")


class AnswersError(ValueError):
    """The answers cannot be read; ``errors`` lists ``(field_path, message)`` pairs.

    The path of the whole document is ``""``. ``summary`` says, for an applicant, what is wrong and
    what to do; ``errors`` helps them only when ``show_errors`` (the fields of a damaged file).
    """

    def __init__(self, errors: list[tuple[str, str]], summary: str = DAMAGED, show_errors: bool = True):
        self.errors = list(errors)
        self.summary = summary
        self.show_errors = show_errors
        super().__init__("\n".join(f"{path or '回答全体'}: {message}" for path, message in self.errors))


def not_answers(message: str) -> AnswersError:
    """A file that is not an answers file at all (a photo, a document, other JSON)."""
    return AnswersError([("", message)], NOT_AN_ANSWERS_FILE, show_errors=False)
