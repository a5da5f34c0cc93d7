"""Bidirectional control characters: they can show a right number reversed
or with its groups in another order while the bytes still hold the right
number (so every digit check passes). Direction is the templates' job: they
isolate every number (`dir="ltr"`, `unicode-bidi: isolate`).

- embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are
  refused anywhere;
- the marks U+200E, U+200F and U+061C are refused inside a number or right
  next to one (elsewhere Arabic text may need them).
"""
from __future__ import annotations

import re
import unicodedata

CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
MARKS = "\u200e\u200f\u061c"
# A mark with a digit on either side, or between two digits with only
# separators and other invisible characters around it.
ANY = re.compile(f"[\u202a-\u202e\u2066-\u2069{MARKS}]")
MARK_NEAR_DIGIT = re.compile(rf"(?<=\d)[\s\-./]*[{MARKS}]|[{MARKS}][{MARKS}\s\-./]*(?=\d)")


def _name(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, '?')}"


def bidi_problems(text: str) -> list[tuple[int, str]]:
    """(offset in `text`, message) for every bidi control that may change
    how a number is shown."""
    if not ANY.search(text):
        return []
    found = [(m.start(), f"a bidirectional control character ({_name(m.group(0))}) can show a number reversed "
              "or reordered; delete it (the templates set the direction of numbers)")
             for m in CONTROLS.finditer(text)]
    for m in MARK_NEAR_DIGIT.finditer(text):
        mark = next(c for c in m.group(0) if c in MARKS)
        found.append((m.start(), f"a direction mark ({_name(mark)}) inside or next to a number can change the "
                      "order a reader sees its digits in; delete it (the templates set the direction of numbers)"))
    return found
