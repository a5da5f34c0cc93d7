"""Walk the text of an HTML page: which parts are text, and inside what."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

TAG = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^>]*>|<(/?)([a-zA-Z][\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
RAW = {"script", "style", "textarea"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass(frozen=True)
class Text:
    start: int
    end: int
    text: str
    open: tuple[str, ...]   # names of the elements this text is inside


def texts(html: str) -> Iterator[Text]:
    """Every run of text between tags, with the stack of open elements.
    The bodies of script, style and textarea are skipped whole."""
    stack: list[str] = []
    pos = 0
    while pos < len(html):
        m = TAG.search(html, pos)
        end = m.start() if m else len(html)
        if end > pos:
            yield Text(pos, end, html[pos:end], tuple(stack))
        if not m:
            break
        pos = m.end()
        closing, name = m.group(1), (m.group(2) or "").lower()
        if not name:
            continue
        if closing:
            if name in stack:
                while stack and stack.pop() != name:
                    pass
        elif name in RAW:
            close = re.compile(rf"</{name}\s*>", re.I).search(html, pos)
            pos = close.end() if close else len(html)
        elif name not in VOID and not m.group(3).rstrip().endswith("/"):
            stack.append(name)


def attributes(html: str) -> Iterator[tuple[int, str, str, str]]:
    """(offset, tag, attribute, value) for every link-like attribute."""
    attr = re.compile(r"""\s(href|src|srcset|action|poster|data|formaction)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
    for m in TAG.finditer(html):
        if not m.group(2) or m.group(1):
            continue
        tag = m.group(2).lower()
        for a in attr.finditer(m.group(3) or ""):
            value = next(v for v in (a.group(2), a.group(3), a.group(4)) if v is not None)
            yield m.start(), tag, a.group(1).lower(), value
