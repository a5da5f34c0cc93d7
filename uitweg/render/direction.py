"""Writing direction of a built page: `<html dir="rtl">` for right-to-left
languages (data/languages.yml `dir`). Material sets `dir` on <body> only; on
<html> it also mirrors the scrollbar and reaches what is outside <body>.
Phone numbers stay left to right inside such pages through the stylesheet
(`a.tel`, `.uw-strip__number`: direction ltr, unicode-bidi isolate) and the
strip template (`dir="ltr"` on each number). Runs of Latin words inside
such pages (names like "PAG-ASA", "Liège") are isolated in <bdi>
(`isolate_latin_tree`)."""
from __future__ import annotations

import html as htmllib
import re

from uitweg.core import html as H

HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)


def set_direction(page: str, direction: str) -> str:
    """`page` with dir="…" on its <html> start tag when the direction is not ltr."""
    if direction == "ltr":
        return page
    m = HTML_TAG.search(page)
    if m is None or re.search(r"\sdir=", m.group(0)):
        return page
    tag = m.group(0)[:-1].rstrip() + f' dir="{direction}">'
    return page[:m.start()] + tag + page[m.end():]


# A run of Latin words (names such as "PAG-ASA", "Centrum Algemeen
# Welzijnswerk", "Liège"), with the spaces, hyphens and dots inside it, and the
# numbers and commas between its words ("Houba-de Strooperlaan 292, 1020
# Brussel" stays one run: an address is judged whole by the gate).
_WORD = r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f0-9'’.\-]*"
LATIN_RUN = re.compile(rf"{_WORD}(?:,?[ ](?:\d+,?[ ])*{_WORD})*")
SKIP = {"script", "style", "code", "pre", "kbd", "samp", "title", "head", "svg", "textarea", "bdi", "option"}


def isolate_latin_tree(tree) -> bool:
    """In a right-to-left page: wrap each run of Latin words in <bdi>, so a
    Latin name inside Arabic (or Persian) text keeps its own order and the
    parentheses and punctuation around it stay where the sentence puts them
    ("(PAG-ASA)" would otherwise show as ")PAG-ASA("). Text already inside a
    left-to-right element (phone links, dir="ltr") is left as it is. In place;
    True when something changed."""
    if tree.root is None:
        return False
    changed = False
    for node in list(tree.root.traverse(include_text=True)):
        if node.tag != "-text":
            continue
        text = node.text_content or ""
        if not LATIN_RUN.search(text) or SKIP.intersection(H.ancestors(node)) or _inside_ltr(node):
            continue
        pieces, last = [], 0
        for m in LATIN_RUN.finditer(text):
            pieces.append(htmllib.escape(text[last:m.start()], quote=False))
            pieces.append(f"<bdi>{htmllib.escape(m.group(0), quote=False)}</bdi>")
            last = m.end()
        pieces.append(htmllib.escape(text[last:], quote=False))
        H.replace_with_html(node, "".join(pieces))
        changed = True
    return changed


def _inside_ltr(node) -> bool:
    p = node.parent
    while p is not None and p.tag not in ("-undef", None):
        attrs = p.attributes or {}
        if attrs.get("dir") == "ltr" or "tel" in (attrs.get("class") or "").split():
            return True
        if attrs.get("dir") == "rtl":
            return False
        p = p.parent
    return False
