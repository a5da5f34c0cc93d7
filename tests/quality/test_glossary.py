"""The pages follow data/glossary.yml: avoided words are refused with file:line."""
from __future__ import annotations

from uitweg.core import paths
from uitweg.core.languages import load_languages
from uitweg.quality.glossary import glossary_problems, load_glossary


def test_the_real_pages_follow_the_glossary():
    problems = glossary_problems(paths.DOCS, load_glossary())
    assert not problems, "\n".join(map(str, problems))


def test_every_term_has_a_preferred_word_in_every_language():
    glossary = load_glossary()
    missing = [f"{term_id}: {lang.code}" for term_id, term in glossary["terms"].items()
               for lang in load_languages().languages if not term.get(lang.code)]
    assert not missing, missing


def _docs(tmp_path, lang, text):
    (tmp_path / lang).mkdir()
    (tmp_path / lang / "page.md").write_text(text, encoding="utf-8")
    return tmp_path


def test_an_avoided_word_is_refused_with_its_line(tmp_path):
    glossary = {"terms": {"exploiter": {"meaning": "m", "en": "exploiter", "avoid": {"en": ["perpetrator"]}}}}
    docs = _docs(tmp_path, "en", "# Title\n\nThe exploiter is here.\nA Perpetrator came.\n")
    problems = glossary_problems(docs, glossary)
    assert [(p.line, "“perpetrator”" in p.message, "“exploiter”" in p.message) for p in problems] == [(4, True, True)]


def test_ids_and_longer_words_are_not_words(tmp_path):
    glossary = {"terms": {"t": {"meaning": "m", "fr": "exploiteur", "avoid": {"fr": ["auteur"]}}}}
    docs = _docs(tmp_path, "fr", "Voir [ici](auteur.md#auteur) {#auteur} [[name:auteur]] et la hauteur.\n")
    assert glossary_problems(docs, glossary) == []


def test_other_languages_are_not_judged_by_this_languages_list(tmp_path):
    glossary = {"terms": {"t": {"meaning": "m", "nl": "uitbuiter", "avoid": {"nl": ["dader"]}}}}
    docs = _docs(tmp_path, "en", "The word dader is Dutch.\n")
    assert glossary_problems(docs, glossary) == []


def test_the_other_form_of_address_is_refused_and_only_in_its_language(tmp_path):
    glossary = {"terms": {}, "register": {"bg": {"address": "polite", "pronoun": "вие", "reason": "r",
                                                  "avoid": ["ти", "твоя"]}}}
    (tmp_path / "bg").mkdir()
    (tmp_path / "bg" / "page.md").write_text(
        "Обадете се, ако ви е трудно.\nОбади се, ако ти е трудно.\nТвоя ли е? Тия, тихо, [ти](ти.md)\n",
        encoding="utf-8")
    (tmp_path / "uk").mkdir()
    (tmp_path / "uk" / "page.md").write_text("Якщо ти в небезпеці.\n", encoding="utf-8")
    problems = glossary_problems(tmp_path, glossary)
    assert [(p.file.endswith("bg/page.md"), p.line) for p in problems] == [(True, 2), (True, 3), (True, 3)]
    assert "write “вие”" in problems[0].message
