"""Helpers for tests/printing/test_print.py: read PDFs with poppler-utils (pdfinfo,
pdffonts, pdftotext, pdftoppm) and QR codes with zxing-cpp, as a printer and a
phone would see them."""
from __future__ import annotations

import functools
import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import zxingcpp
from PIL import Image

PT_PER_MM = 72 / 25.4
MM_PER_INCH = 25.4


def run(*cmd: str) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def page_sizes_mm(pdf: Path) -> list[tuple[float, float]]:
    """Width and height of every page, in mm (pdfinfo prints points)."""
    pages = int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", str(pdf)), re.M).group(1))
    out = run("pdfinfo", "-f", "1", "-l", str(pages), str(pdf))
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out, re.M)
    assert len(sizes) == pages, out
    return [(float(w) / PT_PER_MM, float(h) / PT_PER_MM) for w, h in sizes]


def fonts(pdf: Path) -> list[dict]:
    """pdffonts rows: name, type and whether the font is embedded."""
    lines = run("pdffonts", str(pdf)).splitlines()[2:]
    rows = []
    for line in lines:
        parts = line.split()
        # name … emb sub uni object-id generation: count from the end
        rows.append({"name": parts[0], "emb": parts[-5], "line": line})
    return rows


def text(pdf: Path, layout: bool = False) -> str:
    args = ["pdftotext"] + (["-layout"] if layout else []) + [str(pdf), "-"]
    return run(*args)


def columns(layout_text: str) -> str:
    """`pdftotext -layout` text with each wide gap (three spaces or more: another
    column, cell or strip) made a line break, as a reader sees separate blocks;
    pdftotext puts text side by side that no reader reads as one line (the
    mirrored centre table's 24/7 badge beside a number, a strip beside a row)."""
    return "\n".join(part for line in layout_text.splitlines() for part in re.split(r" {3,}", line))


BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# pdftotext writes the Arabic lam-alef ligature back as alef + lam (reversed):
# both sides get the same order, so a text compares equal however it was shaped.
LAM_ALEF = re.compile("\u0644([\u0622\u0623\u0625\u0627])")


def flat(value: str) -> str:
    """Whitespace (also no-break spaces and line ends) folded to single spaces;
    bidi marks dropped, compatibility forms (Arabic presentation forms) folded,
    lam-alef in one order: what a reader sees, not how the PDF stores it."""
    value = unicodedata.normalize("NFKC", BIDI_MARKS.sub("", value))
    value = LAM_ALEF.sub(lambda m: m.group(1) + "\u0644", value)
    return re.sub(r"[\s\u00a0\u202f]+", " ", value).strip()


def render(pdf: Path, dpi: int, out_dir: Path) -> list[Path]:
    """Each page as a greyscale image, as a printer would put it on paper.
    Raw PGM, not PNG: PNG encoding was most of the render time (20 s vs 2 s
    for every PDF), and every check reads grey levels."""
    prefix = out_dir / pdf.stem
    run("pdftoppm", "-r", str(dpi), "-gray", str(pdf), str(prefix))
    return sorted(out_dir.glob(f"{pdf.stem}-*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


@dataclass(frozen=True)
class FoundQR:
    text: str
    ec_level: str
    version: int
    box: tuple[int, int, int, int]   # symbol corners in pixels: left, top, right, bottom
    dpi: int

    @property
    def modules(self) -> int:
        return 17 + 4 * self.version

    @property
    def width_mm(self) -> float:
        return (self.box[2] - self.box[0]) / self.dpi * MM_PER_INCH

    @property
    def module_px(self) -> float:
        return (self.box[2] - self.box[0]) / self.modules


def find_qr_codes(image: Path, dpi: int) -> list[FoundQR]:
    found = []
    for code in zxingcpp.read_barcodes(Image.open(image)):
        p = code.position
        xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
        ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
        assert code.format == zxingcpp.BarcodeFormat.QRCode, f"{image.name}: unexpected {code.format} barcode"
        found.append(FoundQR(code.text, code.ec_level, int(code.extra["Version"]),
                             (min(xs), min(ys), max(xs), max(ys)), dpi))
    return found


def check_qr_texts(found: list[FoundQR], expected_url: str, where: str = "") -> None:
    """Every code must open exactly `expected_url`, and there must be one."""
    assert found, f"{where}: no readable QR code"
    for qr in found:
        assert qr.text == expected_url, f"{where}: QR code opens {qr.text!r}, expected {expected_url!r}"
    assert len(found) == 1, f"{where}: {len(found)} QR codes, expected one"


def quiet_zone_dirty_px(image: Path, qr: FoundQR, modules: int = 4) -> int:
    """How many pixels in the `modules`-wide ring around the symbol are not white."""
    image = Image.open(image).convert("L")
    margin = round(qr.module_px * modules)
    left, top, right, bottom = qr.box
    edge = 2  # pixels of anti-aliasing at the symbol's own edge
    outer = (left - margin, top - margin, right + margin, bottom + margin)
    assert outer[0] >= 0 and outer[1] >= 0 and outer[2] <= image.width and outer[3] <= image.height, \
        "the quiet zone runs off the page"
    bands = [
        (outer[0], outer[1], outer[2], top - edge),          # above
        (outer[0], bottom + edge, outer[2], outer[3]),       # below
        (outer[0], top - edge, left - edge, bottom + edge),  # left
        (right + edge, top - edge, outer[2], bottom + edge), # right
    ]
    return sum(sum(image.crop(band).histogram()[:200]) for band in bands)


def contrast_with_white(hex_colour: str) -> float:
    """WCAG contrast ratio of a #rgb / #rrggbb colour against white."""
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    channels = []
    for i in (0, 2, 4):
        c = int(h[i:i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    return 1.05 / (luminance + 0.05)


# -- where a reader sees the words ------------------------------------------

@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Line:
    """A line as poppler groups it (across the page, or up/down a turned strip)."""
    page: int
    words: tuple[Word, ...]
    vertical: bool

    def size(self, word: Word) -> float:
        """A word's height as a reader sees it (its width on a turned strip): the font size and a bit."""
        return (word.x1 - word.x0) if self.vertical else (word.y1 - word.y0)


@functools.lru_cache(maxsize=256)
def pages_lines(pdf: Path) -> list[tuple[float, float, list[Line]]]:
    """Every page as (width, height, lines) in PDF points, from `pdftotext -bbox-layout`:
    the positions where the glyphs are drawn, not the order the PDF stores them in."""
    import xml.etree.ElementTree as ET
    root = ET.fromstring(run("pdftotext", "-bbox-layout", str(pdf), "-"))
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    out = []
    for number, page in enumerate(root.iterfind(".//x:page", ns), 1):
        lines = []
        for line in page.iterfind(".//x:line", ns):
            words = tuple(Word(w.text or "", *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))
                          for w in line.iterfind("x:word", ns))
            if not words:
                continue
            x0, x1 = min(w.x0 for w in words), max(w.x1 for w in words)
            y0, y1 = min(w.y0 for w in words), max(w.y1 for w in words)
            # A turned line: its words stack along y, all equally wide.
            vertical = len(words) > 1 and (y1 - y0) > (x1 - x0) or (len(words) == 1 and (y1 - y0) > 2.5 * (x1 - x0))
            lines.append(Line(number, words, vertical))
        out.append((float(page.get("width")), float(page.get("height")), lines))
    return out


def visual_order(line: Line, turned_reads_down: bool) -> list[Word]:
    """The words from left to right as the reader sees them. On a strip turned
    anticlockwise (left-to-right editions) the line's left end is at the bottom;
    on one turned clockwise (right-to-left editions) at the top."""
    if not line.vertical:
        return sorted(line.words, key=lambda w: w.x0)
    return sorted(line.words, key=lambda w: w.y0 if turned_reads_down else -w.y1)


def _gap(a: Word, b: Word, line: Line, turned_reads_down: bool) -> float:
    if not line.vertical:
        return b.x0 - a.x1
    return b.y0 - a.y1 if turned_reads_down else a.y0 - b.y1


def number_problems(pdf: Path, number: str, turned_reads_down: bool) -> list[str]:
    """Where `number` ("02 511 64 64") is not printed as a reader must see it.

    Every place its longest group is printed must show the whole number on one
    line, its groups left to right in order, a space apart, with no other digits
    touching it (a "24/7" glued to it would read as part of the number)."""
    groups = number.split()
    anchor = groups.index(max(groups, key=len))
    problems = []
    for _, _, lines in pages_lines(pdf):
        for line in lines:
            words = visual_order(line, turned_reads_down)
            for i, word in enumerate(words):
                if word.text != groups[anchor]:
                    continue
                start = i - anchor
                run_ = words[start:start + len(groups)] if start >= 0 else []
                where = f"page {line.page}: {' '.join(w.text for w in words)!r}"
                if [w.text for w in run_] != groups:
                    problems.append(f"{where}: {number!r} is not whole, in order, on one line")
                    continue
                space = 0.45 * line.size(word)  # a space is about 0.27 of it
                gaps = [_gap(a, b, line, turned_reads_down) for a, b in zip(run_, run_[1:], strict=False)]
                if any(g > space or g < 0 for g in gaps):
                    problems.append(f"{where}: the groups of {number!r} are not one space apart ({gaps})")
                for j in (start - 1, start + len(groups)):
                    if 0 <= j < len(words) and re.search(r"\d", words[j].text):
                        a, b = (words[j], run_[0]) if j < start else (run_[-1], words[j])
                        if _gap(a, b, line, turned_reads_down) < space:
                            problems.append(f"{where}: {words[j].text!r} touches {number!r}")
    return problems
