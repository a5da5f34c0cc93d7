"""Helpers for tests/printing/test_print.py: read PDFs with poppler-utils (pdfinfo,
pdffonts, pdftotext, pdftoppm) and QR codes with zxing-cpp, as a printer and a
phone would see them."""
from __future__ import annotations

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
