"""`python -m uitweg.printing --out dist/print`: write every print PDF.

All PDFs are built into a temporary folder next to --out, checked, and only
then swapped in: a failed build leaves the previous PDFs as they were.
Before a PDF is written its layout is checked: no text outside the page (or
outside the printer's safe edge on cards and stickers) and no text on the QR
code or its quiet zone.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from .. import paths
from ..contacts import load_contacts
from ..languages import load_languages
from ..problems import BuildError, Problem
from ..siteconfig import home_url, load_mkdocs_yml, site_url
from .layouts import TEMPLATES, Edition, Layouts, editions, fonts_missing
from .qr import placeholder_host
from .texts import PRINT_DATA, load_print_data

PX_PER_MM = 96 / 25.4
SAFE_EDGE_MM = 2.5      # cards and stickers are cut with this tolerance: keep text inside
TOLERANCE_PX = 0.5
STRIP_CLEARANCE_MM = 1.5  # text keeps this far from a tear-off strip's cut lines


def placeholder_warning(url: str) -> str | None:
    """The warning for a site_url that cannot be the real public address."""
    host = placeholder_host(url)
    if not host:
        return None
    return (f"warning: site_url {url} uses the reserved placeholder domain {host!r}: the QR codes and "
            f"printed addresses lead nowhere. Set the NGO's real domain as site_url in mkdocs.yml "
            f"before anything is printed (the PDFs are written anyway, for proofreading).")


def _rect(box) -> tuple[float, float, float, float]:
    return box.position_x, box.position_y, box.position_x + box.width, box.position_y + box.height


def _border_rect(box) -> tuple[float, float, float, float]:
    x, y = box.border_box_x(), box.border_box_y()
    return x, y, x + box.border_width(), y + box.border_height()


def _inside(inner, outer) -> bool:
    return (inner[0] >= outer[0] - TOLERANCE_PX and inner[1] >= outer[1] - TOLERANCE_PX
            and inner[2] <= outer[2] + TOLERANCE_PX and inner[3] <= outer[3] + TOLERANCE_PX)


def _ink(rect):
    """A text box minus the font's leading above and below: where the letters are."""
    x0, y0, x1, y1 = rect
    pad = (y1 - y0) * 0.18
    return x0 + TOLERANCE_PX, y0 + pad, x1 - TOLERANCE_PX, y1 - pad


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _classes(box) -> list[str]:
    element = getattr(box, "element", None)
    return (element.get("class") or "").split() if element is not None and getattr(box, "element_tag", None) else []


def _walk(box, frame, area, out):
    """Collect text boxes with their frame (the rectangle the text must stay in;
    inside a rotated box such as a tear-off strip, that box before rotation) and
    their reserved area (QR block, footer: other text must keep out of it)."""
    from weasyprint.formatting_structure import boxes
    if box.style["transform"]:
        x0, y0, x1, y1 = _border_rect(box)
        clear = STRIP_CLEARANCE_MM * PX_PER_MM
        frame = (x0 + clear, y0 + clear, x1 - clear, y1 - clear)
    if isinstance(box, boxes.TextBox):
        if box.text.strip():
            out["text"].append((box, frame, area))
        return
    classes = _classes(box)
    if getattr(box, "element_tag", None) == "svg" and "qr-code" in classes:
        out["qr"].append(box)
        return
    if "reserved" in classes and area is None:
        area = id(box)
        out["areas"].append((area, _border_rect(box), classes[0]))
    for child in getattr(box, "children", ()):
        _walk(child, frame, area, out)


def layout_problems(document, edition: Edition) -> list[str]:
    """Text cut off by the page edge, or printed over a QR code."""
    fmt = edition.format
    edge_mm = fmt.margin_mm if fmt.layout in ("poster", "tearoff") else min(SAFE_EDGE_MM, fmt.margin_mm)
    edge = edge_mm * PX_PER_MM
    problems = []
    for number, page in enumerate(document.pages, 1):
        page_box = page._page_box
        frame = (edge, edge, page.width - edge, page.height - edge)
        found = {"text": [], "qr": [], "areas": []}
        _walk(page_box, frame, None, found)
        qr_rects = [_border_rect(q) for q in found["qr"]]
        # Compare text only within one frame: rotated strips overlap before rotation.
        inks = [(_ink(_rect(box)), box, box_frame) for box, box_frame, _ in found["text"]]
        for i, (ink, box, box_frame) in enumerate(inks):
            for other_ink, other, other_frame in inks[i + 1:]:
                if other_frame == box_frame and _overlap(ink, other_ink):
                    problems.append(f"page {number}: text {box.text.strip()!r} overlaps {other.text.strip()!r}")
        for box, box_frame, area in found["text"]:
            for other_area, area_rect, name in found["areas"]:
                if area != other_area and box_frame == frame and _overlap(_ink(_rect(box)), area_rect):
                    problems.append(f"page {number}: text {box.text.strip()!r} runs into the {name} area")
            rect = _rect(box)
            if not _inside(rect, box_frame):
                where = "its rotated strip" if box_frame is not frame else f"the page ({edge_mm:g} mm from the edge)"
                problems.append(f"page {number}: text {box.text.strip()!r} runs outside {where}; shorten the text "
                                f"in data/print.yml or make the format's text_pt smaller")
            for qr_rect in qr_rects:
                if _overlap(_ink(rect), qr_rect):
                    problems.append(f"page {number}: text {box.text.strip()!r} touches the QR code or its quiet zone")
    return problems


def render(layouts: Layouts, edition: Edition, target: Path) -> list[str]:
    """Write one PDF; return its layout problems (the PDF is written anyway, to look at)."""
    import weasyprint
    html = layouts.html(edition)
    document = weasyprint.HTML(string=html, base_url=str(TEMPLATES)).render()
    problems = layout_problems(document, edition)
    pages = len(document.pages)
    if pages != edition.format.pages:
        problems.append(f"{pages} pages instead of {edition.format.pages}: the text does not fit; shorten it "
                        f"in data/print.yml or make the format's text_pt smaller")
    document.write_pdf(target)
    return problems


def build(out: Path, mkdocs_yml: Path = paths.ROOT / "mkdocs.yml", print_data: Path = PRINT_DATA,
          log=print) -> list[Path]:
    """Build every PDF into `out` (replaced as a whole); return the files written."""
    missing = fonts_missing()
    if missing:
        raise BuildError([Problem(str(p), None, "font file missing; install the Debian package fonts-dejavu-core")
                          for p in missing], "The print fonts are missing")
    if not Path(mkdocs_yml).is_file():
        raise BuildError([Problem(str(mkdocs_yml), None, "not found; the QR codes need site_url from it (or pass --mkdocs PATH)")],
                         "No site address for the QR codes")
    languages = load_languages()
    table = load_contacts(languages=languages)
    data = load_print_data(table, languages, print_data)
    default = languages.default.code
    url = site_url(mkdocs_yml)
    warning = placeholder_warning(url)
    if warning:
        print(warning, file=sys.stderr)
    site_name = load_mkdocs_yml(mkdocs_yml).get("site_name") or "Uitweg"
    layouts = Layouts(data, table, languages, lambda lang: home_url(lang, default, mkdocs_yml), site_name)

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


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m uitweg.printing",
                                     description="Write the print PDFs (posters, tear-off posters, wallet cards, stickers).")
    parser.add_argument("--out", default="dist/print", type=Path, help="folder for the PDFs (replaced as a whole; default dist/print)")
    parser.add_argument("--mkdocs", default=paths.ROOT / "mkdocs.yml", type=Path, help="mkdocs.yml to read site_url from")
    parser.add_argument("--texts", default=PRINT_DATA, type=Path, help="formats and texts (default data/print.yml)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        written = build(args.out, args.mkdocs, args.texts)
    except BuildError as exc:
        print(exc, file=sys.stderr)
        return 1
    total = 0
    for path in written:
        size = path.stat().st_size
        total += size
        print(f"{_shown(path)}  {size / 1024:.1f} KB")
    print(f"{len(written)} print PDFs, {total / 1024:.0f} KB, in {time.monotonic() - started:.1f} s")
    return 0
