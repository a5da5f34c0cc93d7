"""Digits glued to letters are still judged: Chinese is written without
spaces ("拨打1713"). Glued to a Latin letter a short run is part of a word
(SHA256, mp3) unless that word is a call word ("bel1713")."""
from __future__ import annotations

import pytest

from uitweg.contacts.load import load_contacts
from uitweg.core.languages import load_languages
from uitweg.gate.source_check import source_problems

TABLE = load_contacts()
WORDS = load_languages().all_call_words()


def problems(text: str) -> list[str]:
    return [str(p) for p in source_problems(text, "docs/zh/x.md", TABLE, WORDS)]


@pytest.mark.parametrize("text", [
    "紧急情况请拨打1713。",          # a slip of 1712, glued to Chinese
    "电话０２５１１６４６５",          # a wrong long number in fullwidth digits, glued
    "电话02 511 64 65。",
    "هاتف١٧١٣",                     # Arabic-Indic digits glued to Arabic letters
    "bel1713 als je twijfelt",       # glued to a call word
])
def test_a_wrong_number_glued_to_letters_is_refused(text):
    assert problems(text), text


@pytest.mark.parametrize("text", ["请拨打112。", "电话025116464", "紧急情况请拨打１１２。", "在2005年8月", "SHA256SUMS", "mp3"])
def test_a_right_number_or_a_name_glued_to_letters_passes(text):
    assert problems(text) == []
