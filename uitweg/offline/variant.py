"""The offline build of the site, from the online one: what the USB copy and
the Kiwix files carry (the pocket files are built from the pages' articles).

The online site is built for a server: every page carries the stylesheet
inside it (one round trip, issue 12). A copy is read from a file, where a
round trip costs nothing and every page of the zip is compressed on its
own, so the stylesheet is linked once instead (measured on the nine
languages: the zip shrinks from 1.6 MB to about 0.8 MB; guides/materials.md).
The downloads the site offers (its `files/` folder) stay out of the copy:
links to them point at the website (site_url), their preview images go, and
whatever is marked `uw-online` (a size the copy cannot know) goes too.
"""
from __future__ import annotations

import fnmatch
import hashlib
import posixpath
import re
from pathlib import Path

STYLE = re.compile(r"<style>(.*?)</style>", re.S)
IMG = re.compile(r"<img\b[^>]*>")
HREF = re.compile(r'(<a\b[^>]*?\shref=")([^"]*)(")')
SRC = re.compile(r'\ssrc="([^"]*)"')
ONLINE_ONLY = re.compile(r'<span class="uw-online">[^<]*</span>')
SHEET_DIR = "assets/stylesheets"


class VariantError(Exception):
    pass


def site_files(site_dir: Path, exclude: list[str]) -> dict[str, bytes]:
    """Files of the built site that belong in an offline copy."""
    files = {}
    site_dir = Path(site_dir)
    for path in sorted(site_dir.rglob("*")):
        name = path.relative_to(site_dir).as_posix()
        if path.is_file() and not any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(path.name, p) for p in exclude):
            if "\n" in name or "\\" in name:
                raise VariantError(f"{path}: a file name with a newline or backslash cannot go into SHA256SUMS")
            files[name] = path.read_bytes()
    return files


def _target(page: str, link: str) -> str | None:
    """The site path a relative link of `page` names, or None (external, anchor)."""
    if not link or link.startswith(("#", "/")) or re.match(r"^[a-z][a-z0-9+.-]*:", link, re.I):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), link.split("#", 1)[0].split("?", 1)[0]))


def point_downloads_online(page: str, html: str, folder: str, site_url: str) -> str:
    """Links into the downloads folder go to the website; their images go."""
    def inside(link: str) -> bool:
        target = _target(page, link)
        return bool(target) and (target == folder or target.startswith(folder + "/"))

    html = IMG.sub(lambda m: "" if (s := SRC.search(m.group(0))) and inside(s.group(1)) else m.group(0), html)
    html = HREF.sub(lambda m: m.group(1) + (site_url + _target(page, m.group(2)) if inside(m.group(2)) else m.group(2))
                    + m.group(3), html)
    return ONLINE_ONLY.sub("", html)


def link_stylesheet_once(files: dict[str, bytes]) -> dict[str, bytes]:
    """Every page's inline stylesheet (the same in each) as one linked file."""
    pages = {n: d.decode("utf-8") for n, d in files.items() if n.endswith(".html")}
    sheets = {m.group(1) for html in pages.values() if (m := STYLE.search(html))}
    if not sheets:
        return files
    if len(sheets) != 1:
        raise VariantError(f"the pages carry {len(sheets)} different inline stylesheets; expected one "
                           "(uitweg/postbuild/stylesheet.py inlines the same one into every page)")
    css = sheets.pop()
    name = f"{SHEET_DIR}/site.{hashlib.sha256(css.encode()).hexdigest()[:8]}.css"
    out = dict(files)
    out[name] = css.encode("utf-8")
    for page, html in pages.items():
        m = STYLE.search(html)
        if m:
            href = posixpath.relpath(name, posixpath.dirname(page) or ".")
            out[page] = (html[:m.start()] + f'<link rel="stylesheet" href="{href}">' + html[m.end():]).encode("utf-8")
    return out


def offline_files(site_dir: Path, exclude: list[str], folder: str, site_url: str) -> dict[str, bytes]:
    """The files of the offline build: the site without what only a server
    needs (`exclude`) and without the downloads folder, for reading from a file."""
    files = site_files(site_dir, [*exclude, folder, f"{folder}/*"])
    for name in [n for n in files if n.endswith(".html")]:
        html = files[name].decode("utf-8")
        changed = point_downloads_online(name, html, folder, site_url)
        if changed != html:
            files[name] = changed.encode("utf-8")
    return link_stylesheet_once(files)
