"""Phone numbers in text, for the callers that only need the numbers that
are, or look meant as, phone numbers (parity, audit, print, offline).

The judging itself is `numbers.py` (default deny over normalised text);
this keeps the older shape for prose that is not a page (seed documents,
print texts): `find_numbers` returns the numbers of the table, refused long
numbers, and refused short ones only near a call word or one slip away
from a table number; not the digit runs named as years, dates, ….
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from uitweg.contacts.model import ContactTable
from uitweg.gate import numbers


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    text: str
    digits: str
    short: bool


WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


def _near_call_word(text: str, start: int, end: int, call_words: frozenset[str]) -> bool:
    words = {w.lower() for w in WORD_RE.findall(text[max(0, start - 40):start] + " " + text[end:end + 20])}
    return bool(words & call_words)


def _one_slip(a: str, b: str) -> bool:
    """Same length and one digit changed, or two neighbours swapped."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                              and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])


def find_numbers(text: str, table: ContactTable, call_words: frozenset[str], page: str = "") -> list[NumberMatch]:
    """Phone numbers in `text`, in order, known to the table or not."""
    out = []
    for f in numbers.find_numbers(text, table, call_words, page):
        if f.refused and f.short and not (_near_call_word(text, f.start, f.end, call_words)
                                          or any(_one_slip(f.digits, k) for k in table.short_numbers)):
            continue
        if f.known or f.refused:
            out.append(NumberMatch(f.start, f.end, f.text, f.digits, f.short))
    return out


def describe_unknown(number: NumberMatch, table: ContactTable) -> str:
    """The message for a number that is not in the table."""
    return numbers.describe(numbers.Finding(number.start, number.end, number.text, number.digits,
                                            "unknown", number.short), table)


def line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
