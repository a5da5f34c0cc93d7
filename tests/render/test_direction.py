"""Latin names inside right-to-left text are isolated (uitweg/render/direction.py)."""
from __future__ import annotations

from uitweg.core.html import parse
from uitweg.render.direction import isolate_latin_tree


def isolated(body: str) -> str:
    tree = parse(f"<html><body dir='rtl'>{body}</body></html>")
    isolate_latin_tree(tree)
    return tree.body.html


def test_latin_names_are_isolated_with_their_parentheses_outside():
    out = isolated("<p>مركز (PAG-ASA) في بروكسل (Brussel) و Centrum Algemeen Welzijnswerk.</p>")
    assert "(<bdi>PAG-ASA</bdi>)" in out and "(<bdi>Brussel</bdi>)" in out
    assert "<bdi>Centrum Algemeen Welzijnswerk.</bdi>" in out


def test_phone_links_code_and_ltr_parts_are_left_alone():
    body = ('<p><a class="tel" href="tel:112">Call 112</a> <code>abc</code> <span dir="ltr">Payoke</span>'
            ' <bdi>Sürya</bdi></p>')
    assert isolated(body) == f"<body dir=\"rtl\">{body}</body>"


def test_arabic_only_text_is_unchanged():
    assert "<bdi>" not in isolated("<p>هناك مساعدة من أجلك</p>")
