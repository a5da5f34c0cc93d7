"""Contact cards and the directory (uitweg/render/shortcodes.py): how fresh
the numbers are is said once a page, the entries without a phone number come
last under one heading that says what to do instead, and a contact whose card
the page already shows is not described twice."""
from __future__ import annotations

import re

from gate_table import TABLE as MADE_UP  # a test-only table: every description is "x"

from uitweg.contacts.freshness import card_line
from uitweg.contacts.load import load_contacts
from uitweg.core.languages import load_languages
from uitweg.render.shortcodes import FRESH_MARK, expand, md_text

TABLE = load_contacts()
LANGS = load_languages()


def oldest_line(contacts, code: str) -> str:
    return md_text(card_line(min((c.checked for c in contacts if not c.placeholder), key=lambda c: c.date),
                             LANGS.get(code).ui))


def test_freshness_is_said_once_after_the_last_card():
    en = LANGS.get("en")
    with_phone = [c for c in TABLE.contacts if c.phones][:2]
    out = expand(f"[[card:{with_phone[0].id}]]\n\ntext\n\n[[card:{with_phone[1].id}]]\n\nend\n", TABLE, en)
    line = oldest_line(with_phone, "en")
    assert out.count(line) == 1 and FRESH_MARK not in out
    assert out.index(line) > out.index(md_text(with_phone[1].description["en"])) and out.index(line) < out.index("end")
    assert line not in expand("no cards here", TABLE, en)


def test_the_directory_puts_entries_without_a_phone_last_and_says_once_how_fresh():
    for lang in LANGS.languages:
        out = expand("[[directory]]", TABLE, lang)
        line = oldest_line(TABLE.contacts, lang.code)
        assert out.count(line) == 1 and out.index(line) < out.index("{#contact-")
        anchors = re.findall(r"\{#contact-([a-z0-9-]+)[ }]", out)
        assert sorted(anchors) == sorted(c.id for c in TABLE.contacts)
        rest = out.index("{#no-phone}")
        for c in TABLE.contacts:
            at = out.index(f"{{#contact-{c.id} ")
            assert (at > rest) == (not c.phones), c.id
        assert out.count(md_text(lang.ui["no_contact"])) == 1   # what to do instead, once
        ids = re.findall(r"\{#([a-z0-9-]+)\}", out) + re.findall(r' id="([a-z0-9-]+)"', out)
        assert len(ids) == len(set(ids)), "an anchor twice"
        assert "legal-aid" in ids   # pages link to #legal-aid


def test_a_contact_carded_on_the_page_is_not_described_again_in_the_directory():
    en = LANGS.get("en")
    c = next(c for c in TABLE.contacts if c.phones)
    description = md_text(c.description["en"])
    assert expand("[[directory]]", TABLE, en).count(description) == 1
    assert expand(f"[[card:{c.id}]]\n\n[[directory]]", TABLE, en).count(description) == 1


def test_cards_in_a_row_with_the_same_description_say_it_once():
    """The three care centres: name and number each, their shared description
    once, so a phone screen is not filled with the same lines three times."""
    import dataclasses

    en = LANGS.get("en")
    three = "[[card:harbour]]\n\n[[card:lighthouse]]\n\n[[card:riverside]]\n"
    out = expand(three, MADE_UP, en)
    assert out.count("\nx\n") == 1 and all(name in out for name in ("Harbour House", "Lighthouse", "Riverside"))
    # Apart (text between them), or with another description between, each card says it.
    assert expand(three.replace("\n\n[[card:l", "\n\nsome text\n\n[[card:l"), MADE_UP, en).count("\nx\n") == 2
    other = dataclasses.replace(MADE_UP.get("lighthouse"), description={"en": "y"})
    table = type(MADE_UP)([other if c.id == "lighthouse" else c for c in MADE_UP.contacts], MADE_UP.quick_exit)
    assert expand(three, table, en).count("\nx\n") == 2
