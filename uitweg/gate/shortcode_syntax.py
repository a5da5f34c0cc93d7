"""The syntax of shortcodes ([[phone:ID]], [[card:ID]], [[directory]] …):
what counts as one, and every shortcode of a source that cannot be expanded
or is written almost like one. `uitweg.render.shortcodes` expands them."""
from __future__ import annotations

import re

from uitweg.contacts.model import ContactTable

SHORTCODE = re.compile(r"\[\[\s*([a-z]+)(?::\s*([a-z0-9-]+))?\s*\]\]")
NEEDS_ID = {"phone", "email", "name", "card"}
NO_ID = {"directory", "verified"}

# Anything that looks meant as a shortcode: double brackets, or one of the
# names in (single or double) brackets, in any case and spacing.
LOOKS_LIKE = re.compile(r"\[\[[^\[\]\n]*\]\]?|\[\[?\s*(?:phone|email|e-mail|name|card|directory|verified)\b[^\]\n]*\]\]?",
                        re.IGNORECASE)
LOOSE = re.compile(r"\[\[?\s*([A-Za-z-]+)\s*(?::\s*([A-Za-z0-9-]+))?\s*\]\]?")
EXACT = re.compile(r"\[\[(?:(?:phone|email|name|card):[a-z0-9-]+|directory|verified)\]\]")


def shortcode_problems(text: str, table: ContactTable) -> list[tuple[int, str]]:
    """(offset, message) for every shortcode that cannot be expanded, and for
    anything written like a shortcode that is not exactly one (a typo would
    otherwise be published as literal text)."""
    problems = []
    for m in LOOKS_LIKE.finditer(text):
        written = m.group(0)
        if EXACT.fullmatch(written) or SHORTCODE.fullmatch(written):
            continue   # exact, or judged below (needs an id, unknown id)
        loose = LOOSE.fullmatch(written)
        code = loose.group(1).lower() if loose else ""
        cid = (loose.group(2) or "").lower() if loose else ""
        if code in NO_ID and not cid or code in NEEDS_ID and cid in table.ids:
            fixed = f"[[{code}:{cid}]]" if cid else f"[[{code}]]"
            problems.append((m.start(), f"shortcode {written} is not written exactly; write {fixed} "
                             "(lower case, no spaces, two brackets)"))
        else:
            problems.append((m.start(), f"unknown shortcode {written}; use one of "
                             "[[phone:ID]] [[email:ID]] [[name:ID]] [[card:ID]] [[directory]] [[verified]]"))
    for m in SHORTCODE.finditer(text):
        code, cid = m.group(1), m.group(2)
        if code not in NEEDS_ID | NO_ID:
            problems.append((m.start(), f"unknown shortcode {m.group(0)}; use one of "
                             "[[phone:ID]] [[email:ID]] [[name:ID]] [[card:ID]] [[directory]] [[verified]]"))
        elif code in NEEDS_ID and not cid:
            problems.append((m.start(), f"{m.group(0)} needs a contact id, e.g. [[{code}:pag-asa]]"))
        elif code in NEEDS_ID and cid not in table.ids:
            problems.append((m.start(), f"unknown contact id {cid!r} in {m.group(0)}; ids in data/contacts.yml: {', '.join(table.ids)}"))
        elif code == "phone" and not table.get(cid).phones:
            problems.append((m.start(), f"{cid!r} has no phone number in data/contacts.yml; use [[name:{cid}]] or [[card:{cid}]]"))
        elif code == "email" and not table.get(cid).emails:
            problems.append((m.start(), f"{cid!r} has no e-mail address in data/contacts.yml"))
    return problems


def contact_ids(text: str) -> list[str]:
    """Contact ids a page names through shortcodes, in order."""
    return [m.group(2) for m in SHORTCODE.finditer(text) if m.group(2)]
