"""A small PNG of a PDF's first page, for the materials page (pdftoppm from
Debian poppler-utils, then a palette of 32 colours to keep it small)."""
from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from PIL import Image


def first_page_preview(pdf: Path, target: Path, width: int) -> tuple[int, int]:
    """Write `target`; return its (width, height) for the <img> tag."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-singlefile", "-scale-to-x", str(width), "-scale-to-y", "-1",
                        "-png", str(pdf), f"{tmp}/page"], check=True, capture_output=True)
        with Image.open(f"{tmp}/page.png") as page:
            image = page.convert("RGB")
    target.parent.mkdir(parents=True, exist_ok=True)
    image.quantize(colors=32).save(target, optimize=True)
    return image.size
