"""Drop the CSS rules that cannot match anything the site shows.

Material's stylesheet (~19 KB brotli) styles every extension it supports;
the site uses a small part. A rule is kept when every class, id, element
and attribute its selector names appears in a built page, or in a script
the site ships (Material's bundle adds classes such as md-search-result__item
or md-dialog--active at runtime; their names are in its code). Pseudo-classes
and the insides of :not()/:is()/:where()/:has() are not required, so hover,
focus and checked states stay. Custom properties (--md-…) that no kept rule
reads are dropped too: most of Material's size is inline SVG icons held in them.

The test of success is the browser: tests/browser/test_nojs.py and test_quick_exit.py
look at the trimmed site in Chromium.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from fnmatch import fnmatchcase

import tinycss2
from tinycss2 import ast

from uitweg.core import html

# Words a script could use as a class, id, tag or attribute value.
SCRIPT_WORD = re.compile(r"[A-Za-z_][\w-]*")
VAR_REF = re.compile(r"var\(\s*(--[\w-]+)")


@dataclass
class Usage:
    """What the built pages, our own scripts and the safelist can put in the DOM."""
    tags: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    attrs: set[str] = field(default_factory=set)
    values: set[tuple[str, str]] = field(default_factory=set)
    words: set[str] = field(default_factory=set)     # from our own small scripts
    keep: dict[str, list[str]] = field(default_factory=dict)   # data/css_keep.yml

    def add_html(self, page: str) -> None:
        """Elements and attributes as a browser reads them (uitweg.core.html)."""
        tree = html.parse(page)
        for node in html.elements(tree):
            self.tags.add(node.tag)
        for _tag, name, value in html.attributes(tree):
            self.attrs.add(name)
            self.values.add((name, value))
            if name == "class":
                self.classes.update(value.split())
            elif name == "id":
                self.ids.add(value)

    def add_script(self, js: str) -> None:
        self.words.update(SCRIPT_WORD.findall(js))

    def _kept(self, kind: str, name: str) -> bool:
        return any(fnmatchcase(name, pattern) for pattern in self.keep.get(kind, ()))

    def has(self, kind: str, name: str, value: str | None = None) -> bool:
        if kind == "value":   # [attr=value]: the pair occurs, or is kept
            return (name, value) in self.values or self._kept("values", f"{name}={value}")
        found = {"tag": self.tags, "class": self.classes, "id": self.ids, "attr": self.attrs}[kind]
        plural = {"tag": "tags", "class": "classes", "id": "ids", "attr": "attributes"}[kind]
        return name in found or name in self.words or self._kept(plural, name)


def _requirements(selector: list) -> Iterable[tuple[str, str, str | None]]:
    """(kind, name, value) for each simple selector a match would need."""
    tokens = [t for t in selector if t.type != "comment"]
    prev = None
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "literal" and tok.value == ":":
            # pseudo-class/element: skip it and any argument list
            i += 1
            while i < len(tokens) and tokens[i].type == "literal" and tokens[i].value == ":":
                i += 1
            prev = tokens[i] if i < len(tokens) else None
            i += 1
            continue
        if tok.type == "literal" and tok.value == "." and i + 1 < len(tokens) and tokens[i + 1].type == "ident":
            yield "class", tokens[i + 1].value, None
            i += 2
            prev = tokens[i - 1]
            continue
        if tok.type == "hash":
            yield "id", tok.value, None
        elif tok.type == "ident" and (prev is None or prev.type in ("whitespace", "literal")):
            if not (prev is not None and prev.type == "literal" and prev.value in (".", ":")):
                yield "tag", tok.value.lower(), None
        elif tok.type == "[] block":
            parts = [t for t in tok.content if t.type not in ("whitespace", "comment")]
            if parts and parts[0].type == "ident":
                name = parts[0].value.lower()
                ops = "".join(t.value for t in parts[1:] if t.type == "literal")
                values = [t.value for t in parts[1:] if t.type in ("ident", "string")]
                if ops == "=" and values:
                    yield "value", name, values[0]
                else:
                    yield "attr", name, None
        prev = tok
        i += 1


def _split_selectors(prelude: list) -> list[list]:
    selectors, current = [], []
    for tok in prelude:
        if tok.type == "literal" and tok.value == ",":
            selectors.append(current)
            current = []
        else:
            current.append(tok)
    selectors.append(current)
    return selectors


def _can_match(selector: list, usage: Usage) -> bool:
    return all(usage.has(kind, name, value) for kind, name, value in _requirements(selector))


def _declarations(block: list) -> list[ast.Declaration]:
    items = tinycss2.parse_blocks_contents(block, skip_comments=True, skip_whitespace=True)
    nested = [i for i in items if i.type not in ("declaration", "error")]
    if nested:   # CSS nesting: not used by Material 9; refuse rather than drop rules silently
        raise ValueError(f"nested CSS rule at line {nested[0].source_line}: css_trim does not handle nesting")
    return [i for i in items if i.type == "declaration"]


@dataclass
class _Rule:
    prelude: str
    decls: list[ast.Declaration]


def _walk(rules: list, usage: Usage) -> list:
    """Kept rules as a tree: _Rule, ('@media …', [children]) or raw text."""
    out: list = []
    for rule in rules:
        if rule.type == "qualified-rule":
            kept = [s for s in _split_selectors(rule.prelude) if _can_match(s, usage)]
            if kept:
                prelude = ",".join(tinycss2.serialize(s).strip() for s in kept)
                out.append(_Rule(prelude, _declarations(rule.content)))
        elif rule.type == "at-rule":
            head = f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}".rstrip()
            if rule.lower_at_keyword in ("media", "supports", "layer", "container") and rule.content is not None:
                children = _walk(tinycss2.parse_rule_list(rule.content), usage)
                if children:
                    out.append((head, children))
            else:
                out.append((rule.lower_at_keyword, rule))
    return out


def _rules(tree: list) -> Iterable[_Rule]:
    for item in tree:
        if isinstance(item, _Rule):
            yield item
        elif isinstance(item, tuple) and isinstance(item[1], list):
            yield from _rules(item[1])


def _value(decl: ast.Declaration) -> str:
    return tinycss2.serialize(decl.value).strip()


def _used_properties(tree: list, usage: Usage) -> set[str]:
    """Custom properties read by a kept declaration, directly or through others."""
    defined: dict[str, list[str]] = {}
    used: set[str] = {w for w in usage.words if w.startswith("--")}
    for rule in _rules(tree):
        for d in rule.decls:
            refs = VAR_REF.findall(_value(d))
            if d.name.startswith("--"):
                defined.setdefault(d.name, []).extend(refs)
            else:
                used.update(refs)
    todo = list(used)
    while todo:
        for ref in defined.get(todo.pop(), []):
            if ref not in used:
                used.add(ref)
                todo.append(ref)
    return used


def _keyframes_used(tree: list) -> set[str]:
    names: set[str] = set()
    for rule in _rules(tree):
        for d in rule.decls:
            if d.lower_name in ("animation", "animation-name"):
                names.update(SCRIPT_WORD.findall(_value(d)))
    return names


def _serialize(tree: list, used: set[str], keyframes: set[str]) -> str:
    out = []
    for item in tree:
        if isinstance(item, _Rule):
            decls = [f"{d.name}:{_value(d)}{'!important' if d.important else ''}" for d in item.decls
                     if not d.name.startswith("--") or d.name in used]
            if decls:
                out.append(f"{item.prelude}{{{';'.join(decls)}}}")
        elif isinstance(item[1], list):
            inner = _serialize(item[1], used, keyframes)
            if inner:
                out.append(f"{item[0]}{{{inner}}}")
        else:
            keyword, rule = item
            if keyword == "keyframes" and tinycss2.serialize(rule.prelude).strip() not in keyframes:
                continue
            out.append(rule.serialize())
    return "".join(out)


def trim_css(css: str, usage: Usage) -> str:
    """`css` without the rules and custom properties the site cannot use."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    charset = [r for r in rules if r.type == "at-rule" and r.lower_at_keyword == "charset"]
    tree = _walk([r for r in rules if r not in charset], usage)
    return _serialize(tree, _used_properties(tree, usage), _keyframes_used(tree))
