"""Integration: real strict `mkdocs build`s of the site and of broken copies."""
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from builds import RIGHT_NUMBERS

from conftest import ROOT, copy_project, mkdocs_build
from uitweg.contacts.load import load_contacts
from uitweg.core.languages import load_languages
from uitweg.gate.numbers import callable_numbers, judge_numbers
from uitweg.offline import signing
from uitweg.quality.settings import load_gates


def find_numbers(text, table, call_words):
    """The numbers a reader could call in `text`: the table's and the refused ones."""
    return callable_numbers(judge_numbers(text, table, call_words))

TABLE = load_contacts()
LANGS = load_languages()
SEEDS = ROOT / load_gates()["audit"]["seeds"]  # copies in the repository: a clone tests alone


def lang_root(site: Path, code: str) -> Path:
    return site if code == LANGS.default.code else site / code


def pages_of(site: Path, code: str) -> set[str]:
    root = lang_root(site, code)
    others = {lang.code for lang in LANGS.languages} - {code}
    return {str(p.relative_to(root)) for p in root.rglob("*.html")
            if p.name != "404.html" and p.relative_to(root).parts[0] not in others}


def test_every_language_has_the_same_pages(site):
    sets = {lang.code: pages_of(site, lang.code) for lang in LANGS.languages}
    assert len(sets["nl"]) >= 12
    for code, pages in sets.items():
        assert pages == sets["nl"], f"{code} differs: {pages ^ sets['nl']}"


def test_every_page_has_its_language_and_links_to_the_others(site):
    for lang in LANGS.languages:
        root = lang_root(site, lang.code)
        for name in pages_of(site, lang.code):
            html = (root / name).read_text(encoding="utf-8")
            assert f'<html lang="{lang.code}"' in html, f"{lang.code}/{name}"
            for other in LANGS.languages:
                if other.code != lang.code:
                    assert re.search(rf'<a href="[^"]*{re.escape(name)}" hreflang="{other.code}"', html), \
                        f"{lang.code}/{name} has no plain link to the {other.code} version"


def seed_contacts():
    """Every phone number and e-mail address in the seed documents."""
    seeds = sorted(SEEDS.glob("*.txt"))
    assert seeds, f"no seed documents in {SEEDS}: data/seeds/ holds the documents the table was built from"
    numbers, emails = set(), set()
    for seed in seeds:
        text = seed.read_text(encoding="utf-8")
        numbers |= {n.digits for n in find_numbers(text, TABLE, LANGS.all_call_words())}
        emails |= set(re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+", text))
    return numbers, emails


def test_every_seed_number_and_email_is_a_link_in_every_language(site):
    numbers, emails = seed_contacts()
    assert {"025116464", "032011690", "1712", "116000", "101"} <= numbers
    assert {"info@pag-asa.be", "admin@payoke.be"} <= emails
    for lang in LANGS.languages:
        html = "".join(p.read_text(encoding="utf-8") for p in lang_root(site, lang.code).glob("*.html"))
        for digits in numbers:
            contact, phone = TABLE.phone_by_digits(digits)
            assert f'href="{phone.tel}"' in html, f"{phone.number} ({contact.id}) is no tel: link in {lang.code}"
        for email in emails:
            assert f'href="mailto:{email}"' in html, f"{email} is no mailto: link in {lang.code}"


def test_no_number_outside_a_tel_link(site, html_pages):
    """Every number in the text of a page is inside a click-to-call link."""
    from uitweg.core.html import text_nodes
    for page in html_pages:
        html = signing.mask_fingerprints(page.read_text(encoding="utf-8"))   # base64 of the key, not a number
        for t in text_nodes(html):
            if {"a", "title", "head"} & t.inside:
                continue
            found = find_numbers(t.text, TABLE, LANGS.all_call_words())
            assert not found, f"{page}: {found[0].text} is not a tel: link"


@pytest.fixture()
def project(tmp_path):
    """A copy with Dutch and French (the tests below break the table or a
    French page; more languages would only cost build time)."""
    return copy_project(tmp_path / "project", languages=("nl", "fr"))


def replace_in(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@dataclass
class Planted:
    stderr: str
    returncode: int
    lines: dict[str, int]    # what was planted -> its line in its page


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> Planted:
    """One copy with four slips planted in different files, one strict build:
    the gate reports every problem of every page together, so each test
    below reads its own line of the same report (one build instead of four).
    The copy keeps the three languages the slips are planted in."""
    tmp = tmp_path_factory.mktemp("planted")
    project = copy_project(tmp / "project", languages=("nl", "en", "fr"))
    lines = {}
    for name, rel, added in (("wrong digit", "docs/en/signs.md", "Call Payoke on 03 201 16 09."),
                             ("short slip", "docs/nl/about.md", "Bel 1721 als je twijfelt."),
                             ("link", "docs/fr/about.md", "[Météo](https://www.meteo.be/fr/belgiqe)")):
        page = project / rel
        text = page.read_text(encoding="utf-8")
        page.write_text(text + f"\n{added}\n", encoding="utf-8")
        lines[name] = text.count("\n") + 2
    # The last gate reads the finished page, template parts included.
    replace_in(project / "overrides" / "main.html", "{% block footer %}{% endblock %}",
               "{% block footer %}<p>Bel 02 511 64 46</p>{% endblock %}")
    result = mkdocs_build(project, tmp / "out", check=False)
    return Planted(result.stderr, result.returncode, lines)


def test_one_wrong_digit_fails_and_names_file_and_line(planted):
    assert planted.returncode != 0
    assert (f"docs/en/signs.md:{planted.lines['wrong digit']}: 03 201 16 09 is not in the contact table "
            "— did you mean Payoke 03 201 16 90?") in planted.stderr


@pytest.mark.slow
def test_right_number_written_another_way_passes(accepted_build):
    """Planted in the shared build of accepted changes (tests/builds.py)."""
    assert RIGHT_NUMBERS == {"fr": "+32 3 201 16 90", "nl": "03/201.16.90"}
    out = accepted_build.site
    assert 'href="tel:+3232011690" class="tel" dir="ltr">+32 3 201 16 90</a>' in (out / "fr" / "signs.html").read_text(encoding="utf-8")
    assert 'href="tel:+3232011690" class="tel" dir="ltr">03/201.16.90</a>' in (out / "signs.html").read_text(encoding="utf-8")


def test_short_number_slip_fails(planted):
    assert planted.returncode != 0
    assert (f"docs/nl/about.md:{planted.lines['short slip']}: 1721 is not in the contact table "
            "— did you mean 1712?") in planted.stderr


def test_unknown_external_link_fails(planted):
    assert planted.returncode != 0
    assert f"docs/fr/about.md:{planted.lines['link']}: " in planted.stderr
    assert ("link https://www.meteo.be/fr/belgiqe is not in the contact table "
            "— did you mean https://www.meteo.be/fr/belgique?") in planted.stderr


def test_malformed_table_fails_naming_the_entry(project, tmp_path):
    replace_in(project / "data" / "contacts.yml", 'number: "04 232 40 30"', 'number: "04 232 40"')
    result = mkdocs_build(project, tmp_path / "out", check=False)
    assert result.returncode != 0
    assert "data/contacts.yml:" in result.stderr
    assert "entry 'surya', field 'phones[0].number': '04 232 40' is not a valid Belgian phone number" in result.stderr


def test_number_in_a_template_is_caught_too(planted):
    """The last gate reads the finished page, template parts included."""
    assert planted.returncode != 0
    assert "02 511 64 46 is not in the contact table" in planted.stderr


@pytest.mark.slow
def test_missing_translation_fails(project, tmp_path):
    (project / "docs" / "fr" / "loverboys.md").unlink()
    result = mkdocs_build(project, tmp_path / "out", check=False)
    assert result.returncode != 0
    assert "loverboys.md" in result.stderr
