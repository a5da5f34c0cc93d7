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
from urllib.parse import unquote, urlsplit

from uitweg.contacts.model import ContactTable, national_digits
from uitweg.core import html as H
from uitweg.gate.addresses import emails, web_addresses
from uitweg.gate.bidi import bidi_problems
from uitweg.gate.links import link_problem, mailto_problem
from uitweg.gate.memo import TextMemo
from uitweg.gate.normalise import WORD_CHAR, browser_url, is_other_site, reader_text
from uitweg.gate.numbers import describe, exception_page, judge_numbers, judge_numbers_once, load_number_words

# Attributes that make the browser fetch something.
LOADS = {"src", "srcset", "imagesrcset", "poster", "data", "action", "formaction", "background",
         "ping", "codebase", "archive", "longdesc", "manifest", "lowsrc", "dynsrc", "icon", "cite"}
LINKS = {"href", "xlink:href"}
# Attributes a reader sees or hears.
SHOWN = {"title", "alt", "content", "value", "placeholder", "label", "summary", "abbr"}
NEVER = {"base": "<base> changes where every link of the page goes",
         "frame": "<frame> loads another page", "frameset": "<frameset> loads other pages"}


@dataclass(frozen=True)
class Found:
    needle: str       # what to look for in the source to find the line
    message: str
    context: str = ""   # the text around it, to tell apart lines with the same needle


def _shown_attribute(name: str) -> bool:
    return name in SHOWN or name.startswith(("aria-", "data-"))


_JUDGED = TextMemo()


def text_problems(text: str, table: ContactTable, call_words: frozenset[str], page: str = "",
                  lang: str | None = None, bare_hosts: bool = True, words=None, site_url: str = "") -> list[Found]:
    """Numbers, e-mail addresses, web addresses and bidi controls in text a
    reader sees (one block: a paragraph, a list item, a cell …), and numbers
    of the table next to the name of another organisation. `words`: the
    loaded data/number_exceptions.yml (a page passes it once for all its texts).
    Judged once per build for each text (memo.py): templates repeat them on every page."""
    words = words or load_number_words()
    key = (text, exception_page(page, words), lang, bare_hosts, site_url)
    return list(_JUDGED.get((table, call_words, words), key, lambda: tuple(
        _text_problems(text, table, call_words, page, lang, bare_hosts, words, site_url))))


def _text_problems(text: str, table: ContactTable, call_words: frozenset[str], page: str,
                   lang: str | None, bare_hosts: bool, words, site_url: str) -> list[Found]:
    found = [Found(text[at:at + 12].strip() or text[at:at + 1], msg, _around(text, at, at + 1))
             for at, msg in bidi_problems(text)]
    if ANY_DIGIT.search(text):   # \d: every script's digits, the only start of a number
        # A browser shows the newlines of the source as spaces (same length,
        # so offsets stay); only a <br> (LINE_BREAK) ends a line.
        seen = text.replace("\n", " ").replace("\r", " ")
        findings = judge_numbers(seen, table, call_words, page, words, lang)
        found += [Found(f.text, describe(f, table), _around(text, f.start, f.end)) for f in findings if f.refused]
        found += [Found(f.text, msg, _around(text, f.start, f.end)) for f, msg in name_problems(seen, findings, table)]
    if not ADDRESS_MARK.search(text):
        return found   # no address without a dot or an @ (in any of their forms)
    plain = reader_text(text)
    return found + [Found(a.needle, a.message, _around(plain, *a.span))
                    for a in address_problems(plain, table, bare_hosts, words.file_names, site_url)]


ANY_DIGIT = re.compile(r"\d")
# Every character that a reader sees as a dot or an @ (normalise.py makes
# them "." and "@"): an address has at least one of them.
ADDRESS_MARK = re.compile("[.@\u00b7\u0387\u2022\u2024\u2027\u30fb\ufe52\ufe6b\uff0e\uff20\uff65]")


# A sentence ends at . ! ? ; (and Arabic ؟ ؛) and a space, right after 。！？；
# (Chinese puts no space after them) and the Ethiopic full stop, question mark
# and semicolon ። ፧ ፤ and paragraph mark ፨ (never inside a word), or at a line break.
SENTENCE_END = re.compile(r"(?<=[.!?;\u061f\u061b])\s+|(?<=[。！？；\u1362\u1367\u1364\u1368])|[\n\u2028]")


_NAME_PATTERNS: dict[int, tuple] = {}


def _names(table: ContactTable) -> dict[str, re.Pattern | None]:
    """Contact id -> one pattern of the names it goes by in any language
    (not names that are only digits, as "1712"); made once per table."""
    key = id(table)
    if key not in _NAME_PATTERNS or _NAME_PATTERNS[key][0] is not table:
        patterns = {}
        for c in table.contacts:
            names = sorted({n for n in c.name.values() if not re.fullmatch(r"[\d\s]+", n)}, key=len, reverse=True)
            # A name is a whole word: no letter, combining mark or digit of any script glued to it.
            # One pair of lookarounds for all the names (WORD_CHAR is a class of
            # thousands of ranges: one pair per name made the compile a tenth of the gate).
            patterns[c.id] = re.compile(rf"(?<!{WORD_CHAR})(?:{'|'.join(map(re.escape, names))})(?!{WORD_CHAR})") \
                if names else None
        _NAME_PATTERNS.clear()
        _NAME_PATTERNS[key] = (table, patterns)
    return _NAME_PATTERNS[key][1]


def _named(sentence: str, pattern: re.Pattern | None) -> bool:
    return bool(pattern and pattern.search(sentence))


def name_problems(text: str, findings, table: ContactTable, whole: bool = False) -> list:
    """(finding, message) for a number of the table in a sentence (or the
    `whole` text: a table row) that names another organisation of the table
    and not the number's own."""
    known = [f for f in findings if f.known]
    if not known:
        return []
    names = _names(table)
    out = []
    starts = [0] + ([] if whole else [m.end() for m in SENTENCE_END.finditer(text)]) + [len(text) + 1]
    for f in known:
        a = max(s for s in starts if s <= f.start)
        b = min(s for s in starts if s > f.start)
        sentence = text[a:b]
        owner = table.phone_by_digits(f.digits)[0]
        if names[owner.id] is None:
            continue   # its name is its number ("1712"): the number names it
        others = [c for c in table.contacts if c.id != owner.id and _named(sentence, names[c.id])]
        if others and not _named(sentence, names[owner.id]):
            other = others[0]
            out.append((f, f"{f.text.strip()} is the number of {owner.name.get('en', owner.id)}, but its sentence, "
                        f"list item or table row names {other.name.get('en', other.id)}; use [[phone:{other.id}]] for "
                        f"{other.name.get('en', other.id)}, or name {owner.name.get('en', owner.id)} next to its number"))
    return out


@dataclass(frozen=True)
class Address:
    span: tuple[int, int]
    needle: str
    message: str


def address_problems(plain: str, table: ContactTable, bare_hosts: bool = True,
                      files: frozenset[str] | None = None, site_url: str = "") -> list[Address]:
    """E-mail and web addresses in text already normalised as a reader sees
    it; `bare_hosts` False: only addresses with a scheme or www. (in data-*
    attributes, which hold the site's own file names for its scripts).
    `site_url`: the site's own https address (mkdocs.yml), which a read-me
    may name; only that exact scheme and host pass."""
    own = urlsplit(site_url) if site_url else None
    found = []
    for start, end, address in emails(plain):
        if address.lower() not in table.emails:
            found.append(Address((start, end), address, f"e-mail address {address} is not in the contact table. "
                                 "Use an address from data/contacts.yml, or add it there with its source."))
    listed = {re.sub(r"^https?://", "", w).rstrip("/").lower() for w in table.websites}
    files = load_number_words().file_names if files is None else files
    for start, end, url in web_addresses(plain):
        bare = "://" not in url and not url.lower().startswith("www.")
        if bare and not bare_hosts:
            continue
        if "://" not in url and (url.rstrip("/").lower() in listed or url.lower() in files):
            continue   # "www.pag-asa.be" or "pag-asa.be/…" as the table has it
        full = url if "://" in url else "https://" + url
        parts = urlsplit(full)
        if own and own.scheme == "https" and (parts.scheme, parts.netloc.lower()) == (own.scheme, own.netloc.lower()):
            continue   # the site's own address
        if (msg := link_problem(full, table)):
            found.append(Address((start, end), url, msg))
    return found


def _around(text: str, start: int, end: int, width: int = 16) -> str:
    """A finding with the words around it, on its own line of the source
    (to tell apart lines that hold the same finding)."""
    a = max(max(0, start - width), text.rfind("\n", 0, start) + 1)
    b = text.find("\n", end)
    b = min(end + width, len(text) if b < 0 else b)
    return text[a:b].strip()


def tel_problem(href: str, shown: str, table: ContactTable, call_words: frozenset[str]) -> str | None:
    """A tel: link dials a number of the table and shows that number."""
    dialled = table.phone_by_digits(national_digits(unquote(href[4:])))
    if not dialled:
        return f"tel: link {href} is not a number of the contact table; use [[phone:ID]]"
    shows = [f for f in judge_numbers_once(shown, table, call_words) if f.known]
    if not any(table.phone_by_digits(f.digits) == dialled for f in shows):
        return f"link shows {reader_text(shown).strip() or 'no number'} but dials {href[4:]}; use [[phone:ID]]"
    return None


def page_problems(html, table: ContactTable, call_words: frozenset[str],
                  site_url: str = "", page: str = "", lang: str | None = None) -> list[Found]:
    """Everything in a finished page (HTML text, or a tree parsed with
    uitweg.core.html.parse) that must not be published. `lang`: the page's
    language (its unit words excuse quantities); None reads <html lang>."""
    tree = H.parse(html) if isinstance(html, str) else html
    if lang is None:
        root = tree.css_first("html")
        lang = ((root.attributes.get("lang") or "") if root else "").split("-")[0].lower() or None
    found: list[Found] = []
    words = load_number_words()
    for block in H.blocks(tree):
        found += text_problems(block.text, table, call_words, page, lang, words=words)
    for text in H.comments(tree):
        found += [Found(f.needle, "in an HTML comment (readable with 'view source'): " + f.message, f.context)
                  for f in text_problems(text, table, call_words, page, lang, words=words)]
    for row in tree.css("tr"):
        line = " | ".join(" ".join((c.text(deep=True) or "").split()) for c in row.css("td, th"))
        if any(ch.isdigit() for ch in line):
            findings = judge_numbers_once(line, table, call_words, page, lang=lang)
            found += [Found(f.text, msg, _around(line, f.start, f.end))
                      for f, msg in name_problems(line, findings, table, whole=True)]
    for node in H.elements(tree):
        tag = node.tag
        attrs = {k.lower(): (v or "") for k, v in node.attributes.items()}
        if tag == "ol":
            found += _list_number_problems(node, attrs, table, call_words, page, lang)
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
                          for f in text_problems(value, table, call_words, page, lang, not name.startswith("data-"),
                                                 words)]
    return found


def _list_number_problems(node, attrs: dict, table: ContactTable, call_words: frozenset[str],
                          page: str, lang: str | None) -> list[Found]:
    """A numbered list shows its numbers ("1712.", "1713." …): with `start`
    (or `reversed`) they can be any number, so each one is judged."""
    if "start" not in attrs:
        return []
    try:
        start = int(attrs["start"].strip())
    except ValueError:
        return []
    items = sum(1 for c in H.children(node) if c.tag == "li")
    step = -1 if "reversed" in attrs else 1
    found = []
    for k in range(items):
        shown = f"{start + step * k}."
        found += [Found(f"start=\x00{attrs['start']}", f"the numbered list shows {shown}: {f.message}")
                  for f in text_problems(shown, table, call_words, page, lang)]
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
