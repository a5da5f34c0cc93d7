"""The last gate: check a finished HTML page, template parts included.

No phone number, tel: link, e-mail or outside link that is not in the
contact table may reach a built page, and nothing may load from another site.
"""
from __future__ import annotations

import re
from urllib.parse import unquote

from uitweg.contacts.links import BARE_EMAIL, external_problem, is_external
from uitweg.contacts.phones import describe_unknown, find_numbers, line_at
from uitweg.contacts.table import ContactTable, normalise_digits
from uitweg.core.html_text import attributes, texts

LOADS = {"src", "srcset", "poster", "data", "action", "formaction"}


def output_problems(html: str, table: ContactTable, call_words: frozenset[str],
                    site_url: str = "") -> list[tuple[int, str]]:
    """(line in the HTML, message) for everything that must not be published."""
    problems: list[tuple[int, str]] = []
    for t in texts(html):
        for n in find_numbers(t.text, table, call_words):
            if not table.phone_by_digits(n.digits):
                problems.append((line_at(html, t.start + n.start), describe_unknown(n, table)))
        for m in BARE_EMAIL.finditer(t.text):
            if m.group(0).lower() not in table.emails:
                problems.append((line_at(html, t.start + m.start()), f"e-mail address {m.group(0)} is not in the contact table"))
    for offset, tag, attr, value in attributes(html):
        line = line_at(html, offset)
        value = value.strip()
        if value.lower().startswith("tel:"):
            if not table.phone_by_digits(normalise_digits(unquote(value[4:]))):
                problems.append((line, f"tel: link {value} is not a number of the contact table"))
            continue
        if not is_external(value) or (site_url and value.startswith(site_url)):
            continue
        if value.lower().startswith(("data:", "blob:")) and attr != "href":
            continue
        if tag == "link" and value.lower().startswith("data:"):   # inline content (the empty favicon), no load
            continue
        if attr in LOADS or tag == "link":
            problems.append((line, f"<{tag} {attr}=\"{value}\"> loads from another site; ship the file with the site instead"))
        elif (msg := external_problem(value, table)):
            problems.append((line, msg))
    problems += _mismatched_tel_links(html, table)
    return problems


TEL_LINK = re.compile(r'<a\b[^>]*\bhref="tel:([^"]+)"[^>]*>(.*?)</a>', re.S | re.I)


def _mismatched_tel_links(html: str, table: ContactTable) -> list[tuple[int, str]]:
    """A tel: link must dial the number it shows."""
    problems = []
    for m in TEL_LINK.finditer(html):
        shown = re.sub(r"<[^>]+>", "", m.group(2))
        href = table.phone_by_digits(normalise_digits(unquote(m.group(1))))
        text_digits = normalise_digits(shown)
        if href and text_digits and re.search(r"\d{3}", shown) and table.phone_by_digits(text_digits) not in (None, href):
            problems.append((line_at(html, m.start()), f"link shows {shown.strip()} but dials {m.group(1)}"))
    return problems
