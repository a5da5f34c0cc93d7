"""Honest freshness: each entry's sources (findable documents) and last check
(`checked: {method, date, by}`), and what the site says about them in each
language, in words and a date a reader understands."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from uitweg.contacts.freshness import Check, card_line, date_in_words, summary
from uitweg.contacts.load import load_contacts
from uitweg.core import paths
from uitweg.core.languages import load_languages
from uitweg.core.problems import BuildError
from uitweg.gate.numbers import callable_numbers, judge_numbers


def find_numbers(text, table, call_words):
    """The numbers a reader could call in `text`: the table's and the refused ones."""
    return callable_numbers(judge_numbers(text, table, call_words))

LANGS = load_languages()
TABLE = load_contacts()
REAL = paths.CONTACTS.read_text(encoding="utf-8")
UI = {lang.code: lang.ui for lang in LANGS.languages}


def test_dates_in_words_per_language():
    assert date_in_words(dt.date(2026, 11, 23), UI["nl"]) == "23 november 2026"
    assert date_in_words(dt.date(2026, 11, 23), UI["en"]) == "23 November 2026"
    assert date_in_words(dt.date(2026, 11, 23), UI["fr"]) == "23 novembre 2026"
    assert date_in_words(dt.date(2027, 3, 1), UI["fr"]) == "1er mars 2027"
    assert date_in_words(dt.date(2027, 8, 1), UI["fr"]) == "1er août 2027"
    assert date_in_words(dt.date(2027, 3, 1), UI["nl"]) == "1 maart 2027"
    assert date_in_words(dt.date(2027, 2, 9), UI["en"]) == "9 February 2027"


def test_each_method_has_its_own_sentence_in_every_language():
    day = dt.date(2027, 1, 15)
    assert card_line(Check("document", day), UI["nl"]) == \
        "Uit een brondocument; vergeleken op 15 januari 2027. Nog niet bevestigd door de organisatie."
    assert card_line(Check("document", day), UI["en"]) == \
        "From a source document; compared on 15 January 2027. Not yet confirmed by the organisation."
    assert card_line(Check("phone", day, "Anna"), UI["en"]) == \
        "On 15 January 2027: confirmed by phone by the organisation."
    assert card_line(Check("organisation", day, "Anna"), UI["fr"]) == \
        "Le 15 janvier 2027 : confirmé par l'organisation elle-même."
    for lang in LANGS.languages:
        lines = {card_line(Check(m, day, "x"), lang.ui) for m in ("document", "phone", "organisation")}
        assert len(lines) == 3, lang.code
        assert all("15" in line and "2027" in line for line in lines), lang.code   # every line has its date


@pytest.mark.parametrize("method", ["document", "phone", "organisation"])
@pytest.mark.parametrize("code", ["nl", "en", "fr"])
def test_the_sentences_pass_the_number_gate(code, method):
    """The year stays clear of call words ("telefoon", "phone", "téléphone"):
    the gate that refuses unexplained digit runs finds no number in them."""
    for day in (dt.date(2026, 11, 23), dt.date(2027, 12, 1), dt.date(2099, 5, 31)):
        line = card_line(Check(method, day, "x"), UI[code])
        text = summary([Check(method, day, "x"), Check("document", day)], UI[code])
        for sample in (line, text, f"Bel 1712. {line} {text}"):
            found = [n.text for n in find_numbers(sample, TABLE, LANGS.all_call_words())
                     if not TABLE.phone_by_digits(n.digits)]
            assert found == [], sample


def test_the_real_table_says_what_was_done():
    """On 2026-11-23 every entry was compared with its source documents; nobody called.
    (A placeholder has no contact details to compare.)"""
    real = [c for c in TABLE.contacts if not c.placeholder]
    assert {(c.checked.method, c.checked.date) for c in real} == {("document", dt.date(2026, 11, 23))}
    for c in TABLE.contacts:
        assert c.sources, c.id
        for s in c.sources:
            described = s.describe()
            assert ".txt" not in described and "seed" not in described.lower(), described
    assert TABLE.get("child-focus").sources[0].describe() == "Child Focus, “Kinderprostitutie” (web page), 2021"
    assert TABLE.get("emergency").sources[0].describe().endswith("(public fact)")
    assert TABLE.get("pag-asa").sources[0].describe().startswith("publisher not stated, “Gedwongen prostitutie")


def variant(tmp_path: Path, old: str, new: str) -> BuildError:
    assert old in REAL, old
    path = tmp_path / "contacts.yml"
    path.write_text(REAL.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(BuildError) as info:
        load_contacts(path)
    return info.value


def line_of(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def test_a_phone_check_needs_who(tmp_path):
    err = variant(tmp_path, "    checked: {method: document, date: 2026-11-23}",
                  "    checked: {method: phone, date: 2026-12-01}")
    [p] = err.problems
    assert p.line == line_of(REAL, "    checked: {method: document")
    assert p.message.startswith("entry 'emergency', field 'checked': checked by phone needs `by:`, who checked")


def test_unknown_method_and_bad_date(tmp_path):
    err = variant(tmp_path, "    checked: {method: document, date: 2026-11-23}",
                  "    checked: {method: called, date: 2026-12-01}")
    assert "'called' is not allowed; use one of document, phone, organisation" in str(err)
    err = variant(tmp_path, "    checked: {method: document, date: 2026-11-23}",
                  "    checked: {method: document, date: 1/12/2026}")
    assert "entry 'emergency', field 'checked.date': '1/12/2026' is not a date; write YYYY-MM-DD" in str(err)


def test_unknown_source_and_undescribed_document(tmp_path):
    err = variant(tmp_path, "sources: [fact-112]", "sources: [fact-911]")
    assert ("entry 'emergency', field 'sources[0]': unknown source 'fact-911'; the sources at the end of "
            "data/contacts.yml are: fact-112, ") in str(err)
    err = variant(tmp_path, "    publisher: Child Focus\n", "")
    [p] = err.problems
    assert p.line == line_of(REAL, "  child-focus-child-prostitution-page:")
    assert p.message.startswith("source 'child-focus-child-prostitution-page' has no `publisher:`")


def test_the_old_fields_are_refused_with_a_pointer_to_the_schema(tmp_path):
    err = variant(tmp_path, "    sources: [fact-112]\n    checked: {method: document, date: 2026-11-23}\n",
                  '    source: "112"\n    verified: 2026-11-23\n')
    assert "missing field 'sources', 'checked'" in str(err)


def texts(page: Path, selector: str) -> list[str]:
    html = LexborHTMLParser(page.read_text(encoding="utf-8"))
    return [" ".join(n.text().split()) for n in html.css(selector)]


def test_the_site_says_how_and_when_in_each_language(site):
    total = sum(not c.placeholder for c in TABLE.contacts)
    expected = {
        "": ("Uit een brondocument; vergeleken op 23 november 2026. Nog niet bevestigd door de organisatie.",
             f"alleen vergeleken met de brondocumenten: {total} van de {total} contacten;",
             "oudste controle op 23 november 2026: vergeleken met de brondocumenten."),
        "en/": ("From a source document; compared on 23 November 2026. Not yet confirmed by the organisation.",
                f"only compared with the source documents: {total} of {total} contacts;",
                "oldest check on 23 November 2026: compared with the source documents."),
        "fr/": ("D'après un document source ; comparé le 23 novembre 2026. Pas encore confirmé par l'organisation.",
                f"seulement comparées aux documents sources : {total} sur {total} ;",
                "plus ancienne vérification le 23 novembre 2026 : comparé aux documents sources."),
    }
    for prefix, (card, count, oldest) in expected.items():
        placeholder = UI[prefix.strip("/") or "nl"]["placeholder"]
        cards = [c for c in texts(site / f"{prefix}who-can-help.html", "div.contact") if placeholder not in c]
        assert len(cards) >= total   # the directory, plus cards in the text
        assert not any(c.endswith(card) for c in cards), prefix   # said once a page, not under each card
        assert texts(site / f"{prefix}who-can-help.html", "p.uw-fresh") == [card], prefix
        about = texts(site / f"{prefix}about.html", "li")
        assert count in about and oldest in about, (prefix, about)
        assert any("0 " in li and ("(telefonisch" in li or "(by phone" in li or "(par téléphone" in li)
                   for li in about), prefix
