"""Validation of the contact table: every kind of bad entry and its message."""
from pathlib import Path

import pytest

from uitweg.contacts.load import load_contacts
from uitweg.core import paths
from uitweg.core.problems import BuildError

GOOD = paths.CONTACTS.read_text(encoding="utf-8")


def load_variant(tmp_path: Path, old: str, new: str, count: int = 1) -> BuildError:
    assert old in GOOD, old
    bad = tmp_path / "contacts.yml"
    bad.write_text(GOOD.replace(old, new, count), encoding="utf-8")
    with pytest.raises(BuildError) as info:
        load_contacts(bad)
    return info.value


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_real_table_is_valid():
    table = load_contacts()
    assert {"emergency", "police", "line-1712", "child-focus", "pag-asa", "payoke", "surya"} <= set(table.ids)
    assert table.get("pag-asa").phones[0].tel == "tel:+3225116464"
    assert table.get("line-1712").phones[0].tel == "tel:1712"


def test_malformed_number_names_entry_field_and_line(tmp_path):
    err = load_variant(tmp_path, '"03 201 16 90"', '"03 201 16 9"')
    [p] = err.problems
    assert p.file.endswith("contacts.yml")
    assert p.line == line_of(GOOD, '"03 201 16 90"')
    assert "entry 'payoke', field 'phones[0].number'" in p.message
    assert "not a valid Belgian phone number" in p.message


def test_number_not_written_nationally(tmp_path):
    err = load_variant(tmp_path, 'number: "02 511 64 64"', 'number: "+32 2 511 64 64"')
    assert "entry 'pag-asa'" in str(err) and "write it nationally" in str(err)


def test_unknown_short_number(tmp_path):
    err = load_variant(tmp_path, 'number: "1712"', 'number: "1721"')
    assert "entry 'line-1712'" in str(err) and "not a Belgian short number" in str(err)


def test_missing_field(tmp_path):
    err = load_variant(tmp_path, '    sources: [child-focus-child-prostitution-page]\n', "")
    [p] = err.problems
    assert "entry 'child-focus'" in p.message and "missing field 'sources'" in p.message


def test_bad_email(tmp_path):
    err = load_variant(tmp_path, '"admin@payoke.be"', '"admin(at)payoke.be"')
    assert "entry 'payoke', field 'emails[0]'" in str(err) and "not an e-mail address" in str(err)


def test_bad_url_and_tracking(tmp_path):
    err = load_variant(tmp_path, 'websites: []\n    sources: [child-focus', 'websites: ["http://childfocus.example/?utm_source=x"]\n    sources: [child-focus')
    assert "entry 'child-focus', field 'websites[0]'" in str(err) and "https://" in str(err)


def test_duplicate_id(tmp_path):
    err = load_variant(tmp_path, "id: payoke", "id: pag-asa")
    assert "duplicate id 'pag-asa'" in str(err)


def test_missing_translation(tmp_path):
    err = load_variant(tmp_path, '    name:\n      nl: "Payoke"\n      en: "Payoke"\n      fr: "Payoke"\n', '    name:\n      nl: "Payoke"\n      en: "Payoke"\n')
    assert "entry 'payoke', field 'name'" in str(err) and "no 'fr' text" in str(err)


def test_bad_kind_and_date(tmp_path):
    bad = GOOD.replace("kind: legal-aid\n    name:\n      nl: \"Juridische eerstelijnsbijstand\"", "kind: lawyers\n    name:\n      nl: \"Juridische eerstelijnsbijstand\"")
    bad = bad.replace("    checked: {method: document, date: 2026-11-23}", "    checked: {method: document, date: 23/11/2026}", 1)
    path = tmp_path / "contacts.yml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(BuildError) as info:
        load_contacts(path)
    text = str(info.value)
    assert "'lawyers' is not allowed" in text and "entry 'legal-aid'" in text


def test_all_problems_reported_at_once(tmp_path):
    bad = GOOD.replace('"03 201 16 90"', '"03 201 16 9"').replace('"info@pag-asa.be"', '"info@"').replace("id: surya", "id: payoke")
    path = tmp_path / "contacts.yml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(BuildError) as info:
        load_contacts(path)
    assert len(info.value.problems) == 3
    assert str(info.value).startswith("The contact table")


def test_same_number_twice(tmp_path):
    err = load_variant(tmp_path, '"09 332 80 80"', '"02 535 45 42"')
    assert "already listed under 'zsg-brussels'" in str(err)
