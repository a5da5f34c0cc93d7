"""data/search_words.yml is checked like the glossary: targets that exist in
every language, words in every language, one place per word."""
from __future__ import annotations

from uitweg.core import paths
from uitweg.core.languages import load_languages
from uitweg.core.yamlfile import load_with_lines
from uitweg.quality.search_words import load_search_words, search_word_problems

CODES = load_languages().codes


def test_the_real_words_lead_to_real_sections_in_every_language():
    data, lines = load_search_words()
    problems = search_word_problems(paths.DOCS, data, lines, CODES)
    assert not problems, "\n".join(map(str, problems))


def _docs(tmp_path):
    for code in ("en", "fr"):
        (tmp_path / code).mkdir()
        (tmp_path / code / "signs.md").write_text("# S\n\n## Signs {#indicators}\n", encoding="utf-8")
    return tmp_path


def _check(tmp_path, text: str):
    f = tmp_path / "words.yml"
    f.write_text(text, encoding="utf-8")
    data, lines = load_with_lines(f)
    return search_word_problems(_docs(tmp_path), data, lines, ["en", "fr"])


def test_a_good_file_passes(tmp_path):
    assert _check(tmp_path, "entries:\n  - to: signs.md#indicators\n    en: [passport]\n    fr: [passeport]\n") == []


def test_a_missing_anchor_page_language_or_a_word_twice_is_named_with_its_line(tmp_path):
    found = _check(tmp_path, "entries:\n"
                             "  - to: signs.md#nowhere\n    en: [passport]\n    fr: [passeport]\n"
                             "  - to: gone.md#indicators\n    en: [visa]\n    fr: [visa]\n"
                             "  - to: signs.md#indicators\n    en: [Pass-port]\n    xx: [w]\n")
    text = [(p.line, p.message) for p in found]
    assert (3, "signs.md#nowhere: docs/en/signs.md has no heading with {#nowhere}") in text
    assert (6, "gone.md#indicators: docs/en/gone.md does not exist") in text
    assert (8, "signs.md#indicators: no words for fr; add `fr: [...]` with the words a reader of that "
               "language would type") in text
    assert (9, "en word “Pass-port” leads to signs.md#nowhere already; one word, one place") in text
    assert (10, "xx is not a language of data/languages.yml") in text
