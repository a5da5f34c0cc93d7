"""Default deny for digits: every digit run in a text is either a number of
the contact table, or named as something else (a year, a date, a quantity
…), or refused.

Works on text normalised as a reader sees it (`normalise.py`), so thin
spaces, fullwidth or Arabic-Indic digits, entities and zero-width
characters change nothing. Digit runs joined by separators (space, dash,
dot, slash, brackets) form one cluster:

- a cluster of 7 or more digits, or one that starts with + or 00, is a long
  number: it must be a number of the table in any writing (`national_digits`
  reads +32, 0032 and (0)), else it is refused. Dates (10/08/2005) and bank
  accounts (BE19 3101 …) are named;
- every run of 3 to 6 digits that is not part of a long number must be a
  short number of the table, or be explained by its neighbours (words in
  data/number_exceptions.yml), or be a reviewed exception there.
Runs of 1 or 2 digits are left alone: no Belgian number is that short.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import jsonschema

from uitweg.contacts.model import ContactTable
from uitweg.core import paths
from uitweg.core.filecache import cached_loader
from uitweg.core.problems import BuildError, Problem
from uitweg.core.yamlfile import line_of, load_with_lines
from uitweg.gate.normalise import normalise_text

EXCEPTIONS_FILE = paths.DATA / "number_exceptions.yml"

SEP = r"[ \-./]"
# Digit runs joined by at most 3 separators; may start with + or (. A bracket
# inside a cluster must close around digits, as in "+32 (0)2" or "(02) 511":
# "1712 (9-17u)" is a number followed by its hours, not one long number.
PART = rf"(?:{SEP}{{1,3}}\d+|{SEP}{{0,3}}\(\d+\)\d*)"
# A run glued to letters is still a run: Chinese and Japanese write "拨打1713"
# without a space, and "abc1713" shows 1713 to a reader all the same.
CLUSTER = re.compile(rf"(?<![\d+])(?:\+\s*)?(?:\(\d+\)\d*|\(?\d+){PART}*\)?")
DATE = re.compile(r"^\(?(?:\d{1,2}([./-])\d{1,2}\1(?:\d{2}|\d{4})|\d{4}([./-])\d{1,2}\2\d{1,2})\)?$")
TIME = re.compile(r"^\d{1,2}[.:]\d{2}$")
RANGE = re.compile(r"^\d{1,4}\s*-\s*\d{1,4}$")
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[0-9A-Z]{4}){2,7}(?: ?[0-9A-Z]{1,3})?\b")
WORD = re.compile(r"[^\W\d_]+\.?|[€%§]", re.UNICODE)


@dataclass(frozen=True)
class Finding:
    start: int          # offsets in the text that was judged
    end: int
    text: str           # as written
    digits: str         # national digits ("025116464", "1712"), or "+…" for foreign
    verdict: str        # "table", "unknown", or what it is: "year", "date", …
    short: bool

    @property
    def known(self) -> bool:
        return self.verdict == "table"

    @property
    def refused(self) -> bool:
        return self.verdict == "unknown"


@dataclass(frozen=True)
class NumberWords:
    units: frozenset[str]
    law_words: frozenset[str]
    street_endings: tuple[str, ...]
    exceptions: frozenset[tuple[str, str]]   # (number, page)
    unit_links: frozenset[str] = frozenset()


@cached_loader
def load_number_words(path: Path = EXCEPTIONS_FILE) -> NumberWords:
    data, lines = load_with_lines(path)
    schema = json.loads(Path(path).with_suffix(".schema.json").read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    if errors:
        raise BuildError([Problem(_shown(path), line_of(lines, tuple(e.absolute_path)),
                                  f"{e.message}; see {Path(path).with_suffix('.schema.json').name}") for e in errors],
                         f"{_shown(path)} is not valid")
    units = {w.lower() for words in data["units"].values() for w in words}
    return NumberWords(frozenset(units), frozenset(w.lower().rstrip(".") for w in data["law_words"]),
                       tuple(w.lower() for w in data["street_endings"]),
                       frozenset((e["number"], e["page"]) for e in data["exceptions"]),
                       frozenset(w.lower() for w in data.get("unit_links", [])))


def _shown(path: Path) -> str:
    try:
        return Path(path).resolve().relative_to(paths.ROOT).as_posix()
    except ValueError:
        return str(path)


def national_digits(cluster: str) -> str:
    """National digits of a number however written: "+32 (0)2 511 64 64",
    "0032 2 511 64 64", "(02) 511 64 64" -> "025116464"; "+1 712 …" -> "+1712…"."""
    text = re.sub(r"\(\s*0\s*\)", "", cluster) if re.match(r"\s*(\+|00)", cluster) else cluster
    digits = re.sub(r"\D", "", text)
    if text.lstrip().startswith("+"):
        return "0" + digits[2:] if digits.startswith("32") else "+" + digits
    if digits.startswith("0032"):
        return "0" + digits[4:]
    if digits.startswith("00"):
        return "+" + digits[2:]
    return digits


def _words_before(text: str, pos: int, n: int = 1) -> list[str]:
    return [w.lower() for w in WORD.findall(text[max(0, pos - 40):pos])][-n:]


def _word_after(text: str, pos: int) -> str:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    m = WORD.match(text, pos)
    return m.group(0) if m else ""


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _explain_short(text: str, start: int, end: int, run: str, words: NumberWords,
                   call_words: frozenset[str]) -> str | None:
    """What a 3–6 digit run is, when its neighbours say; None if nothing does."""
    before = _words_before(text, start)
    prev = before[0].rstrip(".") if before else ""
    # Glued to a Latin letter, a run is part of a word (SHA256, mp3); Chinese
    # and Japanese glue numbers to every word ("在2005年"), so there it is not.
    glued_before = start > 0 and text[start - 1].isascii() and text[start - 1].isalpha()
    glued_after = end < len(text) and text[end].isascii() and text[end].isalpha()
    after = _word_after(text, end)
    if prev in call_words:
        return None
    if glued_before:
        return "in a word"
    if prev in words.law_words or text[max(0, start - 2):start].strip() == "§":
        return "article of law"
    decade = re.match(r"'?s\b", text[end:end + 3])   # "the 1990s"
    if len(run) == 4 and 1800 <= int(run) <= 2099 and not glued_before and (not glued_after or decade):
        return "year"
    if after.lower().rstrip(".") in words.units or text[end:end + 2].strip()[:1] in ("%", "€"):
        return "quantity"
    if after.lower() in words.unit_links and \
            _word_after(text, end + text[end:].index(after) + len(after)).lower().rstrip(".") in words.units:
        return "quantity"   # "365 de zile"
    if end < len(text) and _is_cjk(text[end]) and any(after.startswith(u) for u in words.units if _is_cjk(u[0])):
        return "quantity"   # "2005年", "365天": Chinese writes the unit right after the digits
    if prev in words.units and text[max(0, start - 2):start].strip() in ("€",):
        return "quantity"
    if before and before[0] in ("€", "eur"):
        return "quantity"
    if len(run) == 4 and 1000 <= int(run) <= 9999 and (
            re.match(r" [A-ZÀ-Þ][\w'-]{2,}", text[end:end + 30]) or re.search(r"\bB-$", text[max(0, start - 2):start])):
        return "postcode"
    if len(run) <= 4 and prev and any(prev.endswith(s) for s in words.street_endings) and not glued_before:
        return "house number"
    return None


def find_numbers(text: str, table: ContactTable, call_words: frozenset[str],
                 page: str = "", words: NumberWords | None = None) -> list[Finding]:
    """Every digit run of 3 or more digits in `text` (raw: entities and
    odd characters allowed), with its verdict. Offsets are in `text`."""
    words = words or load_number_words()
    norm = normalise_text(text)
    t = norm.text
    found: list[Finding] = []

    def add(s: int, e: int, digits: str, verdict: str, short: bool) -> None:
        os_, oe = norm.source_span(s, e)
        found.append(Finding(os_, oe, text[os_:oe], digits, verdict, short))

    ibans = [m.span() for m in IBAN.finditer(t)]
    _judge(t, 0, len(t), table, call_words, page, words, ibans, add)
    return found


# A dash or slash with spaces around it ("02 511 64 64 — 24/7") may end a
# number; a long cluster that is not in the table is judged again in parts.
SPACED = re.compile(r" [-/.] | {2,}")


def _judge(t: str, lo: int, hi: int, table, call_words, page, words, ibans, add, split: bool = True) -> None:
    for m in CLUSTER.finditer(t, lo, hi):
        s, e = m.span()
        # Brackets around the whole cluster belong to the sentence.
        raw = m.group(0)
        if raw.endswith(")") and raw.count("(") < raw.count(")"):
            e -= 1
            raw = raw[:-1]
        if raw.startswith("(") and raw.count("(") > raw.count(")"):
            s += 1
            raw = raw[1:]
        digits = re.sub(r"\D", "", raw)
        if len(digits) < 3 and not raw.startswith("+"):
            continue
        if any(a <= s < b for a, b in ibans):
            add(s, e, digits, "bank account", False)
            continue
        phone_like = raw.startswith("+") or (digits.startswith("00") and len(digits) >= 7)
        if len(digits) >= 7 or phone_like:
            if DATE.match(raw):
                add(s, e, digits, "date", False)
                continue
            nat = national_digits(raw)
            if split and not table.phone_by_digits(nat) and SPACED.search(raw):
                parts: list = []
                cuts = [0] + [x for c in SPACED.finditer(raw) for x in c.span()] + [len(raw)]
                for a, b in zip(cuts[::2], cuts[1::2], strict=True):
                    _judge(t, s + a, s + b, table, call_words, page, words, ibans,
                           lambda *x, found=parts: found.append(x), split=False)
                if not any(p[3] == "unknown" for p in parts):
                    for p in parts:
                        add(*p)
                    continue
            if table.phone_by_digits(nat):
                add(s, e, nat, "table", table.phone_by_digits(nat)[1].short)
                continue
            runs = list(re.finditer(r"\d+", raw))
            if not phone_like and all(table.phone_by_digits(r.group(0)) for r in runs if len(r.group(0)) >= 3) \
                    and all(len(r.group(0)) >= 3 for r in runs):
                for r in runs:   # a list of short numbers: "112 / 101"
                    add(s + r.start(), s + r.end(), r.group(0), "table", True)
                continue
            add(s, e, nat, "unknown", False)
            continue
        if table.phone_by_digits(digits) and len(re.findall(r"\d+", raw)) <= 2:
            add(s, e, digits, "table", True)   # "1712", "17 12"
            continue
        if DATE.match(raw):
            add(s, e, digits, "date", False)
            continue
        if TIME.match(raw) or (RANGE.match(raw) and all(len(x) <= 2 for x in re.findall(r"\d+", raw))):
            add(s, e, digits, "time", False)
            continue
        if RANGE.match(raw) and all(1800 <= int(x) <= 2099 for x in re.findall(r"\d+", raw)):
            add(s, e, digits, "years", False)
            continue
        for r in re.finditer(r"\d+", raw):
            run = r.group(0)
            rs, re_ = s + r.start(), s + r.end()
            if len(run) < 3:
                continue
            if table.phone_by_digits(run):
                add(rs, re_, run, "table", True)
                continue
            what = _explain_short(t, rs, re_, run, words, call_words)
            if what is None and page and (run, page) in words.exceptions:
                what = "exception"
            add(rs, re_, run, what or "unknown", True)


def describe(finding: Finding, table: ContactTable) -> str:
    """The message for a refused number: what is wrong and what to do."""
    msg = f"{finding.text} is not in the contact table"
    near = table.nearest_phone(finding.digits.lstrip("+"))
    if near:
        contact, phone = near
        name = contact.name.get("en", contact.id)
        msg += f" — did you mean {phone.number if name == phone.number else f'{name} {phone.number}'}?"
    if finding.short:
        return msg + (" If it is a phone number, use [[phone:ID]] or a short number of the table; if it is not, "
                      "write it with its unit or place (\"365 dagen\", \"€ 300\", \"1702 Groot-Bijgaarden\"), "
                      "or add a reviewed exception to data/number_exceptions.yml.")
    return msg + " Fix the number, or add it to data/contacts.yml with its source."
