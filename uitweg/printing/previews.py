"""Small PNG previews of the print PDFs, for the README and reviews.

    python -m uitweg.printing.previews dist/print dev-notes/print-previews

Needs pdftoppm (Debian poppler-utils). Posters are rendered at a low
resolution, cards and stickers higher (they are small); pages of one PDF are
put side by side; colours are reduced to a palette to keep each file small.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

# preview name -> (PDF, dots per inch)
PREVIEWS = {
    "poster-a4-nl": ("poster-a4-nl.pdf", 50),
    "poster-a3-trilingual": ("poster-a3-trilingual.pdf", 36),
    "tearoff-a4-fr": ("tearoff-a4-fr.pdf", 50),
    "card-en": ("card-en.pdf", 110),
    "card-trilingual": ("card-trilingual.pdf", 110),
    "sticker-nl": ("sticker-nl.pdf", 110),
    "sticker-trilingual": ("sticker-trilingual.pdf", 110),
}
GAP_PX = 12


def preview(pdf: Path, dpi: int, target: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), f"{tmp}/page"], check=True)
        pages = [Image.open(p).convert("RGB") for p in sorted(Path(tmp).glob("page-*.png"))]
        width = sum(p.width for p in pages) + GAP_PX * (len(pages) + 1)
        height = max(p.height for p in pages) + 2 * GAP_PX
        sheet = Image.new("RGB", (width, height), "#9a9a9a")  # grey table, so white paper edges show
        x = GAP_PX
        for page in pages:
            sheet.paste(page, (x, GAP_PX))
            x += page.width + GAP_PX
        sheet.quantize(colors=48).save(target, optimize=True)
    return target.stat().st_size


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m uitweg.printing.previews PDF_FOLDER PREVIEW_FOLDER", file=sys.stderr)
        return 2
    pdf_dir, out_dir = Path(args[0]), Path(args[1])
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, (pdf, dpi) in PREVIEWS.items():
        size = preview(pdf_dir / pdf, dpi, out_dir / f"{name}.png")
        print(f"{out_dir / name}.png  {size / 1024:.1f} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
