"""Find phone numbers in text, however they are written, and check them
against the contact table.

Long numbers: "02 511 64 64", "02/511.64.64", "025116464", "+32 2 511 64 64",
"0032 2 511 64 64". Short numbers: "1712", "116000", "101", "112".
Years, dates, postcodes, house numbers and articles of law are left alone:
a long number must start with 0, +32 or 0032, and a short-looking number only
counts when it is in the table, stands near a call word ("bel", "call",
"appelez", …), or is one slip away from a short number of the table
("1721" for "1712").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from uitweg.contacts.table import ContactTable, normalise_digits

SEP = r"[ \u00a0\u202f./-]"
# A run of digits with single separators, optionally starting with + or 00.
LONG_RE = re.compile(rf"(?<![\w+])(?<!\d[.,/-])(?:\+|\b)\d(?:{SEP}?\d){{6,14}}(?!\w)(?!{SEP}?\d)")
SHORT_RE = re.compile(r"(?<![\w+])(?<!\d[ .,/-])\d{3,6}(?!\w)(?![ .,/-]\d)")
DATE_RE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$")
LAW_RE = re.compile(r"(?:\bart(?:ikel|icle)?\.?|§)\s*$", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?:;\n]\s")
WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
WINDOW_BEFORE, WINDOW_AFTER = 40, 20


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    text: str
    digits: str
    short: bool


def find_long_numbers(text: str) -> list[NumberMatch]:
    """Every Belgian-looking long number (known or not) in `text`."""
    found = []
    for m in LONG_RE.finditer(text):
        raw = m.group(0)
        if DATE_RE.match(raw):
            continue
        if not (raw.startswith("+") or raw.startswith("0")):
            continue
        digits = normalise_digits(raw)
        if raw.startswith("+") and not raw.startswith("+32"):
            digits = "+" + re.sub(r"\D", "", raw)  # a foreign number: never in the table
        if len(re.sub(r"\D", "", digits)) < 8:
            continue
        found.append(NumberMatch(m.start(), m.end(), raw, digits, False))
    return found


def _near_call_word(text: str, start: int, end: int, call_words: frozenset[str]) -> bool:
    before = text[max(0, start - WINDOW_BEFORE):start]
    cut = list(SENTENCE_END.finditer(before))
    if cut:
        before = before[cut[-1].end():]
    after = text[end:end + WINDOW_AFTER]
    stop = SENTENCE_END.search(after)
    if stop:
        after = after[:stop.start()]
    words = {w.lower() for w in WORD_RE.findall(before + " " + after)}
    return bool(words & call_words)


def _one_slip(a: str, b: str) -> bool:
    """Same length and one digit changed, or two neighbours swapped."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) == 1:
        return True
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def find_short_numbers(text: str, known: set[str], call_words: frozenset[str],
                       taken: list[tuple[int, int]] = ()) -> list[NumberMatch]:
    """Short numbers that are, or look meant as, phone numbers."""
    found = []
    for m in SHORT_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        digits = m.group(0)
        if digits in known:
            found.append(NumberMatch(m.start(), m.end(), digits, digits, True))
            continue
        if LAW_RE.search(text[max(0, m.start() - 12):m.start()]):
            continue
        slip = len(digits) >= 4 and not 1900 <= int(digits) <= 2099 and any(_one_slip(digits, k) for k in known)
        if slip or _near_call_word(text, m.start(), m.end(), call_words):
            found.append(NumberMatch(m.start(), m.end(), digits, digits, True))
    return found


def find_numbers(text: str, table: ContactTable, call_words: frozenset[str]) -> list[NumberMatch]:
    """All phone numbers in `text`, in order, known to the table or not."""
    longs = find_long_numbers(text)
    shorts = find_short_numbers(text, table.short_numbers, call_words, [(n.start, n.end) for n in longs])
    return sorted(longs + shorts, key=lambda n: n.start)


def describe_unknown(number: NumberMatch, table: ContactTable) -> str:
    """The message for a number that is not in the table."""
    msg = f"{number.text} is not in the contact table"
    near = table.nearest_phone(number.digits.lstrip("+"))
    if near:
        contact, phone = near
        msg += f" — did you mean {contact.name.get('en', contact.id)} {phone.number}?"
    msg += " Fix the number, or add it to data/contacts.yml with its source."
    return msg


def line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
