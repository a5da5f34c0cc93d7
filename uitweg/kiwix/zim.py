"""Write one ZIM file per language from the USB copy (the offline build).

    python -m uitweg.kiwix ZIP OUT_DIR [--name info-{lang}.zim] [--date YYYY-MM-DD]

Each file holds the pages of one language at the paths they have in the copy
("index.html" for the default language, "en/index.html" for English), the
files those pages load, a main page, item titles from each page's <title>,
a full-text index in the page's language and the metadata Kiwix needs
(data/kiwix.yml). 404.html and the sitemap are not in the copy. Links to
another language's pages become plain text (that language has its own
file); every other relative link must name an item of the file.
"""
from __future__ import annotations

import argparse
import io
import mimetypes
import posixpath
import re
import sys
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from libzim.writer import Creator, Hint, Item, StringProvider
from PIL import Image, ImageDraw

from uitweg.core import html as H
from uitweg.core import paths
from uitweg.core.languages import load_languages
from uitweg.core.yamlfile import load_data
from uitweg.offline.filelinks import link_problems

KIWIX = paths.DATA / "kiwix.yml"
ANCHOR = re.compile(r"(<a\b[^>]*>)(.*?)</a>", re.S)
LINK_TAG = re.compile(r"<link\b[^>]*>\n?")
HREF = re.compile(r'\shref="([^"]*)"')
DATA_REFS = re.compile(r'\sdata-(?:search|index)="([^"]*)"')
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
TYPES = {".html": "text/html", ".js": "application/javascript", ".css": "text/css", ".png": "image/png",
         ".svg": "image/svg+xml", ".json": "application/json", ".ico": "image/x-icon", ".txt": "text/plain"}


class KiwixError(Exception):
    pass


class _Item(Item):
    def __init__(self, path: str, data: bytes, title: str = "", front: bool = False):
        super().__init__()
        self.path, self.data, self.title, self.front = path, data, title, front

    def get_path(self) -> str:
        return self.path

    def get_title(self) -> str:
        return self.title

    def get_mimetype(self) -> str:
        ext = posixpath.splitext(self.path)[1]
        return TYPES.get(ext) or mimetypes.guess_type(self.path)[0] or "application/octet-stream"

    def get_contentprovider(self):
        return StringProvider(self.data)

    def get_hints(self):
        return {Hint.FRONT_ARTICLE: self.front, Hint.COMPRESS: self.get_mimetype().startswith(("text/", "application/"))}


def illustration() -> bytes:
    """The 48×48 PNG Kiwix shows in its library: an open door."""
    image = Image.new("RGB", (48, 48), "#0b5d57")
    draw = ImageDraw.Draw(image)
    draw.rectangle((14, 8, 34, 42), outline="white", width=3)
    draw.polygon([(17, 11), (28, 15), (28, 44), (17, 40)], fill="white")
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def language_pages(names: list[str], code: str, default: str, codes: list[str]) -> list[str]:
    if code == default:
        return [n for n in names if n.endswith(".html") and "/" not in n and n != "404.html"]
    return [n for n in names if n.startswith(f"{code}/") and n.endswith(".html")]


def _target(page: str, link: str) -> str | None:
    if not link or link.startswith("#") or re.match(r"^[a-z][a-z0-9+.-]*:|^//", link, re.I):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), link.split("#", 1)[0].split("?", 1)[0]))


def unlink_other_languages(page: str, html: str, keep: set[str]) -> str:
    """<a href> to a page that is not in this file: its text only (a span keeps lang/dir)."""
    def one(m: re.Match) -> str:
        href = HREF.search(m.group(1))
        target = _target(page, href.group(1)) if href else None
        if target is None or target in keep or not target.endswith(".html"):
            return m.group(0)
        attrs = " ".join(f'{k}="{v}"' for k, v in re.findall(r'\s(lang|dir|class)="([^"]*)"', m.group(1)))
        return f"<span {attrs}>{m.group(2)}</span>" if attrs else m.group(2)
    def link_tag(m: re.Match) -> str:   # <link rel="alternate" hreflang> to a page in another file: drop
        href = HREF.search(m.group(0))
        target = _target(page, href.group(1)) if href else None
        return "" if target and target.endswith(".html") and target not in keep else m.group(0)
    return LINK_TAG.sub(link_tag, ANCHOR.sub(one, html))


def referenced(page: str, html: str) -> set[str]:
    """Files a page loads or links (scripts, their data-search/data-index, images, stylesheets)."""
    found = set()
    for _line, _tag, _attr, value in H.link_attributes(html):
        if (t := _target(page, value.strip())):
            found.add(t)
    for value in DATA_REFS.findall(html):
        if (t := _target(page, value)):
            found.add(t)
    return found


def zim_files(copy: dict[str, bytes], code: str, default: str, codes: list[str]) -> tuple[dict[str, bytes], dict[str, str]]:
    """(path -> bytes, page path -> title) of one language's file."""
    pages = language_pages(sorted(copy), code, default, codes)
    if not pages:
        raise KiwixError(f"the copy has no pages of {code}")
    keep = set(pages)
    files, titles = {}, {}
    for page in pages:
        html = unlink_other_languages(page, copy[page].decode("utf-8"), keep)
        files[page] = html.encode("utf-8")
        m = TITLE.search(html)
        titles[page] = H.parse(f"<p>{m.group(1)}</p>").text().strip() if m else page
        for target in referenced(page, html):
            if target in copy and target not in keep and not target.endswith(".html"):
                files[target] = copy[target]
    return files, titles


def write_zim(target: Path, files: dict[str, bytes], titles: dict[str, str], main: str, meta: dict, lang: dict,
              date: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    with Creator(str(tmp)).config_indexing(True, lang["iso639_3"]) as creator:
        creator.set_mainpath(main)
        creator.add_illustration(48, illustration())
        for key, value in (("Name", f"uitweg_{lang['code']}_all"), ("Title", lang["title"]),
                           ("Language", lang["iso639_3"]), ("Creator", meta["creator"]),
                           ("Publisher", meta["publisher"]), ("Date", date),
                           ("Description", lang["description"])):
            creator.add_metadata(key, value)
        for path in sorted(files):
            creator.add_item(_Item(path, files[path], titles.get(path, ""), front=path in titles))
    tmp.replace(target)


def build_zims(zip_path: Path, out_dir: Path, name: str, date: str) -> list[Path]:
    meta, _ = load_data(KIWIX, "kiwix")
    languages = load_languages()
    with zipfile.ZipFile(zip_path) as zf:
        copy = {i.filename: zf.read(i) for i in zf.infolist() if not i.is_dir()}
    default = languages.default.code
    jobs, problems = [], []
    for lang in languages.languages:
        if lang.code not in meta["languages"]:
            problems.append(f"data/kiwix.yml: no metadata for {lang.code}; add it under `languages:`")
            continue
        files, titles = zim_files(copy, lang.code, default, languages.codes)
        problems += [f"{lang.code}: {p}" for p in link_problems(files)]
        main = "index.html" if lang.code == default else f"{lang.code}/index.html"
        jobs.append((Path(out_dir) / name.format(lang=lang.code), files, titles, main, meta,
                     {**meta["languages"][lang.code], "code": lang.code}, date))
    if problems:
        raise KiwixError("The Kiwix files cannot be made:\n  " + "\n  ".join(problems))
    # libzim spends much of a file's time waiting on its own threads: a few
    # files at once keep the cores busy.
    with ProcessPoolExecutor(max_workers=min(2, len(jobs))) as pool:
        list(pool.map(_write, jobs))
    return [job[0] for job in jobs]


def _write(job: tuple) -> None:
    write_zim(*job)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m uitweg.kiwix", description=__doc__.split("\n\n")[0])
    ap.add_argument("zip", type=Path, help="the USB copy (files/info-offline.zip)")
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--name", default="info-{lang}.zim")
    ap.add_argument("--date", required=True, help="YYYY-MM-DD, the Date metadata")
    args = ap.parse_args(argv)
    try:
        for path in build_zims(args.zip, args.out_dir, args.name, args.date):
            print(f"{path}: {path.stat().st_size:,} bytes")
    except (KiwixError, OSError, zipfile.BadZipFile) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0
