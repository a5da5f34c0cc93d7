"""The sample of languages the browser tests open (tests/language_sample.py),
on hand-written language lists, and the declared scripts of
data/languages.yml against the letters of each language's own name."""
from __future__ import annotations

import unicodedata

import pytest
from language_sample import EVERY_LANGUAGE, sample_languages, script_sample

from uitweg.core.languages import Language, Languages, load_languages


def langs(*specs: tuple) -> Languages:
    return Languages(languages=tuple(Language(code=c, name=c, call_words=("x",), ui={}, script=s, dir=d)
                                     for c, s, d in specs), strip=())


FIFTEEN = langs(("nl", "Latn", "ltr"), ("en", "Latn", "ltr"), ("fr", "Latn", "ltr"), ("ar", "Arab", "rtl"),
                ("bg", "Cyrl", "ltr"), ("pt", "Latn", "ltr"), ("ro", "Latn", "ltr"), ("zh", "Hans", "ltr"),
                ("uk", "Cyrl", "ltr"), ("vi", "Latn", "ltr"), ("sq", "Latn", "ltr"), ("hu", "Latn", "ltr"),
                ("th", "Thai", "ltr"), ("ti", "Ethi", "ltr"), ("fa", "Arab", "rtl"))


def test_one_language_of_each_script_and_the_default():
    assert script_sample(FIFTEEN) == ["nl", "ar", "bg", "zh", "th", "ti"]


def test_the_default_comes_first_even_when_its_script_came_earlier():
    assert script_sample(langs(("en", "Latn", "ltr"), ("ar", "Arab", "rtl"), ("fa", "Arab", "rtl"))) == ["en", "ar"]
    odd = Languages(languages=FIFTEEN.languages[1:2] + FIFTEEN.languages[:1] + FIFTEEN.languages[2:], strip=())
    assert script_sample(odd)[:2] == ["en", "ar"]   # en is the default (first); nl shares its script


def test_a_new_script_is_sampled_and_an_undeclared_one_stands_for_itself():
    more = langs(*[(lg.code, lg.script, lg.dir) for lg in FIFTEEN.languages], ("hy", "Armn", "ltr"),
                 ("xx", "", "ltr"), ("yy", "", "ltr"))
    assert script_sample(more)[-3:] == ["hy", "xx", "yy"]


def test_a_script_written_both_ways_is_sampled_both_ways():
    assert script_sample(langs(("nl", "Latn", "ltr"), ("xa", "Arab", "ltr"), ("ar", "Arab", "rtl"))) == ["nl", "xa", "ar"]


def test_every_language_on_request(monkeypatch):
    monkeypatch.setenv(EVERY_LANGUAGE, "all")
    assert sample_languages(FIFTEEN) == FIFTEEN.codes
    monkeypatch.setenv(EVERY_LANGUAGE, "")
    assert sample_languages(FIFTEEN) == ["nl", "ar", "bg", "zh", "th", "ti"]


# The Unicode name of a letter starts with its script's name (the oracle is
# Python's unicodedata, not the data file).
UNICODE_NAME = {"Latn": "LATIN", "Cyrl": "CYRILLIC", "Arab": "ARABIC", "Hans": "CJK", "Hant": "CJK",
                "Thai": "THAI", "Ethi": "ETHIOPIC", "Laoo": "LAO", "Grek": "GREEK", "Armn": "ARMENIAN", "Geor": "GEORGIAN",
                "Hebr": "HEBREW", "Deva": "DEVANAGARI", "Beng": "BENGALI", "Khmr": "KHMER", "Mymr": "MYANMAR"}


def letters_script(text: str) -> set[str]:
    return {unicodedata.name(ch).split()[0] for ch in text if ch.isalpha()}


@pytest.mark.parametrize("lang", load_languages().languages, ids=lambda lang: lang.code)
def test_each_declared_script_is_the_script_of_the_languages_own_name(lang):
    if not lang.script:
        pytest.fail(f"data/languages.yml: {lang.code} has no script: (ISO 15924); until it has one, every "
                    "sampled browser test opens it as a script of its own")
    assert lang.script in UNICODE_NAME, f"{lang.script}: add its Unicode name to UNICODE_NAME in this test"
    assert letters_script(lang.name) == {UNICODE_NAME[lang.script]}, (lang.name, letters_script(lang.name))


def test_the_script_check_sees_a_wrong_script():
    assert letters_script("Українська") == {"CYRILLIC"} and letters_script("ትግርኛ") == {"ETHIOPIC"}
    assert letters_script("فارسی") == {"ARABIC"} and letters_script("ไทย") == {"THAI"}
    assert letters_script("简体中文") == {"CJK"} and letters_script("Tiếng Việt") == {"LATIN"}
