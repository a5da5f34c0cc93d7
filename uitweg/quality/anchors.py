"""Every `#anchor` a link of the built site goes to exists on its page.

LinkChecker finds the pages and files (uitweg/quality/linkcheck.py); its own
anchor plugin fetched and re-parsed the target page once per distinct
`page#anchor` link, which made it ten times slower than the rest of the
check (72 s against 7 s for nine languages). Here every page is parsed once,
with the one HTML parser of the project (uitweg/core/html.py), and a fragment
counts as an anchor as a browser finds it: an element's `id`, or `<a name>`
(HTML's "find a potential indicated element"); `#` and `#top` go to the top.
"""
from __future__ import annotations

import difflib
from pathlib import Path
from urllib.parse import unquote, urlsplit

from uitweg.core.html import elements, link_attributes, parse
from uitweg.core.problems import Problem
from uitweg.quality.settings import origin

TOP = {"", "top"}


def anchors_of(page: Path) -> frozenset[str]:
    """The ids of `page`, and the names of its <a name> elements."""
    found = set()
    for node in elements(parse(page.read_text(encoding="utf-8"))):
        attrs = node.attributes
        if attrs.get("id"):
            found.add(attrs["id"])
        if node.tag == "a" and attrs.get("name"):
            found.add(attrs["name"])
    return frozenset(found)


def _target(site_dir: Path, page: Path, path: str) -> Path:
    path = unquote(path)
    return (site_dir / path.lstrip("/")) if path.startswith("/") else (page.parent / path) if path else page


def missing_anchors(site_dir: Path, label: str = "site") -> list[Problem]:
    """A problem for each link to an anchor its (existing, local) page lacks.
    Links to a page that does not exist are LinkChecker's to report."""
    site_dir = site_dir.resolve()
    problems = []
    known: dict[Path, frozenset[str]] = {}

    def anchors(target: Path) -> frozenset[str]:
        if target not in known:
            known[target] = anchors_of(target)
        return known[target]

    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        links = [(line, value) for line, tag, _, value in link_attributes(html, ("href",)) if tag == "a"]
        texts = [" ".join(node.text(deep=True).split()) for node in elements(parse(html))
                 if node.tag == "a" and "href" in node.attributes]
        for (line, href), text in zip(links, texts, strict=True):
            parts = urlsplit(href)
            fragment = unquote(parts.fragment)
            if parts.scheme or parts.netloc or fragment in TOP:
                continue
            target = _target(site_dir, page, parts.path).resolve()
            if target.suffix != ".html" or not target.is_file() or fragment in anchors(target):
                continue
            rel = page.relative_to(site_dir).as_posix()
            where = origin(rel)
            what = f"the link “{text}”" if text else "a link"
            problems.append(Problem(f"{label}/{rel}", line, f"{what} goes to {href}, but that page has no anchor "
                                    f"#{fragment} ({where}). Use an anchor the page has "
                                    f"({_few(anchors(target), fragment)}), or add {{#{fragment}}} to the heading it "
                                    "should reach."))
    return problems


def _few(anchors: frozenset[str], fragment: str, n: int = 8) -> str:
    """Up to `n` anchors of the page, the closest to the misspelt one first."""
    names = sorted(a for a in anchors if not a.startswith("__"))   # Material's own (#__drawer, …)
    close = difflib.get_close_matches(fragment, names, n=3, cutoff=0.6)
    names = close + [a for a in names if a not in close]
    if not names:
        return "it has none"
    return ", ".join("#" + a for a in names[:n]) + (", …" if len(names) > n else "")
