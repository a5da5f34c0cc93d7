"""Make every phone number of the table in a rendered page a click-to-call
link, in whatever valid writing it appears ("02/511.64.64", "+32 (0)2 …").

The page is parsed with selectolax and written back only when a number was
linked. A number split by markup (`02 <b>511</b> 64 64`) is accepted by the
checks but not linked: one link cannot span several elements."""
from __future__ import annotations

import html as htmllib
import re

from uitweg.contacts.model import ContactTable
from uitweg.core import html as H
from uitweg.gate.numbers import judge_numbers_once

ANY_DIGIT = re.compile(r"\d")
NOT_IN = {"a", "code", "pre", "title", "head", "svg", "button", "label", "option", "kbd", "samp",
          "script", "style", "template", "textarea", "select"}


def telify(html: str, table: ContactTable, call_words: frozenset[str]) -> str:
    """Wrap each number of the table that is not a link yet in
    <a href="tel:…" class="tel" dir="ltr">. Unknown numbers are left for the
    output check to report. `dir="ltr"` keeps the digits in order in a
    right-to-left page even where the site's CSS does not apply (reader
    modes, copies without the stylesheet): "02 511 64 64", never "64 64 511 02"."""
    tree = H.parse(html)
    return tree.html if telify_tree(tree, table, call_words) else html


def telify_tree(tree, table: ContactTable, call_words: frozenset[str]) -> bool:
    """telify on a parsed page, in place (the hook shares the tree with the
    output check, so each page is parsed once); True when something changed."""
    if tree.root is None:
        return False
    changed = False
    for node in list(tree.root.traverse(include_text=True)):
        if node.tag != "-text":
            continue
        text = node.text_content or ""
        if not ANY_DIGIT.search(text):
            continue   # nothing to link (\d: the digits of every script)
        hits = [f for f in judge_numbers_once(text, table, call_words) if f.known]   # the same texts on every page
        if not hits or NOT_IN.intersection(H.ancestors(node)):
            continue
        pieces, last = [], 0
        for f in hits:
            phone = table.phone_by_digits(f.digits)[1]
            pieces.append(htmllib.escape(text[last:f.start], quote=False))
            pieces.append(f'<a href="{phone.tel}" class="tel" dir="ltr">{htmllib.escape(text[f.start:f.end], quote=False)}</a>')
            last = f.end
        pieces.append(htmllib.escape(text[last:], quote=False))
        H.replace_with_html(node, "".join(pieces))
        changed = True
    return changed
