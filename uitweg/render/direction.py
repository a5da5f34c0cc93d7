"""Writing direction of a built page: `<html dir="rtl">` for right-to-left
languages (data/languages.yml `dir`). Material sets `dir` on <body> only; on
<html> it also mirrors the scrollbar and reaches what is outside <body>.
Phone numbers stay left to right inside such pages through the stylesheet
(`a.tel`, `.uw-strip__number`: direction ltr, unicode-bidi isolate) and the
strip template (`dir="ltr"` on each number)."""
from __future__ import annotations

import re

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
