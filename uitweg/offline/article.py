"""Take a built page's article and make it a section of a one-file page:
ids get the page slug as prefix (unique in the file), links to pages of the
same language become in-file anchors, headings move one level down (the file
has one h1 of its own)."""
from __future__ import annotations

import html as htmllib
import posixpath
import re
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from uitweg.contacts.links import is_external

ARTICLE = re.compile(r'<article\b[^>]*\bclass="[^"]*\bmd-content__inner\b[^"]*"[^>]*>(.*?)</article>', re.S)
HEADING = re.compile(r"^h([1-6])$")
DROP = {"script", "style", "template", "noscript", "iframe", "object", "embed", "form"}
LOADS = {"src", "srcset", "poster", "data", "action", "formaction", "background"}
ID_REFS = {"for", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "headers", "list"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class PocketError(Exception):
    pass


def article_html(page: str, name: str) -> str:
    m = ARTICLE.search(page)
    if not m:
        raise PocketError(f"{name}: no <article class=\"md-content__inner\"> found; did the page template change?")
    return m.group(1)


def anchor(slug: str, fragment: str = "") -> str:
    """In-file id of a page ("signs") or of an id on it ("signs--indicators")."""
    return f"{slug}--{fragment}" if fragment else slug


class _Rewriter(HTMLParser):
    def __init__(self, name: str, slug: str, pages: dict[str, str], other_pages: set[str]):
        super().__init__(convert_charrefs=False)
        self.name, self.slug, self.pages, self.other = name, slug, pages, other_pages
        self.out: list[str] = []
        self.dropping: list[str] = []   # open elements whose content is dropped
        self.unwrapped = 0              # open <a> tags that were turned into plain text
        self.ids: set[str] = set()

    def link(self, href: str) -> str | None:
        """The in-file target, the unchanged link, or None: keep the text only."""
        if href.startswith("#"):
            return "#" + anchor(self.slug, unquote(href[1:])) if href != "#" else "#" + self.slug
        if is_external(href):
            return href  # tel:, mailto:, contact-table sites: the output check judges them
        parts = urlsplit(href)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.name), unquote(parts.path)))
        if target in self.pages:
            return "#" + anchor(self.pages[target], unquote(parts.fragment))
        if target in self.other:
            return None  # a page in another language: not in this file
        raise PocketError(f"{self.name}: link {href!r} points at {target}, which is no page of this language; "
                          f"the pocket file cannot carry other files")

    def unique(self, value: str) -> str:
        """A page may repeat an id (browsers then use the first); keep the
        first, number the others, so the file stays valid."""
        n, new = 1, value
        while new in self.ids:
            n += 1
            new = f"{value}-{n}"
        self.ids.add(new)
        return new

    def attrs(self, tag: str, attrs: list[tuple[str, str | None]]) -> str | None:
        out = []
        for key, value in attrs:
            if key in LOADS:
                raise PocketError(f"{self.name}: <{tag} {key}=\"{value}\"> loads a file; the pocket file must be "
                                  f"self-contained (no images or embeds in the page text)")
            if value is not None and key == "id":
                value = self.unique(anchor(self.slug, value))
            elif value is not None and key in ID_REFS:
                value = " ".join(anchor(self.slug, v) for v in value.split())
            elif value is not None and key == "href":
                value = self.link(value.strip())
                if value is None:
                    return None
            out.append(f" {key}" if value is None else f' {key}="{htmllib.escape(value)}"')
        return "".join(out)

    def handle_starttag(self, tag, attrs, closed=False):
        if self.dropping or tag in DROP:
            if tag not in VOID and not closed:
                self.dropping.append(tag)
            return
        if (h := HEADING.match(tag)):
            tag = f"h{min(int(h.group(1)) + 1, 6)}"
        rendered = self.attrs(tag, attrs)
        if rendered is None:  # an <a> to another language: keep its text
            self.unwrapped += 1
            return
        self.out.append(f"<{tag}{rendered}>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs, closed=True)

    def handle_endtag(self, tag):
        if self.dropping:
            if tag == self.dropping[-1]:
                self.dropping.pop()
            return
        if tag in VOID:
            return
        if tag == "a" and self.unwrapped:
            self.unwrapped -= 1
            return
        if (h := HEADING.match(tag)):
            tag = f"h{min(int(h.group(1)) + 1, 6)}"
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if not self.dropping:
            self.out.append(data)

    def handle_entityref(self, name):
        self.handle_data(f"&{name};")

    def handle_charref(self, name):
        self.handle_data(f"&#{name};")


def rewrite(article: str, name: str, slug: str, pages: dict[str, str], other_pages: set[str]) -> str:
    """`pages` maps site paths of this language ("en/signs.html") to slugs;
    `other_pages` holds the site paths of the other languages."""
    r = _Rewriter(name, slug, pages, other_pages)
    r.feed(article)
    r.close()
    return re.sub(r"\n{3,}", "\n\n", "".join(r.out)).strip()


def first_heading(article: str) -> str:
    m = re.search(r"<h1\b[^>]*>(.*?)</h1>", article, re.S)
    return htmllib.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip() if m else ""
