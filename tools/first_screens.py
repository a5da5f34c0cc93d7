"""Screenshots of the first screen of pages in every language, at 360×640
and 320×568, JavaScript off, as small 8-bit palette PNGs in dev-notes/screens/
(`make screens`). For looking at: what a reader sees before scrolling.

    python tools/first_screens.py [site] [out] [page ...]
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

from uitweg.core.languages import load_languages

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORTS = {"360x640": {"width": 360, "height": 640}, "320x568": {"width": 320, "height": 568}}
PAGES = ["index.html", "who-can-help.html", "404.html"]


def small_png(png: bytes) -> bytes:
    """An 8-bit palette PNG (32 colours): a tenth of the bytes, still legible."""
    image = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=32, method=Image.Quantize.MEDIANCUT)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def main(site: Path, out: Path, pages: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    langs = load_languages()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, headless=True)
        for name, viewport in VIEWPORTS.items():
            context = browser.new_context(viewport=viewport, java_script_enabled=False)
            tab = context.new_page()
            for lang in langs.languages:
                root = "" if lang.code == langs.default.code else f"{lang.code}/"
                for page in pages:
                    if page == "404.html" and root:
                        continue   # one 404 page, at the root, in every language
                    tab.goto((site / root / page).resolve().as_uri())
                    stem = page.removesuffix(".html")
                    (out / f"{lang.code}-{stem}-{name}.png").write_bytes(small_png(tab.screenshot()))
            context.close()
        browser.close()


if __name__ == "__main__":
    args = sys.argv[1:]
    main(Path(args[0]) if args else Path("site"), Path(args[1]) if len(args) > 1 else Path("dev-notes/screens"),
         args[2:] or PAGES)
