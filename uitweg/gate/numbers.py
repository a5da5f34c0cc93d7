"""Default deny for digits: every digit a reader sees is part of a number
of the contact table, or named as something that cannot be called (a year,
a date, a quantity …), or refused.

Works on the text as a reader sees it (`normalise.py`: entities, other digit
scripts, zero-width characters), with letters that look like digits read as
digits when they stand between or next to digits ("O2 5l1", Cyrillic "З").

- A *candidate* is every run of digit groups joined on one line by spaces or
  punctuation (at most three characters between two groups, after collapsing
  whitespace as a browser does). Nothing is dropped for being short.
- Inside a candidate, groups joined by one space, dash, dot or slash (or a
  bracket around one group, "+32 (0)2", "(02) 511") form one *cluster*, the
  way a Belgian number is written; other joiners (a comma, " - ", a colon …)
  separate clusters.
- The numbering plan is the oracle (`dialable.py`): every cluster, and every
  run of neighbouring clusters, that a person could call in Belgium must be
  a number of the table (or a reviewed exception in
  data/number_exceptions.yml); no context rule can excuse it.
- What cannot be called is still denied unless named: a long cluster (7+
  digits, or + / 00) as a date or a bank account (IBAN, mod 97); a run of 3
  to 6 digits as a year, a time, a range, a quantity with a unit word of the
  page's language, a postcode with its place, an article of law, a house
  number, part of a word, or a reviewed exception.
"""
from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema

from uitweg.contacts.model import ContactTable, national_digits
from uitweg.core import paths
from uitweg.core.filecache import cached_loader
from uitweg.core.problems import BuildError, Problem
from uitweg.core.yamlfile import line_of, load_with_lines
from uitweg.gate.dialable import dialable, looks_long
from uitweg.gate.memo import TextMemo
from uitweg.gate.normalise import LETTER, normalise_text, word_key

EXCEPTIONS_FILE = paths.DATA / "number_exceptions.yml"

DATE = re.compile(r"^\(?(?:\d{1,2}([./-])\d{1,2}\1(?:\d{2}|\d{4})|\d{4}([./-])\d{1,2}\2\d{1,2})\)?$")
TIME = re.compile(r"^\d{1,2}[.:]\d{2}$")
# A clock time: h:mm or hh:mm (to 24:00), alone or as a range "9:00-17:00".
CLOCK = r"(?:[01]?\d|2[0-4])[:][0-5]\d"
CLOCK_TIME = re.compile(rf"^{CLOCK}(?:\s?-\s?{CLOCK})?$")
# "17.00 uur", "9.30 u", "17.00h": a time with a dot only before a time word
# of the page's language (data/number_exceptions.yml `time_words`). Also a
# range, "9.00-17.00 uur", and Thai "9.00–17.00 น." (น.: นาฬิกา, o'clock).
DOT_CLOCK = r"(?:[01]?\d|2[0-4])\.[0-5]\d"
DOT_TIME = re.compile(rf"^{DOT_CLOCK}(?:\s?-\s?{DOT_CLOCK})?$")
RANGE = re.compile(r"^\d{1,4}\s*-\s*\d{1,4}$")
IBAN = re.compile(r"\b([A-Z]{2}\d{2}(?: ?[0-9A-Z]{4}){2,7}(?: ?[0-9A-Z]{1,3})?)\b")
# A word: letters and combining marks of any script (normalise.LETTER).
WORD = re.compile(rf"{LETTER}+\.?|[€%§]")
# Scripts written without spaces between words: a unit word may start the
# letters that follow a number ("365วันต่อปี", "365天"), a call word may end
# those before it ("请拨打1713"), a texting word may stand inside them.
UNSPACED = ("THAI", "LAO", "KHMER", "MYANMAR", "TIBETAN", "CJK", "HIRAGANA", "KATAKANA")
# Letters a reader may take for digits, when they stand in a run of digits.
LOOKALIKES = {"O": "0", "o": "0", "\u041e": "0", "\u043e": "0", "\u039f": "0", "\u03bf": "0",
              "l": "1", "I": "1", "\u0406": "1", "\u0399": "1", "\u0417": "3", "\u0437": "3"}
LOOKALIKE_RUN = re.compile(r"(?<![^\W\d_])[0-9" + "".join(LOOKALIKES) + r"]+(?![^\W\d_])")
GROUP = re.compile(r"\d+")
WEAK = {"", " ", "-", ".", "/"}
# Spaces, punctuation and symbols join digit groups; a line or paragraph
# separator (Zl, Zp: a <br>) and a newline (Cc) do not.
JOINING = {"Zs", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So"}


@dataclass(frozen=True)
class Finding:
    start: int          # offsets in the text that was judged
    end: int
    text: str           # as written
    digits: str         # national digits ("025116464", "1712"), or "+…" for foreign
    verdict: str        # "table", "unknown", or what it is: "year", "date", …
    short: bool
    dialable: bool = False   # the numbering plan says a person can call it

    @property
    def known(self) -> bool:
        return self.verdict == "table"

    @property
    def refused(self) -> bool:
        return self.verdict == "unknown"


@dataclass(frozen=True)
class NumberWords:
    units: dict                              # language -> frozenset of unit words ("any": every language)
    law_words: frozenset[str]
    street_endings: tuple[str, ...]
    exceptions: frozenset[tuple[str, str]]   # (number, page)
    unit_links: frozenset[str] = frozenset()
    texting: frozenset[str] = frozenset()
    file_names: frozenset[str] = frozenset()
    time_words: dict = field(default_factory=dict)   # language -> frozenset of words after a time ("uur")

    def __post_init__(self) -> None:
        # Every word list compared as the text is (normalise.word_key): the
        # text loses its zero-width joiners and combining marks, so must they.
        keys = lambda words: frozenset(map(word_key, words))   # noqa: E731
        object.__setattr__(self, "units", {lang: keys(w) for lang, w in self.units.items()})
        object.__setattr__(self, "time_words", {lang: keys(w) for lang, w in self.time_words.items()})
        for name in ("law_words", "unit_links", "texting"):
            object.__setattr__(self, name, keys(getattr(self, name)))
        object.__setattr__(self, "street_endings", tuple(map(word_key, self.street_endings)))

    def units_for(self, lang: str | None) -> frozenset[str]:
        """Unit words of the page's language (and those of every language:
        "€", "%"); all languages' when the language is not known."""
        return self._of_language("units", lang)

    def time_words_for(self, lang: str | None) -> frozenset[str]:
        """Words after a time written with a dot, in the page's language (none
        for a language that writes times with a colon); all languages' when
        the page's language is not known (None)."""
        return self._of_language("time_words", lang, every_unlisted=False)

    def _of_language(self, name: str, lang: str | None, every_unlisted: bool = True) -> frozenset[str]:
        """The words of list `name` for `lang`, with those of every language
        ("any"); all languages' when `lang` is None, or not in the list and
        `every_unlisted`."""
        cache = self.__dict__.setdefault("_by_language", {})   # the same set each time (for _keys' cache)
        if (name, lang) not in cache:
            lists = getattr(self, name)
            every = lang is None or (every_unlisted and lang not in lists)
            cache[name, lang] = frozenset().union(*lists.values()) if every \
                else lists.get(lang, frozenset()) | lists.get("any", frozenset())
        return cache[name, lang]


@cached_loader
def load_number_words(path: Path = EXCEPTIONS_FILE) -> NumberWords:
    data, lines = load_with_lines(path)
    schema = json.loads(Path(path).with_suffix(".schema.json").read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    if errors:
        raise BuildError([Problem(_shown(path), line_of(lines, tuple(e.absolute_path)),
                                  f"{e.message}; see {Path(path).with_suffix('.schema.json').name}") for e in errors],
                         f"{_shown(path)} is not valid")
    units = {lang: frozenset(w.lower() for w in words) for lang, words in data["units"].items()}
    texting = frozenset(w.lower() for words in data.get("texting_words", {}).values() for w in words)
    return NumberWords(units, frozenset(w.lower().rstrip(".") for w in data["law_words"]),
                       tuple(w.lower() for w in data["street_endings"]),
                       frozenset((e["number"], e["page"]) for e in data["exceptions"]),
                       frozenset(w.lower() for w in data.get("unit_links", [])), texting,
                       frozenset(n.lower() for n in data.get("file_names", [])),
                       {lang: frozenset(w.lower() for w in ws) for lang, ws in data.get("time_words", {}).items()})


def _shown(path: Path) -> str:
    try:
        return Path(path).resolve().relative_to(paths.ROOT).as_posix()
    except ValueError:
        return str(path)


def _words_before(text: str, pos: int, n: int = 1) -> list[str]:
    return [w.lower() for w in WORD.findall(text[max(0, pos - 40):pos])][-n:]


def _word_after(text: str, pos: int) -> str:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    m = WORD.match(text, pos)
    return m.group(0) if m else ""


def _unspaced(word: str) -> bool:
    """True for a word of a script written without spaces between words."""
    return bool(word) and unicodedata.name(word[0], "").split(" ")[0] in UNSPACED


@functools.lru_cache(maxsize=256)
def _keys(words: frozenset[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """A word list as the text is compared (word_key), and its words of
    unspaced scripts (longest first)."""
    keys = frozenset(map(word_key, words))
    return keys, tuple(sorted((w for w in keys if _unspaced(w)), key=len, reverse=True))


def _is_unit(word: str, units: frozenset[str]) -> bool:
    """`word` (the letters after a number) is a unit word, or, in a script
    without spaces, starts with one ("วันต่อปี", "天都在")."""
    word = word.lower().rstrip(".")
    return word in units or any(word.startswith(u) for u in _keys(units)[1])


def _is_call_word(word: str, call_words: frozenset[str]) -> bool:
    """`word` (the letters before a number) is a call word, or, in a script
    without spaces, ends with one ("ติดต่อเบอร์", "请拨打")."""
    keys, unspaced = _keys(call_words)
    return word in keys or any(word.endswith(c) for c in unspaced)




def _explain_short(text: str, start: int, end: int, run: str, words: NumberWords,
                   call_words: frozenset[str], lang: str | None) -> str | None:
    """What a 3–6 digit run that cannot be called is, when its neighbours
    say; None if nothing does. Never asked about a dialable run."""
    before = _words_before(text, start)
    prev = before[0].rstrip(".") if before else ""
    units = words.units_for(lang)
    after = _word_after(text, end)
    # A unit word of the page's language right after the run: "365 dagen",
    # also after a call word ("bereikbaar 365 dagen per jaar").
    # Chinese and Thai write the unit right after the digits too ("365天", "365วัน").
    if _is_unit(after, units) or text[end:end + 2].strip()[:1] in ("%", "€"):
        return "quantity"
    if after.lower() in words.unit_links and \
            _is_unit(_word_after(text, end + text[end:].index(after) + len(after)), units):
        return "quantity"   # "365 de zile"
    if before and before[0] in ("€", "eur"):
        return "quantity"
    if _is_call_word(prev, call_words):
        return None
    # Glued to a Latin letter, a run is part of a word (SHA256, mp3); Chinese
    # and Japanese glue numbers to every word ("在2005年"), so there it is not.
    glued_before = start > 0 and text[start - 1].isascii() and text[start - 1].isalpha() or \
        start > 1 and text[start - 1] == "-" and text[start - 2].isascii() and text[start - 2].isalpha()   # SHA-256
    glued_after = end < len(text) and text[end].isascii() and text[end].isalpha()
    if glued_before:
        return "in a word"
    if prev in words.law_words or text[max(0, start - 2):start].strip() == "§":
        return "article of law"
    decade = re.match(r"'?s\b", text[end:end + 3])   # "the 1990s"
    if len(run) == 4 and 1800 <= int(run) <= 2099 and (not glued_after or decade):
        return "year"
    # "B-1020" never gets here: a run after a letter and a dash is part of a word.
    if len(run) == 4 and 1000 <= int(run) <= 9999 and re.match(r" [A-ZÀ-Þ][\w'-]{2,}", text[end:end + 30]):
        return "postcode"
    if len(run) <= 4 and prev and any(prev.endswith(s) for s in words.street_endings):
        return "house number"
    return None


def _near_texting_word(text: str, start: int, end: int, words: NumberWords) -> bool:
    window = text[max(0, start - 40):start] + " " + text[end:end + 30]
    near = {w.lower().rstrip(".") for w in WORD.findall(window)}
    return bool(near & words.texting) or any(w in window.lower() for w in _keys(words.texting)[1])


def read_lookalikes(text: str) -> str:
    """`text` with look-alike letters read as digits where they stand in a
    run of digits and look-alikes ("O2 5l1" -> "02 511"); same length."""
    def swap(m: re.Match) -> str:
        run = m.group(0)
        if run.isdigit() or not any(c.isdigit() for c in run):
            return run
        return "".join(LOOKALIKES.get(c, c) for c in run)
    return LOOKALIKE_RUN.sub(swap, text)


def _is_joiner(between: str) -> bool:
    """Characters that a reader reads between two digit groups of one
    number: at most three spaces or punctuation marks on one line."""
    collapsed = re.sub(r"\s+", " ", between)
    return 0 < len(collapsed) <= 3 and all(unicodedata.category(c) in JOINING for c in between)


@dataclass
class _Cluster:
    start: int
    end: int
    groups: list        # (start, end) of each digit group


def _candidates(t: str) -> list[list[_Cluster]]:
    """Digit groups joined on one line, split into clusters (module docstring)."""
    groups = [m.span() for m in GROUP.finditer(t)]
    candidates: list[list[_Cluster]] = []
    prev_end = None
    for s, e in groups:
        enclosed = s > 0 and t[s - 1] == "(" and t[e:e + 1] == ")"
        if prev_end is not None and _is_joiner(t[prev_end:s]):
            between = t[prev_end:s]
            if candidates[-1][-1].groups[-1][2]:   # the previous group is in brackets
                between = between[1:] if between.startswith(")") else between
            if enclosed and between.endswith("("):
                between = between[:-1]
            between = re.sub(r"\s+", " ", between)
            clock = between == ":" and e - s == 2 and re.fullmatch(CLOCK, t[candidates[-1][-1].groups[-1][0]:e])
            if between in WEAK or clock:
                cluster = candidates[-1][-1]
                cluster.groups.append((s, e, enclosed))
                cluster.end = e + (1 if enclosed else 0)
            else:
                candidates[-1].append(_Cluster(s - (1 if enclosed else 0), e + (1 if enclosed else 0), [(s, e, enclosed)]))
        else:
            start = s - (1 if enclosed else 0)
            if start > 0 and t[start - 1] == "(" and not enclosed:
                start -= 1   # "(02) 511": the bracket belongs to the number
            if start > 0 and t[start - 1] == "+":
                start -= 1
            elif start > 1 and t[start - 2:start] == "+ ":
                start -= 2
            candidates.append([_Cluster(start, e + (1 if enclosed else 0), [(s, e, enclosed)])])
        prev_end = e
    return candidates


def _iban_spans(t: str) -> list[tuple[int, int]]:
    """Spans of bank account numbers (IBAN) whose mod-97 check holds."""
    spans = []
    for m in IBAN.finditer(t):
        compact = m.group(1).replace(" ", "")
        moved = compact[4:] + compact[:4]
        number = "".join(str(int(c, 36)) for c in moved)
        if int(number) % 97 == 1:
            spans.append(m.span(1))
    return spans


def judge_numbers(text: str, table: ContactTable, call_words: frozenset[str], page: str = "",
                  words: NumberWords | None = None, lang: str | None = None) -> list[Finding]:
    """Every digit group of `text` (raw: entities and odd characters
    allowed) in a finding with its verdict; offsets are in `text`. The one
    finder: pages, templates, data files, print and offline texts."""
    words = words or load_number_words()
    norm = normalise_text(text)
    t = read_lookalikes(norm.text)
    found: list[Finding] = []

    def add(s: int, e: int, digits: str, verdict: str, short: bool, can_call: bool = False) -> None:
        os_, oe = norm.source_span(s, e)
        found.append(Finding(os_, oe, text[os_:oe], digits, verdict, short, can_call))

    ibans = _iban_spans(t)
    for candidate in _candidates(t):
        _judge_candidate(t, candidate, table, call_words, page, words, lang, ibans, add)
    return sorted(found, key=lambda f: f.start)


def _exception(number: str, page: str, words: NumberWords) -> bool:
    return bool(page) and (number, page) in words.exceptions


def _judge_candidate(t, clusters, table, call_words, page, words, lang, ibans, add) -> None:
    """Runs of two or more neighbouring clusters first ("02, 511 64 65" is
    one number to a reader): a run that is a number of the table covers its
    clusters; then a cluster of 7 or more digits on its own (a short number
    of the table inside "03,101,16,90" is no number); then a run of the rest
    that a person could call, or that is written like a long number, is
    refused. Clock times never join a run."""
    covered = {k for k, c in enumerate(clusters) if _is_time(t, c, words.time_words_for(lang))}
    n = len(clusters)
    if n == 1:
        if not covered:
            _judge_cluster(t, clusters[0], table, call_words, page, words, lang, ibans, add)
        return
    texting = _near_texting_word(t, clusters[0].start, clusters[-1].end, words)

    runs = []   # every run of two or more neighbouring clusters, longest first; each pass skips covered ones
    for i in range(n):
        for j in range(n - 1, i, -1):
            raw = t[clusters[i].start:clusters[j].end]
            if sum(ch.isdigit() for ch in raw) <= 17:   # no number is longer
                runs.append((i, j, national_digits(raw)))

    for i, j, nat in runs:
        if not any(k in covered for k in range(i, j + 1)) and (hit := table.phone_by_digits(nat)):
            add(clusters[i].start, clusters[j].end, nat, "table", hit[1].short)
            covered.update(range(i, j + 1))
    for k, c in enumerate(clusters):   # a long number stands alone: "04 232 40 30 (7 dagen …)"
        if k not in covered and sum(ch.isdigit() for ch in t[c.start:c.end]) >= 7:   # a long table number too
            _judge_cluster(t, c, table, call_words, page, words, lang, ibans, add)
            covered.add(k)
    for i, j, nat in runs:
        if any(k in covered for k in range(i, j + 1)):
            continue
        if (can_call := dialable(nat, texting)) or looks_long(nat):
            if not (can_call and _exception(nat, page, words)):
                add(clusters[i].start, clusters[j].end, nat, "unknown", len(nat) <= 6, can_call)
            covered.update(range(i, j + 1))
    for k, cluster in enumerate(clusters):
        if k not in covered:
            _judge_cluster(t, cluster, table, call_words, page, words, lang, ibans, add)


def _is_time(t: str, cluster: _Cluster, time_words: frozenset[str]) -> bool:
    """A clock time: "17:00", "9:00-17:00", "17.00 uur", "9.00-17.00 น.".
    One time is read as a clock, never keyed ("17:00" is no call to 1700);
    a range is a number to the numbering plan like any cluster, so a range
    it can dial ("1:16-0:06", 116006) is no time."""
    raw = t[cluster.start:cluster.end]
    clock = CLOCK_TIME.match(raw) or (
        DOT_TIME.match(raw) and _word_after(t, cluster.end).lower().rstrip(".") in time_words)
    return bool(clock) and (len(cluster.groups) <= 2 or not dialable(national_digits(raw)))


def _judge_cluster(t, cluster, table, call_words, page, words, lang, ibans, add) -> None:
    s, e = cluster.start, cluster.end
    if len(cluster.groups) == 1 and cluster.groups[0][2]:
        s, e = s + 1, e - 1   # "(1712)": the brackets belong to the sentence
    raw = t[s:e]
    digits = re.sub(r"\D", "", raw)
    nat = national_digits(raw)   # a clock time never gets here: _judge_candidate sets it aside
    hit = table.phone_by_digits(nat)
    if hit:
        add(s, e, nat, "table", hit[1].short)
        return
    texting = _near_texting_word(t, s, e, words)
    if dialable(nat, texting):
        if _exception(nat, page, words):
            add(s, e, nat, "exception", len(nat) <= 6, True)
        else:
            add(s, e, nat, "unknown", len(nat) <= 6, True)
        return
    if any(a <= s and e <= b for a, b in ibans):
        add(s, e, digits, "bank account", False)
        return
    if RANGE.match(raw) and all(1800 <= int(x) <= 2099 for x in re.findall(r"\d+", raw)):
        add(s, e, digits, "years", False)   # "2005-2008"
        return
    if len(digits) >= 7 or raw.startswith("+"):
        if DATE.match(raw):
            add(s, e, digits, "date", False)
            return
        runs = [(gs, ge) for gs, ge, _ in cluster.groups]
        if all(ge - gs >= 3 and table.phone_by_digits(t[gs:ge]) for gs, ge in runs) and not raw.startswith("+"):
            for gs, ge in runs:   # a list of short numbers: "112/101"
                add(gs, ge, t[gs:ge], "table", True)
            return
        add(s, e, nat, "unknown", False)
        return
    if DATE.match(raw):
        add(s, e, digits, "date", False)
        return
    if TIME.match(raw) or (RANGE.match(raw) and all(len(x) <= 2 for x in re.findall(r"\d+", raw))):
        add(s, e, digits, "time", False)
        return
    for gs, ge, _ in cluster.groups:
        run = t[gs:ge]
        if len(run) < 3:
            continue   # no Belgian number is this short; the cluster and its runs were judged whole
        if table.phone_by_digits(run):
            add(gs, ge, run, "table", True)
            continue
        if dialable(run, texting):
            add(gs, ge, run, "exception" if _exception(run, page, words) else "unknown", True, True)
            continue
        what = _explain_short(t, gs, ge, run, words, call_words, lang)
        if what is None and _exception(run, page, words):
            what = "exception"
        add(gs, ge, run, what or "unknown", True)


def describe(finding: Finding, table: ContactTable) -> str:
    """The message for a refused number: what is wrong and what to do."""
    msg = f"{finding.text} is not in the contact table"
    near = table.nearest_phone(finding.digits.lstrip("+"))
    if near:
        contact, phone = near
        name = contact.name.get("en", contact.id)
        msg += f" — did you mean {phone.number if name == phone.number else f'{name} {phone.number}'}?"
    if finding.dialable and finding.short:
        return msg + (" It is a number one can call or text in Belgium (a short number); use [[phone:ID]] with "
                      "a number of the table, or add a reviewed exception to data/number_exceptions.yml.")
    if finding.short:
        return msg + (" If it is a phone number, use [[phone:ID]] or a short number of the table; if it is not, "
                      "write it with a unit word of the page's language or its place (\"365 dagen\", \"€ 300\", "
                      "\"1020 Brussel\"), or add a reviewed exception to data/number_exceptions.yml.")
    return msg + " Fix the number, or add it to data/contacts.yml with its source."


def callable_numbers(findings: list[Finding]) -> list[Finding]:
    """The findings a reader could take for a phone number: the table's
    numbers and the refused ones (not the years, dates, quantities …)."""
    return [f for f in findings if f.known or f.refused]


def exception_page(page: str, words: NumberWords) -> str:
    """`page` if a reviewed exception names it, else "": the only way the
    page changes a verdict (for memo.py's key)."""
    return page if any(page == p for _, p in words.exceptions) else ""


_JUDGED = TextMemo()


def judge_numbers_once(text: str, table: ContactTable, call_words: frozenset[str], page: str = "",
                       words: NumberWords | None = None, lang: str | None = None) -> list[Finding]:
    """judge_numbers, judged once per build for each text (memo.py): for the
    texts that every page repeats (templates, table rows, tel: links)."""
    words = words or load_number_words()
    return list(_JUDGED.get((table, call_words, words), (text, exception_page(page, words), lang),
                            lambda: tuple(judge_numbers(text, table, call_words, page, words, lang))))
