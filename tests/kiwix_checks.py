"""The checks of a Kiwix file (issue 19, point 3), read with libzim's own
reader: used on the files of the session's build and on the files a browser
downloads from the materials page."""
from __future__ import annotations

import io
import posixpath
import re
from pathlib import Path

from libzim.reader import Archive
from PIL import Image

from uitweg.core import html as H
from uitweg.gate.links import is_external
from uitweg.gate.output_check import output_problems

MANDATORY = ("Name", "Title", "Language", "Creator", "Publisher", "Date", "Description")


def metadata(archive: Archive) -> dict[str, str]:
    return {k: bytes(archive.get_metadata(k)).decode("utf-8") for k in archive.metadata_keys
            if not k.startswith("Illustration_")}


def html_items(archive: Archive) -> dict[str, str]:
    """Every HTML item of the file, path -> text (libzim lists entries by index)."""
    out = {}
    for i in range(archive.all_entry_count):
        entry = archive._get_entry_by_id(i)
        if entry.is_redirect:
            continue
        item = entry.get_item()
        if item.mimetype == "text/html":
            out[entry.path] = bytes(item.content).decode("utf-8")
    return out


def zim_problems(path: Path, lang_iso3: str, table, call_words, site_url: str, strip_numbers: set[str]) -> list[str]:
    """Everything wrong with one Kiwix file; [] when it passes."""
    archive = Archive(str(path))
    problems = []
    if not archive.check():
        problems.append("libzim's Archive.check() fails")
    meta = metadata(archive)
    problems += [f"metadata {k} is missing" for k in MANDATORY if not meta.get(k)]
    if len(meta.get("Title", "")) > 30:
        problems.append(f"Title {meta['Title']!r} is longer than 30 characters")
    if len(meta.get("Description", "")) > 80:
        problems.append(f"Description {meta['Description']!r} is longer than 80 characters")
    if meta.get("Language") != lang_iso3:
        problems.append(f"Language is {meta.get('Language')!r}, expected {lang_iso3}")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta.get("Date", "")):
        problems.append(f"Date {meta.get('Date')!r} is not YYYY-MM-DD")
    if 48 not in archive.get_illustration_sizes():   # deprecated in libzim 3.13, still right
        problems.append("no 48×48 illustration")
    else:
        image = Image.open(io.BytesIO(bytes(archive.get_illustration_item(48).content)))
        if image.format != "PNG" or image.size != (48, 48):
            problems.append(f"the illustration is {image.format} {image.size}, expected a 48×48 PNG")
    if not archive.has_main_entry:
        problems.append("no main page")
    if not archive.has_fulltext_index or not archive.has_title_index:
        problems.append("no full-text or title index")
    pages = html_items(archive)
    for name in ("404.html", "sitemap.xml"):
        if archive.has_entry_by_path(name):
            problems.append(f"{name} is in the file")
    for page, html in pages.items():
        title = H.parse(html).css_first("title")
        if title is None or archive.get_entry_by_path(page).title != title.text().strip():
            problems.append(f"{page}: its title is not the page's <title>")
        for line, tag, attr, value in H.link_attributes(html):
            value = value.strip()
            if not value or value.startswith("#") or is_external(value):
                continue
            target = value.split("#", 1)[0].split("?", 1)[0]
            if target.startswith("/") or target.endswith("/") or target in (".", ".."):
                problems.append(f"{page}:{line}: <{tag} {attr}=\"{value}\"> is root-absolute or a folder URL")
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
            if not archive.has_entry_by_path(resolved):
                problems.append(f"{page}:{line}: <{tag} {attr}=\"{value}\"> names {resolved}, not in the file")
        strip = {a.attributes.get("href") for a in H.parse(html).css(".uw-strip a[href^='tel:']")}
        if not strip_numbers <= strip:
            problems.append(f"{page}: the strip lacks {sorted(strip_numbers - strip)}")
        problems += [f"{page}:{line}: {msg}" for line, msg in output_problems(html, table, call_words, site_url)]
    if not pages:
        problems.append("no pages")
    return problems
