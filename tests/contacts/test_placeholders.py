"""Placeholders in the contact table (`placeholder: true`): listed for the
release check, shown on their card as "not filled in yet", and never holding
a number, e-mail or website. Tested on small tables written here, not on the
state of data/contacts.yml."""
from __future__ import annotations

from pathlib import Path

import pytest

from uitweg.contacts.freshness import Check, card_line
from uitweg.contacts.load import load_contacts
from uitweg.contacts.placeholders import main, placeholder_entries
from uitweg.core.languages import load_languages
from uitweg.core.problems import BuildError
from uitweg.render.shortcodes import card, md_text

LANGS = load_languages()


def entry(cid: str, placeholder: bool, emails: str = "[]") -> str:
    texts = "\n".join(f"      {code}: \"{cid} {code}\"" for code in LANGS.codes)
    return (f"  - id: {cid}\n    kind: site\n" + ("    placeholder: true\n" if placeholder else "") +
            f"    name:\n{texts}\n    description:\n{texts}\n    region: null\n    phones: []\n"
            f"    emails: {emails}\n    websites: []\n    sources: [own]\n"
            "    checked: {method: document, date: 2026-12-06}\n")


def table(tmp_path: Path, *entries: str) -> Path:
    exits = "\n".join(f"  {code}: \"https://www.meteo.be/en/belgium\"" for code in LANGS.codes)
    path = tmp_path / "contacts.yml"
    path.write_text("contacts:\n" + "".join(entries) + f"quick_exit:\n{exits}\n"
                    "sources:\n  own:\n    title: \"this site\"\n    kind: \"own contact\"\n"
                    "    publisher: null\n    year: null\n", encoding="utf-8")
    return path


def test_each_placeholder_is_listed_at_its_line(tmp_path):
    path = table(tmp_path, entry("filled", False, '["team@example.be"]'), entry("to-fill", True))
    problems = placeholder_entries(load_contacts(path, LANGS))
    assert [p.message.split(" is still")[0] for p in problems] == ["entry 'to-fill'"]
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[problems[0].line - 1].strip() == "placeholder: true"
    assert "remove `placeholder: true`" in problems[0].message


def test_no_placeholder_no_problem_and_exit_codes(tmp_path, capsys):
    filled = table(tmp_path, entry("filled", False, '["team@example.be"]'))
    assert placeholder_entries(load_contacts(filled, LANGS)) == []
    assert main([str(filled)]) == 0
    (tmp_path / "b").mkdir()
    waiting = table(tmp_path / "b", entry("to-fill", True))
    assert main([str(waiting)]) == 1
    assert "entry 'to-fill' is still a placeholder" in capsys.readouterr().err


def test_a_placeholder_may_hold_no_address(tmp_path):
    with pytest.raises(BuildError) as info:
        load_contacts(table(tmp_path, entry("to-fill", True, '["team@example.be"]')), LANGS)
    assert "a placeholder holds no phone number, e-mail or website" in str(info.value)


def test_the_card_says_not_filled_in_and_claims_no_check(tmp_path):
    contact = load_contacts(table(tmp_path, entry("to-fill", True)), LANGS).get("to-fill")
    for lang in LANGS.languages:
        out = card(contact, lang)
        assert md_text(lang.ui["placeholder"]) in out and md_text(lang.ui["no_contact"]) not in out, lang.code
        for method in ("document", "phone", "organisation"):   # no freshness line of any kind
            assert card_line(Check(method, contact.checked.date, "x"), lang.ui) not in out, (lang.code, method)
