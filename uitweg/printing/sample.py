"""The "sample, not for printing" mark of PDFs made while site_url is a
placeholder, as a picture: a picture is no text, so a reader's copy-paste,
a screen reader and the tests that read a PDF's numbers (pdftotext) see the
poster's text only, never the mark across it. WeasyPrint sets the words
(in the print faces of data/print_fonts.yml, every script); pdftocairo
(poppler-utils) turns them into a PNG with a transparent background."""
from __future__ import annotations

import base64
import html
import subprocess
import tempfile
from pathlib import Path
from string import Template

import weasyprint

LINE_MM = 12
TEMPLATE = Path(__file__).parent / "templates" / "sample.html"


def sample_mark_png(lines: list[tuple[str, str]], font_faces: str, font_family: str) -> str:
    """A data: URL of a PNG with `lines` ((lang, text) pairs), one under the other."""
    body = "".join(f'<p lang="{html.escape(lang)}">{html.escape(text)}</p>' for lang, text in lines)
    page = Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        font_faces=font_faces, font_family=font_family, height=LINE_MM * len(lines), line=LINE_MM, body=body)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "mark.pdf"
        weasyprint.HTML(string=page).write_pdf(pdf)
        subprocess.run(["pdftocairo", "-png", "-transp", "-singlefile", "-r", "110", str(pdf), f"{tmp}/mark"],
                       check=True, capture_output=True)
        data = (Path(tmp) / "mark.png").read_bytes()
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")
