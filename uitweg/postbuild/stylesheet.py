"""One small stylesheet per site, inside every page, and content hashes in
our script names (post-build steps).

Every page links Material's main.css, palette.css and our uitweg.css: three
render-blocking requests, ~21 KB brotli. They become one stylesheet,
trimmed by uitweg/postbuild/css_trim.py to what the built pages and scripts
use (data/css_keep.yml lists what Material's JS adds at run time), ~6.6 KB
brotli. `inline_stylesheet` then puts it into each page's <head>: the first
paint needs the HTML only, one round trip instead of two (issue 12; later
pages carry the 6.6 KB again: dev-notes/light.md weighs it). The CSP allows
it by its hash (uitweg/postbuild/csp.py). The originals, their source maps
and the merged file are removed.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from uitweg.core import paths
from uitweg.core.problems import BuildError, Problem
from uitweg.core.yamlfile import load_data
from uitweg.postbuild.css_trim import Usage, trim_css

CSS_KEEP = paths.DATA / "css_keep.yml"
LINK = re.compile(r'[ \t]*<link rel="stylesheet" href="([^"]+)">\n?')
SCRIPT_SRC = re.compile(r'<script src="([^"]+)"')
# Material's own bundle: what it adds at run time is in data/css_keep.yml,
# because its code names every feature, used or not.
MATERIAL_BUNDLE = re.compile(r"^bundle\.[0-9a-f]{8}\.min\.js$")
OUR_SCRIPTS = ("assets/javascripts/uitweg.js", "assets/javascripts/uitweg-search.js")


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:8]


def local_path(site: Path, page: Path, href: str) -> Path | None:
    """The file a page-relative or site-absolute link points at, if it is local."""
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//", href, re.I):
        return None
    href = href.split("?", 1)[0].split("#", 1)[0]
    path = (site / href.lstrip("/")) if href.startswith("/") else (page.parent / href)
    path = path.resolve()
    return path if path.is_file() and site.resolve() in path.parents else None


def _pages(site: Path) -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


def merge_stylesheets(site: Path) -> Path:
    """Replace the pages' stylesheets by one trimmed, hashed file; return it."""
    pages = _pages(site)
    order: list[Path] | None = None
    problems = []
    for page, html in pages.items():
        files = [f for f in (local_path(site, page, h) for h in LINK.findall(html)) if f]
        if order is None:
            order = files
        elif files != order:
            problems.append(Problem(page.relative_to(site).as_posix(), None,
                                    "links other stylesheets than the other pages; the merged stylesheet "
                                    "assumes every page has the same ones (overrides/main.html, block styles)"))
    if problems:
        raise BuildError(problems, "Cannot merge the stylesheets")
    if not order:
        raise BuildError([Problem(str(site), None, "no page links a local stylesheet")], "Cannot merge the stylesheets")

    usage = Usage(keep=load_data(CSS_KEEP, "css_keep")[0])
    scripts: set[Path] = set()
    for page, html in pages.items():
        usage.add_html(html)
        scripts |= {f for f in (local_path(site, page, s) for s in SCRIPT_SRC.findall(html))
                    if f and not MATERIAL_BUNDLE.match(f.name)}
    for script in sorted(scripts):
        usage.add_script(script.read_text(encoding="utf-8"))

    # Trimmed as one: our palette sets custom properties that Material's rules read.
    css = trim_css("\n".join(f.read_text(encoding="utf-8") for f in order), usage)
    data = css.encode("utf-8")
    merged = order[0].parent / f"site.{content_hash(data)}.css"
    merged.write_bytes(data)

    for page, html in pages.items():
        seen = [0]

        def relink(m: re.Match, page=page, seen=seen) -> str:
            if local_path(site, page, m.group(1)) is None:
                return m.group(0)
            seen[0] += 1
            if seen[0] > 1:
                return ""
            href = m.group(1).rsplit("/", 1)
            href[-1] = merged.name
            return m.group(0).replace(m.group(1), "/".join(href))

        page.write_text(LINK.sub(relink, html), encoding="utf-8")
    for old in order:
        old.unlink()
        old.with_name(old.name + ".map").unlink(missing_ok=True)
    return merged


# A url() to a file would resolve against each page, not the stylesheet.
FILE_URL = re.compile(r"url\(\s*(?![\s'\"]*data:)", re.I)


def inline_stylesheet(site: Path) -> None:
    """Replace every page's link to the merged stylesheet by a <style> with its text."""
    sheets = sorted((site / "assets" / "stylesheets").glob("site.*.css"))
    if len(sheets) != 1:
        raise BuildError([Problem("site/assets/stylesheets", None, f"expected one merged stylesheet, found {len(sheets)}")],
                         "Cannot inline the stylesheet")
    sheet = sheets[0].resolve()
    css = sheet.read_text(encoding="utf-8")
    problems = []
    if "</style" in css.lower():
        problems.append(Problem(sheet.name, None, "contains '</style': it would end the <style> element early"))
    if FILE_URL.search(css):
        problems.append(Problem(sheet.name, None, f"url({FILE_URL.search(css).group(0)}…) names a file, which would "
                                "resolve against each page once inlined: use a data: URL (overrides/assets/stylesheets/)"))
    pages = _pages(site)
    for page, html in pages.items():
        links = [m for m in LINK.finditer(html) if local_path(site, page, m.group(1)) == sheet]
        if len(links) != 1:
            problems.append(Problem(page.relative_to(site).as_posix(), None,
                                    f"links the merged stylesheet {len(links)} times, expected once"))
            continue
        m = links[0]
        tag = m.group(0).strip()
        pages[page] = html[:m.start()] + m.group(0).replace(tag, f"<style>{css}</style>") + html[m.end():]
    if problems:
        raise BuildError(problems, "Cannot inline the stylesheet")
    for page, html in pages.items():
        page.write_text(html, encoding="utf-8")
    sheet.unlink()
    if not any(sheet.parent.iterdir()):
        sheet.parent.rmdir()


def fingerprint_scripts(site: Path) -> list[Path]:
    """uitweg.js → uitweg.<hash>.js (and uitweg-search.js), and every page's
    <script src> / data-search follows."""
    renamed = []
    pages = _pages(site)
    for rel in OUR_SCRIPTS:
        path = site / rel
        if not path.is_file():
            raise BuildError([Problem(rel, None, "missing; it comes from overrides/")], "Cannot fingerprint")
        new = path.with_name(f"{path.stem}.{content_hash(path.read_bytes())}{path.suffix}")
        path.rename(new)
        renamed.append(new)
        for page, html in pages.items():
            pages[page] = html.replace(f'{rel}"', f'{rel.rsplit("/", 1)[0]}/{new.name}"')
    for page, html in pages.items():
        page.write_text(html, encoding="utf-8")
    return renamed
