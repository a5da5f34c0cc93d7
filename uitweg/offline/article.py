"""Take a built page's article and make it a section of a one-file page:
ids get the page slug as prefix (unique in the file), links to pages of the
same language become in-file anchors, headings move one level down (the file
has one h1 of its own)."""
from __future__ import annotations

import html as htmllib
import posixpath
import re
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborNode

from uitweg.core import html as H
from uitweg.gate.links import is_external

HEADING = re.compile(r"^h([1-6])$")
DROP = {"script", "style", "template", "noscript", "iframe", "object", "embed", "form"}
LOADS = {"src", "srcset", "poster", "data", "action", "formaction", "background"}
ID_REFS = {"for", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "headers", "list"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class PocketError(Exception):
    pass


def article_html(page: str, name: str) -> str:
    """The inside of the page's <article class="md-content__inner">, as HTML."""
    article = H.parse(page).css_first("article.md-content__inner")
    if article is None:
        raise PocketError(f"{name}: no <article class=\"md-content__inner\"> found; did the page template change?")
    return article.inner_html or ""


def anchor(slug: str, fragment: str = "") -> str:
    """In-file id of a page ("signs") or of an id on it ("signs--indicators")."""
    return f"{slug}--{fragment}" if fragment else slug


class _Rewriter:
    """Writes an article's tree out again (read by uitweg.core.html, as a
    browser reads it), changed for the one-file page."""

    def __init__(self, name: str, slug: str, pages: dict[str, str], other_pages: set[str]):
        self.name, self.slug, self.pages, self.other = name, slug, pages, other_pages
        self.out: list[str] = []
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

    def attrs(self, tag: str, attrs: dict[str, str | None]) -> str | None:
        out = []
        for key, value in attrs.items():
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

    def write(self, node: LexborNode) -> None:
        tag = node.tag
        if tag == "-text":
            # Escaped as the HTML serialisation does (no-break space as &nbsp;).
            self.out.append(htmllib.escape(node.text_content or "", quote=False).replace("\xa0", "&nbsp;"))
            return
        if tag.startswith("-") or tag in DROP:   # comments, and what a pocket file must not carry
            return
        if (h := HEADING.match(tag)):
            tag = f"h{min(int(h.group(1)) + 1, 6)}"
        rendered = self.attrs(tag, node.attributes)
        if rendered is None:  # an <a> to another language: keep its text
            for child in H.children(node):
                self.write(child)
            return
        self.out.append(f"<{tag}{rendered}>")
        if tag in VOID:
            return
        for child in H.children(node):
            self.write(child)
        self.out.append(f"</{tag}>")


def rewrite(article: str, name: str, slug: str, pages: dict[str, str], other_pages: set[str]) -> str:
    """`pages` maps site paths of this language ("en/signs.html") to slugs;
    `other_pages` holds the site paths of the other languages."""
    r = _Rewriter(name, slug, pages, other_pages)
    body = H.parse(f"<body>{article}</body>").body
    for child in H.children(body) if body is not None else ():
        r.write(child)
    return re.sub(r"\n{3,}", "\n\n", "".join(r.out)).strip()


def first_heading(article: str) -> str:
    h1 = H.parse(f"<body>{article}</body>").css_first("h1")
    return h1.text(deep=True).strip() if h1 is not None else ""
