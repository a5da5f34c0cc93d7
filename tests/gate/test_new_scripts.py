"""The number gate with the new scripts (issue 13): numbers glued to Chinese
characters and Arabic-Indic digits are judged like any other."""
from __future__ import annotations

from uitweg.contacts.load import load_contacts
from uitweg.core.languages import load_languages
from uitweg.gate.source_check import source_problems

TABLE = load_contacts()
WORDS = load_languages().all_call_words()


def problems(text: str) -> list[str]:
    return [p.message for p in source_problems(text + "\n", "docs/xx/page.md", TABLE, WORDS)]


def test_a_wrong_number_after_a_chinese_call_word_and_a_space_is_refused():
    assert problems("请拨打 1713。")


def test_a_wrong_number_in_arabic_text_is_refused():
    assert problems("اتصل بالرقم 1713 الآن.")


def test_right_numbers_in_the_new_scripts_pass():
    assert problems("请拨打 1712。") == []
    assert problems("اتصل بالرقم 1712 الآن.") == []


def test_a_wrong_number_glued_to_chinese_characters_is_refused():
    assert problems("紧急情况请拨打1713。")


def test_a_wrong_number_in_arabic_indic_digits_is_refused():
    assert problems("مركز المساعدة ١٧١٣ مفتوح.")
