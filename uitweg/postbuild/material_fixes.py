"""Fixes to Material's markup that the Nu Html Checker refuses and that no
template block can reach (base.html writes them outside every block).

Material puts autocomplete="off" on its two hidden checkboxes (#__drawer,
#__search) so Firefox does not restore them on Back; HTML allows
autocomplete on text-like inputs only. Without it a Back may reopen the
menu drawer: harmless. Gate: tests/quality/test_html_valid.py.
"""
from __future__ import annotations

import re
from pathlib import Path

CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*?\btype="checkbox"[^>]*?)\s+autocomplete="off"')


def drop_checkbox_autocomplete(site: Path) -> None:
    """Remove autocomplete="off" from checkbox inputs in every page of `site`."""
    for page in Path(site).rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        fixed = CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
        if fixed != html:
            page.write_text(fixed, encoding="utf-8")
