"""Sections shown closed: a `##` section listed in data/folded.yml becomes
`<details class="uw-fold"><summary><h2 id=…>…</h2></summary>…</details>`.

It works without JavaScript (the browser opens it), the heading keeps its id,
so links and the table of contents still reach it, and the pages' Markdown
stays the same in every language (parity). Runs on the HTML that Markdown
made from a page, which holds no raw HTML (the gate refuses it), so an `<h2`
there is always a heading.
"""
from __future__ import annotations

import re
from pathlib import Path

from uitweg.core import paths
from uitweg.core.filecache import cached_loader
from uitweg.core.problems import BuildError, Problem
from uitweg.core.yamlfile import load_data

FOLDED = paths.DATA / "folded.yml"
H2 = re.compile(r"<h2\b")


@cached_loader
def load_folded(path: Path = FOLDED) -> tuple[dict[str, tuple[str, ...]], dict]:
    data, lines = load_data(Path(path), "folded")
    return {page: tuple(anchors) for page, anchors in data["pages"].items()}, lines


def folded_anchors(page: str, path: Path = FOLDED) -> tuple[str, ...]:
    """The anchors to fold on `page` ("who-can-help.md", any language)."""
    return load_folded(path)[0].get(page, ())


def fold_sections(html: str, anchors: tuple[str, ...] | list[str], page: str, path: Path = FOLDED) -> str:
    """`html` with each listed section (its h2 up to the next h2 or the end)
    inside a closed <details>; a BuildError at data/folded.yml's line when a
    listed anchor is not an h2 of the page."""
    for anchor in anchors:
        start = html.find(f'<h2 id="{anchor}"')
        if start < 0:
            lines = load_folded(path)[1]
            raise BuildError([Problem(paths.shown(path), lines.get(("pages", page)),
                                      f"{page} has no '## … {{#{anchor}}}' heading to fold; fix the anchor "
                                      f"or remove it from the list")], "A folded section is missing")
        head_end = html.index("</h2>", start) + len("</h2>")
        nxt = H2.search(html, head_end)
        end = nxt.start() if nxt else len(html)
        body = html[head_end:end]
        html = (html[:start] + '<details class="uw-fold"><summary>' + html[start:head_end] + "</summary>"
                + body.rstrip("\n") + "\n</details>\n" + html[end:])
    return html
