"""The one web-address and e-mail pattern for every text a reader gets
(pages, templates, the contact table's texts, data files, print, offline).

A web address is anything a reader could type into a browser: with a scheme
(`https://…`), starting with `www.`, or a bare host name (`some-help.be`):
two or more labels of letters, digits and dashes, the last one of two or
more letters. Words with dots that are not host names (`o.a.`, `e.g.`) are
abbreviations: every label of one to three letters and a dot after the last.
"""
from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+")
WEB = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)[^\s<>\"']+"
                 r"|(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?![\w@-])(?:/[^\s<>\"']*)?",
                 re.IGNORECASE)
ABBREVIATION = re.compile(r"^(?:[a-z]{1,3}\.)+[a-z]{1,3}\.?$", re.IGNORECASE)


def web_addresses(plain: str) -> list[tuple[int, int, str]]:
    """(start, end, address as a browser would take it) in text already
    normalised as a reader sees it; trailing punctuation is the sentence's."""
    found = []
    for m in WEB.finditer(plain):
        written = m.group(0).rstrip(".,;:!?)")
        if not written.lower().startswith("www.") and ABBREVIATION.match(m.group(0)):   # never one with ://
            continue
        found.append((m.start(), m.start() + len(written), written))
    return found


def emails(plain: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in EMAIL.finditer(plain)]
