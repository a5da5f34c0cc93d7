"""Helpers for the light, private and safe tests (test_privacy, test_nojs,
test_quick_exit, test_budgets, test_nginx): which pages exist, what a page
at 360×640 shows first, and where a page lives in the other languages."""
from __future__ import annotations

import re
from pathlib import Path

from language_sample import sample_languages

from uitweg.contacts.load import load_contacts
from uitweg.core.languages import load_languages

LANGS = load_languages()
TABLE = load_contacts()
# Behaviour that is the same code in every language of one script (a click,
# a key, the first screen) is tried in the default language and the first
# language of each script (tests/language_sample.py); what differs per
# language (texts, targets, indexes) is checked in all.
SAMPLE_LANGS = sample_languages(LANGS)
PHONE = {"width": 360, "height": 640}
DESKTOP = {"width": 1280, "height": 800}


def all_pages(site: Path) -> list[str]:
    """Every HTML page of the site, 404.html included, as site-relative paths."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def sampled(pages: list[str]) -> list[str]:
    """The pages of the sampled languages (SAMPLE_LANGS; 404.html is in the default language)."""
    return [rel for rel in pages if lang_of(rel) in SAMPLE_LANGS]


def lang_of(rel: str) -> str:
    """The language of a site-relative page path (the first language is the root)."""
    first = rel.split("/", 1)[0]
    others = {lang.code for lang in LANGS.languages[1:]}
    return first if first in others and "/" in rel else LANGS.default.code


def lang_root(code: str) -> str:
    return "" if code == LANGS.default.code else f"{code}/"


def page_in(rel: str, code: str) -> str:
    """The same page in language `code`."""
    name = rel[len(lang_root(lang_of(rel))):]
    return lang_root(code) + name


# Read in one evaluate (a Playwright call per link cost ~0.3 s a page). Plain
# DOM reads only: this also runs with JavaScript off. `visible` is
# Playwright's rule: a non-empty box and not visibility:hidden.
VISIBLE_JS = ("e => !!e && e.checkVisibility({visibilityProperty: true})"
              " && (r => r.width > 0 && r.height > 0)(e.getBoundingClientRect())")
# The strip numbers a page shows first: all of them on home pages; on a
# compact strip (other pages, on a phone), all but the `.uw-strip__more` ones,
# which a link shows (partials/uitweg-strip.html).
STRIP_BOXES_JS = f"""() => {{
  const visible = {VISIBLE_JS};
  return [...document.querySelectorAll(".uw-strip a[href^='tel:']")]
         .filter(a => !a.closest(".uw-strip--compact .uw-strip__more")).map(a => {{
    const r = a.getBoundingClientRect();
    return [a.textContent, visible(a) ? {{x: r.x, y: r.y, width: r.width, height: r.height}} : null];
  }});
}}"""


def strip_outside_viewport(page, viewport: dict) -> list[str]:
    """The strip numbers whose box is not wholly inside the first screen."""
    outside = []
    for text, box in page.evaluate(STRIP_BOXES_JS):
        if (box is None or box["x"] < 0 or box["y"] < 0 or box["x"] + box["width"] > viewport["width"]
                or box["y"] + box["height"] > viewport["height"]):
            outside.append(f"{(text.split() or ['(empty)'])[0]} at {box}")
    return outside


def first_tab_stop(page) -> str:
    """What Tab, pressed once after the page loads, focuses: id or tag."""
    page.keyboard.press("Tab")
    return page.evaluate("(e => e.id || e.tagName.toLowerCase() + ' ' + (e.getAttribute('href') || ''))"
                         "(document.activeElement)")


TEL = re.compile(r"^tel:\+?\d+$")
