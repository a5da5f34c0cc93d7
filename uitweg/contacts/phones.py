"""Phone numbers in text, for the callers that only need the numbers that
are, or look meant as, phone numbers (parity, audit, print, offline).

The judging itself is `numbers.py` (default deny over normalised text);
this keeps the older shape: `find_numbers` returns the numbers of the table
and the refused ones, not the digit runs named as years, dates, ….
"""
from __future__ import annotations

from dataclasses import dataclass

from uitweg.contacts import numbers
from uitweg.contacts.table import ContactTable


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    text: str
    digits: str
    short: bool


def find_numbers(text: str, table: ContactTable, call_words: frozenset[str], page: str = "") -> list[NumberMatch]:
    """All phone numbers in `text`, in order, known to the table or not."""
    return [NumberMatch(f.start, f.end, f.text, f.digits, f.short)
            for f in numbers.find_numbers(text, table, call_words, page) if f.known or f.refused]


def describe_unknown(number: NumberMatch, table: ContactTable) -> str:
    """The message for a number that is not in the table."""
    return numbers.describe(numbers.Finding(number.start, number.end, number.text, number.digits,
                                            "unknown", number.short), table)


def line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
