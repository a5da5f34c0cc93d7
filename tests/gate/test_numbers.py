"""The number finder: every way a number is written, and what is not a number
(on the test table, tests/gate_table.py)."""
import pytest
from gate_table import CALL_WORDS, TABLE

from uitweg.gate.numbers import callable_numbers, describe, judge_numbers


def find_numbers(text, table, call_words):
    """The numbers a reader could call in `text`: the table's and the refused ones."""
    return callable_numbers(judge_numbers(text, table, call_words))



def numbers(text):
    return [(n.text, n.digits) for n in find_numbers(text, TABLE, CALL_WORDS)]


@pytest.mark.parametrize("written", [
    "02 511 64 64", "02/511.64.64", "025116464", "+32 2 511 64 64", "0032 2 511 64 64",
    "02-511-64-64", "02.511.64.64", "+32 (0)2 511 64 64", "+32(0)2 511 64 64", "(02) 511 64 64",
    "02\u00a0511\u00a064\u00a064",
])
def test_long_number_any_form_is_found_and_known(written):
    found = find_numbers(f"Bel {written} vandaag.", TABLE, CALL_WORDS)
    assert [n.digits for n in found] == ["025116464"]
    assert TABLE.phone_by_digits("025116464")[0].id == "harbour"


@pytest.mark.parametrize("short", ["1712", "116000", "101", "112"])
def test_short_numbers_are_found(short):
    assert numbers(f"Bel {short}.") == [(short, short)]
    assert numbers(f"{short} helpt je.") == [(short, short)]


@pytest.mark.parametrize("text", [
    "Sinds 1995 en in 2008.",                      # years
    "Op 18 oktober 2008 en op 10/08/2005.",         # dates
    "op 01.02.2005 om 12 uur",
    "Houba-de Strooperlaan 292, 1020 Brussel",      # address and postcode
    "B-1020 Brussel",
    "artikel 433 van het Strafwetboek, art. 77",    # articles of law
    "BE19 3101 2229 9912",                          # a bank account
    "Open van 9-17u, 24u/24 en 7d/7.",              # hours
    "Ongeveer 300 mensen en 12 kinderen.",
])
def test_things_that_only_look_like_numbers_are_not_flagged(text):
    assert numbers(text) == []


@pytest.mark.parametrize("text, wrong", [
    ("Bel het nummer 1721.", "1721"),          # a slip near a call word
    ("Call 1721 for help.", "1721"),
    ("Appelez le 116006.", "116006"),
    ("1721 luistert naar je.", "1721"),        # a slip of a table number, no call word
    ("Bel 102 bij gevaar.", "102"),
])
def test_wrong_short_numbers_are_found_and_unknown(text, wrong):
    found = find_numbers(text, TABLE, CALL_WORDS)
    assert [n.digits for n in found] == [wrong]
    assert TABLE.phone_by_digits(wrong) is None


@pytest.mark.parametrize("text, dialable", [
    # 100 is Belgium's ambulance and fire number: a unit after it cannot excuse it.
    ("Ongeveer 100 mensen en 12 kinderen.", "100"),
    ("Bel 1207 uur per dag.", "1207"),
])
def test_a_quantity_cannot_excuse_a_number_one_can_call(text, dialable):
    assert numbers(text) == [(dialable, dialable)]


def test_wrong_long_number_gets_a_suggestion():
    [n] = find_numbers("Bel 02 511 64 46.", TABLE, CALL_WORDS)
    assert TABLE.phone_by_digits(n.digits) is None
    assert describe(n, TABLE).startswith("02 511 64 46 is not in the contact table — did you mean Harbour House 02 511 64 64?")


def test_foreign_number_is_never_in_the_table():
    [n] = find_numbers("Call +44 20 7946 0000.", TABLE, CALL_WORDS)
    assert TABLE.phone_by_digits(n.digits) is None


def test_several_numbers_in_one_sentence():
    assert [d for _, d in numbers("Bel 1712 of 02 511 64 64, of 03 201 16 90 en 112.")] == \
        ["1712", "025116464", "032011690", "112"]


@pytest.mark.parametrize("text, expected", [
    # From the seed documents: a number followed by its hours in brackets.
    ("1712 (9-17u)", [("1712", "1712")]),
    ("04 232 40 30 (7 dagen op 7, 24u op 24)", [("04 232 40 30", "042324030")]),
    # From the tear-off posters: a spaced middle dot ends the number.
    ("02 511 64 64 · 24/7", [("02 511 64 64", "025116464")]),
])
def test_a_bracket_after_a_number_starts_a_new_phrase(text, expected):
    assert numbers(text) == expected
