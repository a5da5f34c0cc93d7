"""Find links in Markdown and HTML, and check external targets against the
contact table: every http(s) and mailto target must be listed there."""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from uitweg.contacts.model import ContactTable
from uitweg.gate.normalise import browser_url, is_other_site

MD_INLINE = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
MD_REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
MD_AUTOLINK = re.compile(r"<((?:https?|mailto|tel|ftp|file):[^>\s]+)>", re.IGNORECASE)
HTML_ATTR = re.compile(r"""\b(?:href|src|action|srcset|poster|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
BARE_URL = re.compile(r"(?<![\w(<\"'=/])(?:https?://|www\.)[^\s<>()\"']+", re.IGNORECASE)
BARE_EMAIL = re.compile(r"(?<![\w.:/+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


@dataclass(frozen=True)
class Link:
    offset: int
    target: str


def find_markdown_links(text: str) -> list[Link]:
    """Link targets of a Markdown file (inline, reference, autolinks, raw HTML,
    and bare URLs or e-mail addresses that would be shown as text)."""
    links: list[Link] = []
    spans: list[tuple[int, int]] = []
    for rx in (MD_INLINE, MD_REFDEF, MD_AUTOLINK):
        for m in rx.finditer(text):
            links.append(Link(m.start(1), m.group(1)))
            spans.append((m.start(1), m.end(1)))
    for m in HTML_ATTR.finditer(text):
        g = next(i for i in (1, 2, 3) if m.group(i) is not None)
        links.append(Link(m.start(g), m.group(g)))
        spans.append((m.start(g), m.end(g)))
    inside = lambda pos: any(s <= pos < e for s, e in spans)  # noqa: E731
    for m in BARE_URL.finditer(text):
        if not inside(m.start()):
            target = m.group(0).rstrip(".,;:!?")
            links.append(Link(m.start(), target if "://" in target else "https://" + target))
    for m in BARE_EMAIL.finditer(text):
        if not inside(m.start()):
            links.append(Link(m.start(), "mailto:" + m.group(0)))
    return sorted(links, key=lambda link: link.offset)


def is_external(target: str) -> bool:
    """True when a browser would leave the site: any scheme, //host, /\\host."""
    return is_other_site(browser_url(target, entities=False))


def link_problem(value: str, table: ContactTable, site_url: str = "", decoded: bool = True) -> str | None:
    """Judge an href as a browser resolves it (entities, tabs, `\\`, scheme
    case). None when allowed: inside the site, the site's own address, or a
    target of the table. tel: links are judged by `tel_problem`."""
    url = browser_url(value, entities=not decoded)
    if not is_other_site(url) or url.startswith("tel:"):
        return None
    if site_url and url.startswith(site_url):
        return None
    if url.startswith("mailto:"):
        return mailto_problem(url, table)
    if url.startswith("//"):
        return f"link {value} leaves the site (a browser reads it as https:{url}); use an address from data/contacts.yml"
    scheme = url.split(":", 1)[0]
    if scheme not in ("http", "https"):
        return f"link {value} uses {scheme}:, which pages may not use; link to a page of the site or an address from data/contacts.yml"
    return external_problem(url, table)


def mailto_problem(url: str, table: ContactTable) -> str | None:
    """mailto: only to an address of the table, with nothing after it."""
    address = unquote(url[7:])
    if "?" in address or "," in address or ";" in address:
        return (f"e-mail link {url} adds recipients or text ({address.split('?')[0]}…); "
                "write only the address, e.g. [[email:ID]]")
    if address.lower() in table.emails:
        return None
    return external_problem("mailto:" + address, table)


def external_problem(target: str, table: ContactTable) -> str | None:
    """None when the target is allowed, else the message for the editor.
    tel: links are checked by the number check, not here."""
    if not is_external(target) or target.lower().startswith("tel:"):
        return None
    if target.lower().startswith("mailto:"):
        address = unquote(target[7:]).split("?")[0].lower()
        if urlsplit(target).query:
            return f"e-mail link {target} adds recipients or text; write only the address, e.g. [[email:ID]]"
        if address in table.emails:
            return None
        msg = f"e-mail address {address} is not in the contact table"
    elif target in table.external_targets():
        return None
    else:
        msg = f"link {target} is not in the contact table"
    near = table.nearest_target(target)
    if near:
        msg += f" — did you mean {near}?"
    return msg + " Use an address from data/contacts.yml, or add it there with its source."


def mask(text: str, patterns: tuple[re.Pattern, ...]) -> str:
    """Blank out (same length) the parts of `text` that the number check must
    not read: link targets, HTML tags, attribute lists, shortcodes."""
    for rx in patterns:
        text = rx.sub(lambda m: " " * len(m.group(0)) if "\n" not in m.group(0)
                      else re.sub(r"[^\n]", " ", m.group(0)), text)
    return text


MARKDOWN_NOT_TEXT = (
    re.compile(r"\]\([^)]*\)"),           # inline link targets
    re.compile(r"^\s{0,3}\[[^\]]+\]:.*$", re.MULTILINE),
    re.compile(r"<[^>\n]+>"),             # HTML tags and autolinks
    re.compile(r"\{[:#.][^}\n]*\}"),      # attribute lists {#anchor}
    re.compile(r"\[\[[^\]\n]*\]\]"),      # shortcodes
)
