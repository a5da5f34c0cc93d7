"""Read HTML as a browser does, with one parser: selectolax (Lexbor), a
WHATWG-conformant HTML5 parser. Entities, unquoted or single-quoted
attributes, comments and broken markup are read exactly as a browser reads
them, so a check cannot be fooled by a way of writing that a home-made
pattern did not expect; and it is fast (C), which keeps the build quick.

- `blocks`: the text a reader sees, one piece per block, across inline
  children (`02 <b>511</b> 64 65` is one text "02 511 64 65"); a `<br>` is
  LINE_BREAK, the newlines of the source stay (a browser shows them as spaces);
- `children`: the direct children of a node;
- `attributes`: every attribute of every element, entities decoded;
- `comments`: the text of every comment;
- `text_nodes`: every text node with the elements around it;
- `located_attributes`: chosen attributes with their lines (`link_attributes`:
  every attribute that links or loads); `start_tag_lines`: lines of one tag;
- `line_of`: a best-effort line of a value in the raw HTML, for messages;
- `STYLE_ELEMENT`: <style> elements exactly as written (their raw text).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Elements whose content a reader never sees as text.
HIDDEN = {"script", "style", "template"}
# Phrasing elements: their text runs on with the text around them.
INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins",
          "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u",
          "var", "wbr", "font", "big", "tt", "strike", "nobr", "label", "output"}


@dataclass(frozen=True)
class Block:
    text: str
    inside: frozenset[str]     # names of the elements around any part of it
    tag: str                   # the block element that holds it


def parse(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(html)


def ancestors(node: LexborNode) -> list[str]:
    names = []
    p = node.parent
    while p is not None and p.tag not in ("-undef", "html", None):
        names.append(p.tag)
        p = p.parent
    return names


def children(node: LexborNode) -> Iterator[LexborNode]:
    """The direct children of a node (elements, text, comments), in order."""
    child = node.child
    while child is not None:
        yield child
        child = child.next


# What a <br> is in a block's text: a line break a reader sees, unlike the
# newlines of the source, which a browser shows as spaces.
LINE_BREAK = "\u2028"


def blocks(tree: LexborHTMLParser | str) -> Iterator[Block]:
    """The visible text of the document, one Block per block element, with
    inline children joined as a reader sees them. <title> is a block too."""
    if isinstance(tree, str):
        tree = parse(tree)
    root = tree.root
    if root is None:
        return
    parts: list[str] = []
    inside: set[str] = set()
    holder = ["html"]
    # The elements around the current node (cheaper than ancestors()). Every
    # element still open was already added to `inside` at the last text,
    # unless one was opened since (`opened`): only then is it added again.
    open_tags: list[str] = []
    opened = True

    def flush():
        text = "".join(parts)
        if text.strip():
            yield Block(text, frozenset(inside - {"html", "-undef", None}), holder[0])
        parts.clear()
        inside.clear()

    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag
        if closing:
            open_tags.pop()
            if tag not in INLINE:
                yield from flush()
                opened = True
            continue
        if tag == "-text":
            parts.append(node.text_content or "")
            if opened:
                inside.update(open_tags)
                opened = False
            continue
        if tag in ("-comment", "-doctype") or tag in HIDDEN:
            continue
        if tag not in INLINE:
            yield from flush()
            holder[0] = tag
        if tag in ("br", "hr"):
            parts.append(LINE_BREAK)
        elif tag in ("img", "input"):
            parts.append(" ")
        stack.append((node, True))
        open_tags.append(tag)
        opened = True
        kids = []
        child = node.child
        while child is not None:
            kids.append((child, False))
            child = child.next
        kids.reverse()
        stack += kids
    yield from flush()


def elements(tree: LexborHTMLParser | str) -> Iterator[LexborNode]:
    """Every element of the document (head and body), in order."""
    if isinstance(tree, str):
        tree = parse(tree)
    if tree.root is None:
        return
    yield from (n for n in tree.root.traverse(include_text=False) if not n.tag.startswith("-"))


def attributes(tree: LexborHTMLParser | str) -> Iterator[tuple[str, str, str]]:
    """(tag, attribute, value) for every attribute, entities decoded."""
    for node in elements(tree):
        for name, value in node.attributes.items():
            yield node.tag, name.lower(), value or ""


def comments(tree: LexborHTMLParser | str) -> Iterator[str]:
    if isinstance(tree, str):
        tree = parse(tree)
    if tree.root is None:
        return
    for node in tree.root.traverse(include_text=True):
        if node.tag == "-comment":
            yield node.comment_content or ""


def line_of(html: str, needle: str) -> int | None:
    """Line of the first occurrence of `needle` in `html`, or None."""
    if not needle:
        return None
    pos = html.find(needle)
    if pos < 0:
        pos = html.lower().find(needle.lower())
    return html.count("\n", 0, pos) + 1 if pos >= 0 else None


@dataclass(frozen=True)
class TextNode:
    text: str
    inside: frozenset[str]     # names of the elements around it


def text_nodes(tree: LexborHTMLParser | str) -> Iterator[TextNode]:
    """Every text node a reader sees (not in script, style or template,
    not a comment), with the names of the elements around it."""
    if isinstance(tree, str):
        tree = parse(tree)
    if tree.root is None:
        return
    for node in tree.root.traverse(include_text=True):
        if node.tag == "-text":
            around = frozenset(ancestors(node))
            if not around & HIDDEN:
                yield TextNode(node.text_content or "", around)


_NOT_MARKUP = re.compile(r"<!--.*?(?:-->|$)|<(script|style)\b[^>]*>(.*?)(?=</\1\s*>)", re.S | re.IGNORECASE)


def _blank(m: re.Match) -> str:
    """A comment, or the body of a script or style, as spaces (newlines kept)."""
    keep = m.group(0)[: m.start(2) - m.start()] if m.group(1) else ""
    return keep + re.sub(r"[^\n]", " ", m.group(0)[len(keep):])


# <style> elements as written: (open tag, raw text, close tag). The raw text
# is what a CSP hash covers (uitweg/postbuild/csp.py) and what a copy for the
# HTML checker may blank (uitweg/quality/html_valid.py); it holds no markup, so
# the first </style ends it, as in a browser.
STYLE_ELEMENT = re.compile(r"(<style\b[^>]*>)(.*?)(</style\s*>)", re.S | re.IGNORECASE)

# Attributes that make a browser follow or fetch an address.
LINK_ATTRIBUTES = ("href", "src", "srcset", "action", "poster", "data", "formaction")


def located_attributes(html: str, wanted: Callable[[str], bool]) -> Iterator[tuple[int, str, str, str]]:
    """(line, tag, attribute, value) of every attribute whose lower-case name
    `wanted` accepts, its value as a browser reads it (entities decoded).
    Lines are found by walking the source in document order: exact for markup
    a parser does not reorder."""
    tree = parse(html)
    html = _source_markup(html)
    pos = 0
    for node in elements(tree):
        found = [(n.lower(), v or "") for n, v in node.attributes.items() if wanted(n.lower())]
        if not found:
            continue
        alternatives = "|".join(re.escape(n) for n, _ in found)
        start = re.compile(rf"<{re.escape(node.tag)}\b[^>]*?\s(?:{alternatives})\s*=", re.IGNORECASE).search(html, pos)
        for name, value in found:
            at = re.compile(rf"\s{re.escape(name)}\s*=", re.IGNORECASE).search(html, start.start()) if start else None
            line = html.count("\n", 0, at.start() + 1) + 1 if at else (line_of(html, value) or 1)
            yield line, node.tag, name, value
        if start:
            pos = start.start() + 1


def link_attributes(html: str, names: tuple[str, ...] = LINK_ATTRIBUTES) -> Iterator[tuple[int, str, str, str]]:
    """(line, tag, attribute, value) of every attribute in `names` (by default
    every attribute that links or loads): `located_attributes`."""
    return located_attributes(html, lambda name: name in names)


def start_tag_lines(html: str, tag: str) -> list[int]:
    """The line of each <tag> start tag in the source, in order: the n-th is
    the n-th such element of the parsed page, for elements a parser neither
    implies nor reorders (script, style)."""
    source = _source_markup(html)
    return [source.count("\n", 0, m.start()) + 1 for m in re.finditer(rf"<{re.escape(tag)}\b", source, re.IGNORECASE)]


def _source_markup(html: str) -> str:
    """A copy where comments and script/style bodies are blanked (same length,
    same lines), so markup inside them is never taken for an element."""
    return _NOT_MARKUP.sub(_blank, html)


def replace_with_html(node: LexborNode, markup: str) -> None:
    """Put the nodes parsed from `markup` where `node` is, and drop `node`
    (a text node that telify or the direction step rewrites)."""
    child = parse("<body>" + markup + "</body>").body.child
    while child is not None:
        nxt = child.next
        node.insert_before(child)
        child = nxt
    node.remove()
