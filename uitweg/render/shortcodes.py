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


# Where a card ends, until the page is expanded: how fresh the numbers are is
# said once per page (after the last card), not under every card.
FRESH_MARK = "\x00uitweg-fresh\x00"


# Cards one after the other, with only blank lines between them.
CARD_RUN = re.compile(r"\[\[card:[a-z0-9-]+\]\](?:\s*\[\[card:[a-z0-9-]+\]\])+")


def said_before(text: str, table: ContactTable, lang: Language) -> set[int]:
    """Where a card in a run repeats the description of the card before it
    (the three care centres): those cards show name and ways only, so the
    reader does not read the same lines three times on a phone. Positions
    of the shortcodes in `text`."""
    out: set[int] = set()
    for run in CARD_RUN.finditer(text):
        previous = None
        for m in SHORTCODE.finditer(run.group(0)):
            try:
                description = table.get(m.group(2)).description[lang.code]
            except KeyError:   # an unknown id: the gate reports it
                previous = None
                continue
            if description == previous:
                out.add(run.start() + m.start())
            previous = description
    return out


def expand(text: str, table: ContactTable, lang: Language) -> str:
    """Replace every shortcode with Markdown in the page's language."""
    shown: list[Contact] = []
    carded = {m.group(2) for m in SHORTCODE.finditer(text) if m.group(1) == "card"}
    repeated = said_before(text, table, lang)

    def one(m: re.Match) -> str:
        code, cid = m.group(1), m.group(2)
        if code == "directory":
            return directory(table, lang, carded)
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
        shown.append(contact)
        return card(contact, lang, describe=m.start() not in repeated) + FRESH_MARK
    out = SHORTCODE.sub(one, text)
    if FRESH_MARK in out:
        last = out.rindex(FRESH_MARK)
        directory_line = fresh_line(checked(table.contacts), lang.ui)
        line = "" if directory_line in out else fresh_line(checked(shown), lang.ui)
        out = out[:last].replace(FRESH_MARK, "") + line + out[last + len(FRESH_MARK):]
    return out


def checked(contacts: list[Contact]) -> list:
    """The checks of contacts that had one (a placeholder has nothing to check)."""
    return [c.checked for c in contacts if not c.placeholder]


def fresh_line(checks: list, ui: dict) -> str:
    """One paragraph, once per page: the oldest last check of the contacts it
    shows, in the words of `card_line` (data/languages.yml); nothing when no
    contact was checked."""
    if not checks:
        return ""
    return f'\n<p class="uw-fresh" markdown>{md_text(card_line(min(checks, key=lambda c: c.date), ui))}</p>\n'


def card(contact: Contact, lang: Language, with_name: bool = True, anchor: str = "", describe: bool = True) -> str:
    """A contact as a framed block; `describe=False`: name (or region) and ways
    only, when the page has just said what the contact does."""
    ui = lang.ui
    lines = [f'<div class="contact"{f" id={chr(34)}{anchor}{chr(34)}" if anchor else ""} markdown>']
    name = contact.name[lang.code]
    head = f"**{md_text(name)}**" if with_name else ""
    region = contact.region[lang.code] if contact.region else ""
    if region and not (with_name and region.casefold() in name.casefold()):   # "… – Brussel · Brussel"
        head += (" · " if head else "") + md_text(region)
    if with_name:
        if head:
            lines.append(head + ("  " if describe else ""))
        if describe:
            lines.append(md_text(contact.description[lang.code]))
    elif describe:   # directory: the name is the heading above; region and what they do on one line
        lines.append((f"**{head}** · " if head else "") + md_text(contact.description[lang.code]))
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
    elif not contact.phones and not contact.emails and not contact.websites and with_name:
        ways.append(f"- {md_text(ui['no_contact'])}")   # in the directory, its group says it once
    lines += ways
    lines.append("</div>")
    return "\n" + "\n".join(lines) + "\n"


def directory(table: ContactTable, lang: Language, carded: frozenset[str] | set[str] = frozenset()) -> str:
    """Every contact, grouped by kind, each under a heading with its id as
    anchor; how fresh they are, said once at the top; the entries without a
    phone number at the end, under one heading that says what to do instead.
    A contact whose card the page shows already (`carded`) gets only the
    ways to reach it, not its description again."""
    out = [fresh_line(checked(table.contacts), lang.ui)]
    used: set[str] = set()

    def entry(c: Contact, level: str, anchor: str = "") -> None:
        # "contact-" keeps contact anchors apart from kind anchors (emergency, legal-aid).
        out.append(f"\n{level} {md_text(c.name[lang.code])} {{#contact-{c.id} .uw-entry}}\n")
        out.append(card(c, lang, with_name=False, anchor=anchor, describe=c.id not in carded))

    for kind in KIND_ORDER:
        members = [c for c in table.contacts if c.kind == kind and c.phones]
        if members:
            out.append(f"\n## {md_text(lang.ui['kinds'][kind])} {{#{kind}}}\n")
            used.add(kind)
            for c in members:
                entry(c, "###")
    rest = [c for c in table.contacts if not c.phones and not c.placeholder]
    if rest:
        out.append(f"\n## {md_text(lang.ui['no_phone_heading'])} {{#no-phone}}\n")
        out.append(f"\n{md_text(lang.ui['no_contact'])}\n")
        for kind in KIND_ORDER:
            for c in [c for c in rest if c.kind == kind]:
                # A kind's anchor (#legal-aid, linked from the pages) goes on its first card here.
                entry(c, "###", anchor=kind if kind not in used else "")
                used.add(kind)
    for kind in KIND_ORDER:   # the site's own contact (report a mistake) stays last
        members = [c for c in table.contacts if c.kind == kind and c.placeholder and not c.phones]
        if members:
            out.append(f"\n## {md_text(lang.ui['kinds'][kind])} {{#{kind if kind not in used else 'more-' + kind}}}\n")
            for c in members:
                entry(c, "###")
    return "\n".join(out)
