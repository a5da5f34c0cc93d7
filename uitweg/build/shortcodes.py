"""Shortcodes that write contact data from the table into pages, so each
name, number and hour is written once, in data/contacts.yml.

  [[phone:ID]]  [[email:ID]]  [[name:ID]]  [[card:ID]]  [[directory]]  [[verified]]
"""
from __future__ import annotations

import html
import re

from uitweg.contacts.freshness import card_line, summary
from uitweg.contacts.table import Contact, ContactTable
from uitweg.core.languages import Language

SHORTCODE = re.compile(r"\[\[\s*([a-z]+)(?::\s*([a-z0-9-]+))?\s*\]\]")
NEEDS_ID = {"phone", "email", "name", "card"}
NO_ID = {"directory", "verified"}
# Characters Markdown reads as syntax and lets a backslash make literal
# (Python-Markdown's ESCAPED_CHARS with our extensions; ">" is escaped as HTML).
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def md_text(value: str) -> str:
    """Table text as Markdown that shows exactly that text: HTML-escaped (a
    tag in a name stays visible text, never markup) and every Markdown
    special character backslash-escaped (no link, emphasis or attribute)."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(value, quote=False))


KIND_ORDER = ["emergency", "helpline", "specialised-centre", "care-centre", "victim-support", "legal-aid", "government"]


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


def expand(text: str, table: ContactTable, lang: Language) -> str:
    """Replace every shortcode with Markdown in the page's language."""
    def one(m: re.Match) -> str:
        code, cid = m.group(1), m.group(2)
        if code == "directory":
            return directory(table, lang)
        if code == "verified":
            return summary([c.checked for c in table.contacts], lang.ui)
        contact = table.get(cid)
        if code == "phone":
            return contact.phones[0].number
        if code == "email":
            return f"[{contact.emails[0]}](mailto:{contact.emails[0]})"
        if code == "name":
            return md_text(contact.name[lang.code])
        return card(contact, lang)
    return SHORTCODE.sub(one, text)


def card(contact: Contact, lang: Language, with_name: bool = True) -> str:
    ui = lang.ui
    lines = ['<div class="contact" markdown>']
    name = contact.name[lang.code]
    head = f"**{md_text(name)}**" if with_name else ""
    region = contact.region[lang.code] if contact.region else ""
    if region and not (with_name and region.casefold() in name.casefold()):   # "… – Brussel · Brussel"
        head += (" · " if head else "") + md_text(region)
    if head:
        lines.append(head + "  ")
    lines.append(md_text(contact.description[lang.code]))
    lines.append("")
    colon = ui.get("colon", ": ")   # French typography puts a space before the colon
    ways = []
    for phone in contact.phones:
        extra = [md_text(x) for x in (phone.hours[lang.code] if phone.hours else None,
                                      ui["free"] if phone.free else None) if x]
        ways.append(f"- {md_text(ui['phone'])}{colon}**{md_text(phone.number)}**" + (f" — {', '.join(extra)}" if extra else ""))
    # E-mail addresses and websites are checked by table.py (plain ASCII, no markup).
    for email in contact.emails:
        ways.append(f"- {md_text(ui['email'])}{colon}[{email}](mailto:{email})")
    for url in contact.websites:
        ways.append(f"- {md_text(ui['website'])}{colon}<{url}>")
    if contact.address:
        ways.append(f"- {md_text(ui['address'])}{colon}{md_text(contact.address)}")
    if not contact.phones and not contact.emails and not contact.websites:
        ways.append(f"- {md_text(ui['no_contact'])}")
    lines += ways
    lines += ["", card_line(contact.checked, ui)]
    lines.append("</div>")
    return "\n" + "\n".join(lines) + "\n"


def directory(table: ContactTable, lang: Language) -> str:
    """Every contact, grouped by kind, each under a heading with its id as anchor."""
    out = []
    for kind in KIND_ORDER:
        members = [c for c in table.contacts if c.kind == kind]
        if not members:
            continue
        out.append(f"\n## {md_text(lang.ui['kinds'][kind])} {{#{kind}}}\n")
        for c in members:
            # "contact-" keeps contact anchors apart from kind anchors (emergency, legal-aid).
            out.append(f"\n### {md_text(c.name[lang.code])} {{#contact-{c.id}}}\n")
            out.append(card(c, lang, with_name=False))
    return "\n".join(out)
