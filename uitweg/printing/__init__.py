"""Print materials (posters, tear-off posters, wallet cards, stickers) as PDFs.

Numbers come from the contact table (data/contacts.yml), texts and formats
from data/print.yml, the QR address from site_url in mkdocs.yml. Modules:
texts (load and check data/print.yml), qr (segno → SVG), layouts (HTML from
Jinja2 templates), build (WeasyPrint → PDF, layout checks, atomic output).
Run: python -m uitweg.printing --out dist/print

May import: `uitweg.core`, `uitweg.contacts`, `uitweg.gate` (the number finder).
"""
