"""Normalise text and URLs as a reader and a browser would, before judging.

Text: HTML entities decoded, Unicode NFKC, every decimal digit (fullwidth,
Arabic-Indic, …) made ASCII, zero-width characters and soft hyphens dropped,
every space, dash, dot, slash and bracket variant made one ASCII separator.
Each character of the result remembers the offset it came from, so a
finding can be mapped back to the line the editor wrote.

URLs: as the WHATWG URL parser reads an href: entities decoded, leading and
trailing spaces and controls cut, tabs and newlines dropped, `\\` read as
`/`, the scheme in lower case.
"""
from __future__ import annotations

import functools
import html
import re
import unicodedata
from dataclasses import dataclass

# Characters a reader does not see: zero-width spaces and joiners, word
# joiner, BOM, soft hyphen, bidi marks (all category Cf) and combining marks.
_SPACE = " "
_DASH = "-"
_ENTITY = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]{1,31};?)")
_SEPARATOR_MAP = {
    "\u2215": "/", "\u2044": "/", "\u29f8": "/", "\\": "/",
    "\u2024": ".", "\u00b7": ".", "\u2027": ".", "\u30fb": ".", "\u2022": ".",
    "\u27e8": "(", "\u27e9": ")", "[": "(", "]": ")", "{": "(", "}": ")",
    "\u2010": _DASH, "\u2011": _DASH, "\u2212": _DASH, "\u2043": _DASH,
}


@dataclass(frozen=True)
class Normalised:
    text: str                 # the normalised text
    origin: tuple[int, ...]   # origin[i]: offset in the input of text[i]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the input that text[start:end] was made from."""
        if not self.origin:
            return 0, 0
        last = self.origin[min(end, len(self.origin)) - 1] if end > start else self.origin[start]
        return self.origin[start], last + 1


def _one_char(ch: str) -> str:
    """What a reader sees of one (already NFKC-composed) character."""
    if ch in _SEPARATOR_MAP:
        return _SEPARATOR_MAP[ch]
    cat = unicodedata.category(ch)
    if cat == "Nd":
        return str(unicodedata.decimal(ch))
    if cat in ("Cf", "Mn", "Me") or ch == "\u00ad":
        return ""
    if cat == "Zs" or ch == "\t":
        return _SPACE
    if cat == "Pd":
        return _DASH
    if cat in ("Ps",) and ch not in "(":
        return "("
    if cat in ("Pe",) and ch not in ")":
        return ")"
    return ch


@functools.lru_cache(maxsize=8192)
def _seen(ch: str) -> str:
    """What a reader sees of one input character (NFKC, then _one_char)."""
    return "".join(_one_char(d) for c in unicodedata.normalize("NFKC", ch)
                   for d in unicodedata.normalize("NFKC", _one_char(c)))


# Plain ASCII text changes only in these characters, one for one.
_ASCII = str.maketrans({c: _seen(c) for c in map(chr, range(128)) if _seen(c) != c and len(_seen(c)) == 1})
_ASCII_DROPPED = [chr(i) for i in range(128) if _seen(chr(i)) == ""]


@functools.lru_cache(maxsize=4096)   # pages share their frame: strip, menu, footer
def normalise_text(raw: str, entities: bool = True) -> Normalised:
    """The text as a reader sees it, with the origin of every character."""
    if raw.isascii() and not (entities and "&" in raw) and not any(c in raw for c in _ASCII_DROPPED):
        return Normalised(raw.translate(_ASCII), tuple(range(len(raw))))
    if not (entities and "&" in raw):
        # Every character seen as exactly one (most Arabic, Chinese, Cyrillic
        # text): one translate, offsets unchanged.
        seen = {c: _seen(c) for c in set(raw)}
        if all(len(v) == 1 for v in seen.values()):
            return Normalised(raw.translate({ord(c): v for c, v in seen.items() if v != c}), tuple(range(len(raw))))
    out: list[str] = []
    origin: list[int] = []
    pos = 0
    n = len(raw)
    while pos < n:
        piece, width = raw[pos], 1
        if entities and piece == "&":
            m = _ENTITY.match(raw, pos)
            if m:
                decoded = html.unescape(m.group(0))
                if decoded != m.group(0):
                    piece, width = decoded, len(m.group(0))
        seen = "".join(_seen(c) for c in piece) if len(piece) > 1 else _seen(piece)
        out.append(seen)
        origin.extend([pos] * len(seen))
        pos += width
    return Normalised("".join(out), tuple(origin))


def reader_text(raw: str) -> str:
    """normalise_text(raw).text, for callers that need no offsets."""
    return normalise_text(raw).text


@functools.lru_cache(maxsize=8192)
def word_key(word: str) -> str:
    """A word of a word list (call words, units, texting words …) as the gate
    compares it with text: normalised as the text is, then in lower case.
    One normaliser for both, so "ساعت‌ها" or Thai "วัน" in a list
    matches the same word on a page."""
    return reader_text(word).lower()


def _mark_ranges() -> str:
    """Every combining mark (Unicode categories Mn, Mc, Me) as the body of a
    regex character class: by category, for every script at once."""
    codes = [c for c in (*range(0x20000), *range(0xE0000, 0xE0200)) if unicodedata.category(chr(c))[0] == "M"]
    ranges, first = [], codes[0]
    for prev, cur in zip(codes, codes[1:] + [None], strict=True):
        if cur != prev + 1:
            ranges.append(f"\\U{first:08x}" + (f"-\\U{prev:08x}" if prev != first else ""))
            first = cur
    return "".join(ranges)


# Python's \w has letters and digits but no combining marks (Thai vowel and
# tone marks, Devanagari vowel signs, Arabic harakat): a word of any script
# is letters and marks (L*, M*), a word character also a digit or "_". The
# zero-width (non-)joiner stands inside Persian and Indic words (in text not
# yet normalised; normalise_text drops it).
MARKS = _mark_ranges() + "\u200c\u200d"
LETTER = rf"(?:[^\W\d_]|[{MARKS}])"
WORD_CHAR = rf"[\w{MARKS}]"


_C0_OR_SPACE = "".join(chr(i) for i in range(0x21))


def browser_url(raw: str, entities: bool = True) -> str:
    """An href value as a browser resolves it (before joining to the page).
    `entities` is False for values a real HTML parser already decoded."""
    url = html.unescape(raw) if entities else raw
    url = url.strip(_C0_OR_SPACE)
    url = re.sub(r"[\t\n\r]", "", url)
    m = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", url)
    if m:
        scheme = m.group(1).lower()
        rest = url[m.end():]
        if scheme in ("http", "https", "ftp", "ws", "wss", "file"):
            rest = rest.replace("\\", "/")
        return f"{scheme}:{rest}"
    return url.replace("\\", "/")


def is_other_site(url: str) -> bool:
    """True when a browser would leave the site for `url` (already
    browser_url-normalised): any scheme, or a protocol-relative //host."""
    return bool(re.match(r"^[a-z][a-z0-9+.-]*:", url)) or url.startswith("//")
