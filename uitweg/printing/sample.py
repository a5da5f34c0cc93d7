"""The "sample, not for printing" mark of PDFs made while site_url is a
placeholder, as a picture: a picture is no text, so a reader's copy-paste,
a screen reader and the tests that read a PDF's numbers (pdftotext) see the
poster's text only, never the mark across it. WeasyPrint sets the words
(shaping Arabic, Cyrillic, Chinese with the print fonts); pdftocairo
(poppler-utils) turns them into a PNG with a transparent background."""
from __future__ import annotations

import base64
import html
import subprocess
import tempfile
from pathlib import Path

import weasyprint

LINE_MM = 12


def sample_mark_png(lines: list[tuple[str, str]], fonts: dict[str, str]) -> str:
    """A data: URL of a PNG with `lines` ((lang, text) pairs), one under the other."""
    body = "".join(f'<p lang="{html.escape(lang)}">{html.escape(text)}</p>' for lang, text in lines)
    page = f"""<!doctype html><html><head><meta charset="utf-8"><style>
@font-face {{ font-family: "Uitweg Sans"; font-weight: bold; src: url("{fonts['bold']}"); }}
@font-face {{ font-family: "Uitweg CJK"; src: url("{fonts['cjk']}"); }}
@page {{ size: 190mm {LINE_MM * len(lines)}mm; margin: 0; }}
body {{ margin: 0; font-family: "Uitweg Sans", "Uitweg CJK"; font-weight: bold; font-size: 30pt;
        color: rgb(200, 0, 0); text-align: center; }}
p {{ margin: 0; height: {LINE_MM}mm; line-height: {LINE_MM}mm; white-space: nowrap; }}
</style></head><body>{body}</body></html>"""
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "mark.pdf"
        weasyprint.HTML(string=page).write_pdf(pdf)
        subprocess.run(["pdftocairo", "-png", "-transp", "-singlefile", "-r", "110", str(pdf), f"{tmp}/mark"],
                       check=True, capture_output=True)
        data = (Path(tmp) / "mark.png").read_bytes()
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")
