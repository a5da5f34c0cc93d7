"""The last gate: check a finished HTML page, template parts included.

The page is parsed as a browser parses it (`uitweg.core.html`, selectolax),
so entities, quoting, markup inside a number and comments change nothing.
No phone number, tel: link, e-mail or outside link that is not in the
contact table may reach a built page, nothing may load from another site,
and nothing may send the reader elsewhere by itself (meta refresh, base).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from uitweg.contacts.model import ContactTable
from uitweg.core import html as H
from uitweg.gate.links import link_problem, mailto_problem
from uitweg.gate.normalise import browser_url, is_other_site, reader_text
from uitweg.gate.numbers import describe, find_numbers, national_digits

# Attributes that make the browser fetch something.
LOADS = {"src", "srcset", "imagesrcset", "poster", "data", "action", "formaction", "background",
         "ping", "codebase", "archive", "longdesc", "manifest", "lowsrc", "dynsrc", "icon", "cite"}
LINKS = {"href", "xlink:href"}
# Attributes a reader sees or hears.
SHOWN = {"title", "alt", "content", "value", "placeholder", "label", "summary", "abbr"}
URL_IN_TEXT = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)[^\s<>\"']+", re.IGNORECASE)
EMAIL_IN_TEXT = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+")
NEVER = {"base": "<base> changes where every link of the page goes",
         "frame": "<frame> loads another page", "frameset": "<frameset> loads other pages"}


@dataclass(frozen=True)
class Found:
    needle: str       # what to look for in the source to find the line
    message: str
    context: str = ""   # the text around it, to tell apart lines with the same needle


def _shown_attribute(name: str) -> bool:
    return name in SHOWN or name.startswith(("aria-", "data-"))


def text_problems(text: str, table: ContactTable, call_words: frozenset[str], page: str = "") -> list[Found]:
    """Numbers, e-mail addresses and web addresses in text a reader sees."""
    found = [Found(f.text, describe(f, table), _around(text, f.start, f.end))
             for f in find_numbers(text, table, call_words, page) if f.refused]
    plain = reader_text(text)
    return found + [Found(a.needle, a.message, _around(plain, *a.span)) for a in address_problems(plain, table)]


@dataclass(frozen=True)
class Address:
    span: tuple[int, int]
    needle: str
    message: str


def address_problems(plain: str, table: ContactTable) -> list[Address]:
    """E-mail and web addresses in text already normalised as a reader sees it."""
    found = []
    for m in EMAIL_IN_TEXT.finditer(plain):
        if m.group(0).lower() not in table.emails:
            found.append(Address(m.span(), m.group(0), f"e-mail address {m.group(0)} is not in the contact table. "
                                 "Use an address from data/contacts.yml, or add it there with its source."))
    for m in URL_IN_TEXT.finditer(plain):
        url = m.group(0).rstrip(".,;:!?)")
        full = url if "://" in url else "https://" + url
        if (msg := link_problem(full, table)):
            found.append(Address(m.span(), url, msg))
    return found


def _around(text: str, start: int, end: int, width: int = 16) -> str:
    """A finding with the words around it, to find its own line in the source."""
    return text[max(0, start - width):end + width].strip()


def tel_problem(href: str, shown: str, table: ContactTable, call_words: frozenset[str]) -> str | None:
    """A tel: link dials a number of the table and shows that number."""
    dialled = table.phone_by_digits(national_digits(unquote(href[4:])))
    if not dialled:
        return f"tel: link {href} is not a number of the contact table; use [[phone:ID]]"
    shows = [f for f in find_numbers(shown, table, call_words) if f.known]
    if not any(table.phone_by_digits(f.digits) == dialled for f in shows):
        return f"link shows {reader_text(shown).strip() or 'no number'} but dials {href[4:]}; use [[phone:ID]]"
    return None


def page_problems(html, table: ContactTable, call_words: frozenset[str],
                  site_url: str = "", page: str = "") -> list[Found]:
    """Everything in a finished page (HTML text, or a tree parsed with
    uitweg.core.html.parse) that must not be published."""
    tree = H.parse(html) if isinstance(html, str) else html
    found: list[Found] = []
    for block in H.blocks(tree):
        found += text_problems(block.text, table, call_words, page)
    for text in H.comments(tree):
        found += [Found(f.needle, "in an HTML comment (readable with 'view source'): " + f.message, f.context)
                  for f in text_problems(text, table, call_words, page)]
    for node in H.elements(tree):
        tag = node.tag
        attrs = {k.lower(): (v or "") for k, v in node.attributes.items()}
        if tag in NEVER:
            found.append(Found(f"<{tag}", NEVER[tag] + "; remove it"))
        if tag == "meta" and attrs.get("http-equiv", "").strip().lower() in ("refresh", "set-cookie"):
            found.append(Found("http-equiv", f"<meta http-equiv=\"{attrs['http-equiv']}\"> sends every reader "
                               "elsewhere or sets a cookie; remove it"))
        if tag in ("animate", "set", "animatemotion", "animatetransform") and \
                attrs.get("attributename", "").lower() in ("href", "xlink:href"):
            found.append(Found(f"<{tag}", f"<{tag} attributeName=\"{attrs['attributename']}\"> changes a link "
                               "while the page is open; remove it"))
        if "srcdoc" in attrs:
            found.append(Found("srcdoc", f"<{tag} srcdoc> puts a page inside the page; remove it"))
        for name, value in attrs.items():
            if name in LINKS:
                url = browser_url(value, entities=False)
                if url.startswith("tel:"):
                    if (msg := tel_problem(url, node.text(deep=True) or "", table, call_words)):
                        found.append(Found(value, msg))
                elif tag == "link" and url == EMPTY_ICON and attrs.get("rel", "").lower().split() == ["icon"]:
                    continue   # an empty data: icon loads nothing; it stops the browser asking for /favicon.ico
                elif tag == "link" and is_other_site(url) and not (site_url and url.startswith(site_url)) \
                        and "alternate" not in attrs.get("rel", "") and "canonical" not in attrs.get("rel", ""):
                    found.append(Found(value, f"<{tag} {name}=\"{value}\"> loads from another site; ship the file with the site instead"))
                elif url.startswith("mailto:"):
                    if (msg := mailto_problem(url, table)):
                        found.append(Found(value, msg))
                elif url.lower().startswith(("javascript:", "data:", "vbscript:")):
                    found.append(Found(value, f"link {value} runs code or hides a page; link to a page of the site"))
                elif (msg := link_problem(url, table, site_url)):
                    found.append(Found(value, msg))
            elif name in LOADS:
                for url in _urls_in(name, value):
                    if is_other_site(url) and not url.startswith(("data:", "blob:")) \
                            and not (site_url and url.startswith(site_url)):
                        found.append(Found(f"{name}=\x00{value}", f"<{tag} {name}=\"{value}\"> loads from another site; ship the file with the site instead"))
                        break
            elif _shown_attribute(name) and not (tag == "meta" and attrs.get("http-equiv")):
                found += [Found(f"{name}=\x00{f.needle}", f"in {name}=\"…\" of <{tag}>: {f.message}")
                          for f in text_problems(value, table, call_words, page)]
    return found


# `theme.favicon: "data:,"` in mkdocs.yml: the only data: URL a page may link.
EMPTY_ICON = "data:,"


def _urls_in(name: str, value: str) -> list[str]:
    if name in ("srcset", "imagesrcset"):
        return [browser_url(part.strip().split(" ")[0], entities=False) for part in value.split(",") if part.strip()]
    if name in ("ping", "archive"):
        return [browser_url(v, entities=False) for v in value.split()]
    return [browser_url(value, entities=False)]


def output_problems(html: str, table: ContactTable, call_words: frozenset[str],
                    site_url: str = "") -> list[tuple[int, str]]:
    """(line in the HTML, message) for everything that must not be published."""
    return [(H.line_of(html, f.needle.split("\x00")[-1]) or 1, f.message)
            for f in page_problems(html, table, call_words, site_url)]
