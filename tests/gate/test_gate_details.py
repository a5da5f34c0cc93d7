"""Details of the gate that mutation testing (`make mutation`) found no test
for: the exact messages an editor reads, each setting of mkdocs.yml in each
of its YAML shapes, the text-message range, and addresses that look like
abbreviations. dev-notes/gate-mutants.md lists the mutants left alive."""
from __future__ import annotations

import pytest

from uitweg.gate.addresses import web_addresses
from uitweg.gate.bidi import bidi_problems
from uitweg.gate.dialable import dialable, is_sms_range, looks_long
from uitweg.gate.settings_check import settings_problems


def test_bidi_messages_name_the_character_and_what_to_do():
    assert bidi_problems("Bel \u202e112") == [(4, (
        "a bidirectional control character (U+202E RIGHT-TO-LEFT OVERRIDE) can show a number reversed or "
        "reordered; delete it (the templates set the direction of numbers)"))]
    assert bidi_problems("Bel 112\u200f") == [(7, (
        "a direction mark (U+200F RIGHT-TO-LEFT MARK) inside or next to a number can change the order a reader "
        "sees its digits in; delete it (the templates set the direction of numbers)"))]
    assert bidi_problems("Bel 112 nu") == []


@pytest.mark.parametrize("digits, sms", [("2000", True), ("9999", True), ("1999", False), ("20000", False),
                                         ("200", False), ("0200", False), ("1712", False)])
def test_the_text_message_range_is_2000_to_9999(digits, sms):
    assert is_sms_range(digits) is sms


def test_a_text_message_code_is_dialable_only_next_to_a_texting_word():
    assert not dialable("2000") and dialable("2000", texting=True)
    assert dialable("1813") and dialable("1813", texting=True)
    assert not dialable("20052008") and not dialable("12") and not dialable("")
    assert dialable("+442079460000") and not dialable("+4420794600")
    assert dialable("025116465") and dialable("116123")
    assert looks_long("031011690") and not looks_long("20052008") and not looks_long("0012")


@pytest.mark.parametrize("text, found", [
    ("Zie www.ab.cd voor hulp.", ["www.ab.cd"]), ("Dat is o.a. zo.", []), ("Zie hulp.be.", ["hulp.be"]),
    ("Zie https://x.example/a).", ["https://x.example/a"]), ("versie 1.2.3", []),
    ("Zie https://x.example/AX.", ["https://x.example/AX"]), ("Dat kan, p.ex. zo.", []),
    ("Dat kan, p.ex. op evil.be.", ["evil.be"]),
])
def test_web_addresses_as_a_browser_would_take_them(text, found):
    assert [a for _, _, a in web_addresses(text)] == found


def test_an_address_is_found_where_it_is_written():
    assert web_addresses("Zie evil.be nu") == [(4, 11, "evil.be")]


def settings(tmp_path, text: str) -> list[tuple[int, str]]:
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return [(p.line, p.message) for p in settings_problems(path)]


WHAT_TO_DO = "remove it from mkdocs.yml (the site loads and links nothing outside the contact table)"


@pytest.mark.parametrize("yml, expected", [
    ("theme:\n  font:\n    text: Roboto\n",
     [(2, f"theme.font loads web fonts from Google (write font: false); {WHAT_TO_DO}")]),
    ("theme:\n  favicon: https://evil.example/f.png\n",
     [(2, f"theme.favicon is an address (https://evil.example/f.png), which every page would load; {WHAT_TO_DO}")]),
    ("extra_javascript:\n  - https://evil.example/x.js\n",
     [(2, f"extra_javascript.0 is an address (https://evil.example/x.js), which every page would load; {WHAT_TO_DO}")]),
    ("extra_css:\n  - path: //evil.example/x.css\n",
     [(2, f"extra_css.0 is an address (//evil.example/x.css), which every page would load; {WHAT_TO_DO}")]),
    ("plugins:\n  - search\n  - social\n",
     [(3, f"plugins.1 makes social cards that other sites load; {WHAT_TO_DO}")]),
    ("plugins:\n  - material/social:\n      cards: true\n",
     [(2, f"plugins.0 makes social cards that other sites load; {WHAT_TO_DO}")]),
    ("extra:\n  consent:\n    title: x\n",
     [(2, f"extra.consent asks for cookie consent, which only analytics need; {WHAT_TO_DO}")]),
    ("edit_uri: edit/main/docs/\n",
     [(1, f"edit_uri puts an edit link to the code host on every page; {WHAT_TO_DO}")]),
])
def test_each_setting_that_loads_or_links_elsewhere_is_refused_at_its_line(tmp_path, yml, expected):
    assert settings(tmp_path, yml) == expected


@pytest.mark.parametrize("yml", [
    "theme:\n  name: material\n",                    # no font: Material's default would load Google Fonts …
    "theme:\n  font: false\n  favicon: 'data:,'\n  logo: img/logo.png\n",
    "extra:\n  analytics: false\n", "repo_url: ''\n", "extra:\n", "extra: 5\n",
    "extra_css:\n  - assets/x.css\n  - path: assets/y.css\n", "extra_javascript:\n  - async: true\n", "plugins:\n  - search\n  - i18n:\n      x: 1\n",
])
def test_settings_that_load_nothing_pass(tmp_path, yml):
    found = settings(tmp_path, yml)
    if "name: material" in yml and "font" not in yml:
        assert found == [(1, f"theme.font loads web fonts from Google (write font: false); {WHAT_TO_DO}")]
    else:
        assert found == []
