"""The answers format, version 2 (checker/FORMAT.md; version 1 files are read too): the model
(model.py), reading a JSON value into it (reader.py, and drafts.py for what version 2 adds) and a
file's text (text.py), the answers the drafts may use with their limits (fields.py), and the values
a person picks (vocabulary.py, which are the format's too)."""
from ..vocabulary import (BANKRUPTCY, BODY_BANKRUPTCY, BODY_TYPES, CANCELLATION_STATUS, DONE, KINDS, MEASURE_ITEMS,
                          METHODS, PROCESSING_ITEMS, PROPOSER_TYPES, SENTENCE_STATE, SENTENCE_STATUS, UNKNOWN,
                          YES_NO_UNKNOWN)
from .model import (DATE_RANGE, EARLIEST_DATE, FORMAT, LATEST_DATE, MAX_BYTES, MAX_COUNT, MAX_DEPTH, MAX_OFFICERS,
                    MAX_PROPOSERS, MAX_TEXT, VERSION, VERSIONS, Answers, Cancellation, DraftAnswers, Person, Proposal,
                    Proposer, Representative, Sentence, Submission)
from .errors import CHOOSE_SAVED, DAMAGED, NOT_AN_ANSWERS_FILE, AnswersError
from .reader import parse_answers
from .text import json_depth, parse_answers_text, too_large

__all__ = ["BANKRUPTCY", "BODY_BANKRUPTCY", "BODY_TYPES", "CANCELLATION_STATUS", "DONE", "KINDS", "MEASURE_ITEMS",
           "METHODS", "PROCESSING_ITEMS", "PROPOSER_TYPES", "SENTENCE_STATE", "SENTENCE_STATUS", "UNKNOWN",
           "YES_NO_UNKNOWN", "DATE_RANGE", "EARLIEST_DATE", "FORMAT", "LATEST_DATE", "MAX_BYTES", "MAX_COUNT",
           "MAX_DEPTH", "MAX_OFFICERS", "MAX_PROPOSERS", "MAX_TEXT", "VERSION", "VERSIONS", "Answers", "Cancellation",
           "DraftAnswers", "Person", "Representative",
           "Proposal", "Proposer", "Sentence", "Submission", "CHOOSE_SAVED", "DAMAGED", "NOT_AN_ANSWERS_FILE",
           "AnswersError", "json_depth", "parse_answers", "parse_answers_text", "too_large"]
