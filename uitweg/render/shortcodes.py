"""Shortcodes that write contact data from the table into pages, so each
name, number and hour is written once, in data/contacts.yml.

  [[phone:ID]]  [[email:ID]]  [[name:ID]]  [[card:ID]]  [[directory]]  [[verified]]
"""
from __future__ import annotations

import html
import re

from uitweg.contacts.freshness import card_line, summary
from uitweg.contacts.model import Contact, ContactTable
from uitweg.core.languages import Language
from uitweg.gate.shortcode_syntax import SHORTCODE

# Characters Markdown reads as syntax and lets a backslash make literal
# (Python-Markdown's ESCAPED_CHARS with our extensions; ">" is escaped as HTML).
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def md_text(value: str) -> str:
    """Table text as Markdown that shows exactly that text: HTML-escaped (a
    tag in a name stays visible text, never markup) and every Markdown
    special character backslash-escaped (no link, emphasis or attribute)."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(value, quote=False))


# The directory's groups, by urgency and reach: the recognised centres (two
# answer day and night) come before the helplines (1712 is open 9-17 h only),
# as in the strip; the site's own contact (to report a mistake) comes last.
KIND_ORDER = ["emergency", "specialised-centre", "helpline", "care-centre", "victim-support", "legal-aid",
              "government", "site"]


def expand(text: str, table: ContactTable, lang: Language) -> str:
    """Replace every shortcode with Markdown in the page's language."""
    def one(m: re.Match) -> str:
        code, cid = m.group(1), m.group(2)
        if code == "directory":
            return directory(table, lang)
        if code == "verified":
            # A placeholder has nothing to check (no number, e-mail or website).
            return summary([c.checked for c in table.contacts if not c.placeholder], lang.ui)
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
        # No hours in the sources: say so, rather than leave the reader to guess.
        hours = phone.hours[lang.code] if phone.hours else ui["hours_unknown"]
        extra = [md_text(x) for x in (hours, ui["free"] if phone.free else None) if x]
        ways.append(f"- {md_text(ui['phone'])}{colon}**{md_text(phone.number)}**" + (f" — {', '.join(extra)}" if extra else ""))
    # E-mail addresses and websites are checked by table.py (plain ASCII, no markup).
    for email in contact.emails:
        ways.append(f"- {md_text(ui['email'])}{colon}[{email}](mailto:{email})")
    for url in contact.websites:
        ways.append(f"- {md_text(ui['website'])}{colon}<{url}>")
    if contact.address:   # a postal address, never "a place to go": the label says so (ui.address)
        ways.append(f"- {md_text(ui['address'])}{colon}{md_text(contact.address)}")
    if contact.placeholder:
        ways.append(f"- {md_text(ui['placeholder'])}")
    elif not contact.phones and not contact.emails and not contact.websites:
        ways.append(f"- {md_text(ui['no_contact'])}")
    lines += ways
    if not contact.placeholder:   # nothing was compared or confirmed: no freshness line
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
