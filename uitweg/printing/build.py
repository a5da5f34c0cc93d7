"""`python -m uitweg.printing --out dist/print`: write every print PDF.

All PDFs are built into a temporary folder next to --out, checked, and only
then swapped in: a failed build leaves the previous PDFs as they were.
Before a PDF is written its layout is checked (fit.py): nothing cut off,
nothing on top of something else, the QR code's quiet zone clear.
"""
from __future__ import annotations

import argparse
import logging
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import weasyprint

from uitweg.core import paths
from uitweg.core.languages import load_languages
from uitweg.core.problems import BuildError, Problem
from uitweg.core.siteconfig import home_url, load_mkdocs_yml, site_url
from uitweg.gate.table_text import load_checked_contacts
from uitweg.printing.fit import layout_problems
from uitweg.printing.fonts import PRINT_FONTS, load_faces
from uitweg.printing.layouts import TEMPLATES, Edition, Layouts, editions
from uitweg.printing.qr import placeholder_host, url_problem
from uitweg.printing.texts import PRINT_DATA, load_print_data


def placeholder_warning(url: str) -> str | None:
    """The one-line warning for a site_url that cannot be the real public address."""
    host = placeholder_host(url)
    if not host:
        return None
    return (f"warning: site_url {url} is a placeholder ({host}): every print PDF is marked \"sample, not for "
            f"printing\"; set the real domain in mkdocs.yml (make release refuses the placeholder)")


# WeasyPrint says so when no face has a letter and it draws an empty box (.notdef).
NOTDEF_RE = re.compile(r"\.notdef glyph rendered .*\(U\+([0-9A-F]{4,6})\)")


class _MissingGlyphs(logging.Handler):
    """Collects the letters WeasyPrint had no glyph for while a PDF is drawn."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.codepoints: list[int] = []

    def emit(self, record: logging.LogRecord) -> None:
        match = NOTDEF_RE.search(record.getMessage())
        if match:
            self.codepoints.append(int(match.group(1), 16))


def missing_glyph_problem(codepoints: list[int]) -> str | None:
    """The message for letters drawn as empty boxes: a reader would see tofu."""
    if not codepoints:
        return None
    shown = ", ".join(f"{chr(c)!r} (U+{c:04X})" for c in dict.fromkeys(codepoints))
    return (f"no print font has the letters {shown}: they would print as empty boxes; add a face for their "
            f"script to data/print_fonts.yml and its Debian package to make/print.mk")


def render(layouts: Layouts, edition: Edition, target: Path) -> list[str]:
    """Write one PDF; return its layout problems (the PDF is written anyway, to look at)."""
    html = layouts.html(edition)
    document = weasyprint.HTML(string=html, base_url=str(TEMPLATES)).render()
    problems = layout_problems(document, edition)
    pages = len(document.pages)
    if pages != edition.format.pages:
        problems.append(f"{pages} pages instead of {edition.format.pages}: the text does not fit; shorten it "
                        f"in data/print.yml or make the format's text_pt smaller")
    glyphs = _MissingGlyphs()
    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.addHandler(glyphs)
    logger.setLevel(logging.WARNING)  # whatever the caller's logging settings
    try:
        document.write_pdf(target)  # glyphs are looked up while the PDF is drawn
    finally:
        logger.removeHandler(glyphs)
        logger.setLevel(level)
    missing = missing_glyph_problem(glyphs.codepoints)
    if missing:
        problems.append(missing)
    return problems


def build(out: Path, mkdocs_yml: Path = paths.ROOT / "mkdocs.yml", print_data: Path = PRINT_DATA,
          print_fonts: Path = PRINT_FONTS) -> list[Path]:
    """Build every PDF into `out` (replaced as a whole); return the files written."""
    faces = load_faces(print_fonts)
    if not Path(mkdocs_yml).is_file():
        raise BuildError([Problem(str(mkdocs_yml), None, "not found; the QR codes need site_url from it (or pass --mkdocs PATH)")],
                         "No site address for the QR codes")
    languages = load_languages()
    table = load_checked_contacts(languages=languages)
    data = load_print_data(table, languages, print_data)
    default = languages.default.code
    url = site_url(mkdocs_yml)
    bad = [p for p in (url_problem(home_url(code, default, mkdocs_yml)) for code in languages.codes) if p]
    if bad:
        raise BuildError([Problem(str(mkdocs_yml), None, f"site_url: {p}") for p in bad], "No usable site address for the QR codes")
    warning = placeholder_warning(url)
    if warning:
        print(warning, file=sys.stderr)
    site_name = load_mkdocs_yml(mkdocs_yml).get("site_name") or "Uitweg"
    layouts = Layouts(data, table, languages, lambda lang: home_url(lang, default, mkdocs_yml), site_name,
                      sample=warning is not None, faces=faces)

    out = Path(out).resolve()
    if out.exists() and not out.is_dir():
        raise BuildError([Problem(str(out), None, "exists and is not a folder")], "Cannot write the print PDFs")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o777 & ~umask)  # mkdtemp makes it private; the output folder should not be
    problems: list[Problem] = []
    try:
        for edition in editions(data, languages):
            for message in render(layouts, edition, tmp / edition.filename):
                problems.append(Problem(edition.filename, None, message))
        if problems:
            failed = out.with_name(f"{out.name}.failed")
            shutil.rmtree(failed, ignore_errors=True)
            os.rename(tmp, failed)
            raise BuildError(problems, f"The print layouts do not fit ({out.name} is unchanged; "
                                       f"the failed PDFs are in {failed} to look at)")
        shutil.rmtree(out.with_name(f"{out.name}.failed"), ignore_errors=True)
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        if out.exists():
            os.rename(out, old)
        os.rename(tmp, out)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    written = [out / e.filename for e in editions(data, languages)]
    return written



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m uitweg.printing",
                                     description="Write the print PDFs (posters, tear-off posters, wallet cards, stickers).")
    parser.add_argument("--out", default="dist/print", type=Path, help="folder for the PDFs (replaced as a whole; default dist/print)")
    parser.add_argument("--mkdocs", default=paths.ROOT / "mkdocs.yml", type=Path, help="mkdocs.yml to read site_url from")
    parser.add_argument("--texts", default=PRINT_DATA, type=Path, help="formats and texts (default data/print.yml)")
    parser.add_argument("--fonts", default=PRINT_FONTS, type=Path, help="faces (default data/print_fonts.yml)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        written = build(args.out, args.mkdocs, args.texts, args.fonts)
    except BuildError as exc:
        print(exc, file=sys.stderr)
        return 1
    total = 0
    for path in written:
        size = path.stat().st_size
        total += size
        print(f"{paths.shown(path)}  {size / 1024:.1f} KB")
    print(f"{len(written)} print PDFs, {total / 1024:.0f} KB, in {time.monotonic() - started:.1f} s")
    return 0
