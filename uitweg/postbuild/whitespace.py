"""The templates' indentation out of every page.

Jinja writes each tag on its own line, indented: about 4 KB of spaces on a
page, some 300 bytes after brotli, which the longest page needs to stay in
the first round trip (data/budgets.yml) now that fifteen languages are in
its chooser. A newline followed by spaces shows exactly as a newline (both
collapse to one space in normal text), so only such runs are shortened, to
one newline; <pre>, <textarea>, <script> and <style> keep every byte (their
whitespace can matter), and no page uses CSS `white-space: pre*` outside them.
"""
from __future__ import annotations

import re
from pathlib import Path

VERBATIM = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)
INDENT = re.compile(r"\n[ \t\r\n]+")


def collapse_indentation(html: str) -> str:
    out, pos = [], 0
    for m in VERBATIM.finditer(html):
        out.append(INDENT.sub("\n", html[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(INDENT.sub("\n", html[pos:]))
    return "".join(out)


def collapse_site_indentation(site: Path) -> None:
    for page in Path(site).rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        slim = collapse_indentation(html)
        if slim != html:
            page.write_text(slim, encoding="utf-8")
