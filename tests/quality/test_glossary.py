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


# Sentences editorial review no. 3 found on the pages (quoted there), which the
# real glossary must refuse; and sentences that must pass.
REVIEW_3_REFUSED = {
    "nl": ["Als je zwijgt, geef je de uitbuiter macht over je leven."],
    "en": ["If you stay silent, you give the exploiter power over your life."],
    "fr": ["Si vous vous taisez, vous donnez à l'exploiteur du pouvoir sur votre vie.",
           "Un loverboy est un trafiquant qui rend une fille amoureuse de lui.",
           "La prostitution sans consentement est un délit.",
           "Parlez-en à une personne de confiance. Vous n'êtes pas seul."],
    # bg, uk, ro: the same sentence as it stood on their pages, and the informal "you" (D10)
    "bg": ["Ако мълчиш, даваш на експлоататора власт над живота си.",
           "Но ако мълчите, давате на експлоататора власт над живота си.",
           "Има помощ за теб. Обади се, ако ти е трудно."],
    "uk": ["Коли ти мовчиш, ти даєш експлуататору владу над своїм життям.",
           "Коли ви мовчите, ви даєте експлуататору владу над своїм життям.",
           "Ти в небезпеці? Телефонуй 112."],
    "ro": ["Dacă taci, îi dai exploatatorului putere asupra vieții tale."],
}
REVIEW_3_ACCEPTED = {
    "fr": ["La traite peut aussi avoir lieu dans un seul pays.",
           "Seul le numéro d'urgence 112 n'en vient pas.",
           "Parler à une personne de confiance peut briser cet isolement."],
    "en": ["Talking to someone you trust can break that isolation."],
    "bg": ["Разговорът с човек, на когото имате доверие, може да сложи край на тази изолация.",
           "Човекът се страхува да говори за положението си. Те ви изслушват."],
    "uk": ["Розмова з людиною, якій ви довіряєте, може розірвати цю ізоляцію.",
           "Людина боїться говорити про свою ситуацію."],
    "ro": ["Când vorbești cu cineva în care ai încredere, poți rupe această izolare."],
}


def test_the_real_glossary_refuses_what_review_3_found(tmp_path):
    glossary = load_glossary()
    for lang, sentences in REVIEW_3_REFUSED.items():
        for sentence in sentences:
            docs = tmp_path / f"{lang}-{abs(hash(sentence))}"
            docs.mkdir()
            assert glossary_problems(_docs(docs, lang, sentence + "\n"), glossary), (lang, sentence)
    for lang, sentences in REVIEW_3_ACCEPTED.items():
        for sentence in sentences:
            docs = tmp_path / f"ok-{lang}-{abs(hash(sentence))}"
            docs.mkdir()
            assert glossary_problems(_docs(docs, lang, sentence + "\n"), glossary) == [], (lang, sentence)
