"""What mutation testing of uitweg/gate/numbers.py (`make mutation`) found
no test for: the exact message an editor reads for each kind of refused
number, reviewed exceptions (on their own page only), word lists compared as
the text is, unit words of the page's language, lists of short numbers,
the span of a number as a reader sees it (brackets, "+", runs joined by a
comma), and the edges of each rule that names what cannot be called.

Each test builds the word lists (NumberWords) and tables it needs inside the
test: objects made at import are made before mutmut switches a mutant on.
The oracle is the list of inputs and what each must get, written by hand
against tests/gate_table.py (never today's data/contacts.yml).
dev-notes/gate-mutants.md lists the mutants left alive and why."""
from __future__ import annotations

import pytest
from gate_table import CALL_WORDS, TABLE, _contact

from uitweg.contacts.model import ContactTable
from uitweg.gate.numbers import NumberWords, describe, judge_numbers


def words(**lists) -> NumberWords:
    """A word list made for one test (a new object each time)."""
    base = dict(units={"nl": frozenset({"dagen"}), "any": frozenset({"€", "%"})}, law_words=frozenset(),
                street_endings=(), exceptions=frozenset())
    return NumberWords(**{**base, **lists})


def verdicts(text, lang="nl", page="", table=TABLE, w=None):
    """(text as written, verdict) of every finding a reader could dial or
    that is refused or excused by a reviewed exception."""
    return [(f.text, f.verdict) for f in judge_numbers(text, table, CALL_WORDS, page, w or words(), lang)
            if f.verdict in ("table", "unknown", "exception")]


def refused(text, lang="nl", page="", table=TABLE, w=None):
    return [t for t, v in verdicts(text, lang, page, table, w) if v == "unknown"]


# -- the message an editor reads ------------------------------------------------

def message(text, table=TABLE):
    [f] = [f for f in judge_numbers(text, table, CALL_WORDS) if f.refused]
    return describe(f, table)


def test_a_short_number_one_can_call_is_refused_with_what_to_do():
    assert message("Bel 100 nu.") == (
        "100 is not in the contact table — did you mean Police 101? It is a number one can call or text in "
        "Belgium (a short number); use [[phone:ID]] with a number of the table, or add a reviewed exception "
        "to data/number_exceptions.yml.")


def test_a_short_run_no_one_can_call_is_refused_with_the_ways_to_write_it():
    assert message("Bel het nummer 1721.") == (
        "1721 is not in the contact table — did you mean Helpline 1712 1712? If it is a phone number, use "
        "[[phone:ID]] or a short number of the table; if it is not, write it with a unit word of the page's "
        "language or its place (\"365 dagen\", \"€ 300\", \"1020 Brussel\"), or add a reviewed exception to "
        "data/number_exceptions.yml.")


def test_a_wrong_long_number_is_refused_with_the_right_one_and_where_to_add_it():
    assert message("Bel 02 511 64 46.") == (
        "02 511 64 46 is not in the contact table — did you mean Harbour House 02 511 64 64? Fix the number, "
        "or add it to data/contacts.yml with its source.")


def test_the_numbering_plan_alone_says_whether_a_refused_number_can_be_called():
    found = {f.text: f.dialable for f in judge_numbers("Bel 1721, of 100, of 02 511 64 46.", TABLE, CALL_WORDS)
             if f.refused}
    assert found == {"1721": False, "100": True, "02 511 64 46": True}


def test_the_suggestion_names_a_contact_without_an_english_name_by_its_id():
    table = ContactTable([_contact("vuurtoren", {"nl": "Vuurtoren"}, "03 201 16 90")], {})
    assert message("Bel 03 201 16 91.", table).startswith(
        "03 201 16 91 is not in the contact table — did you mean vuurtoren 03 201 16 90?")


def test_the_suggestion_gives_a_number_that_is_its_own_name_once():
    table = ContactTable([_contact("line", {"en": "1712"}, "1712")], {})
    assert message("Bel het nummer 1721.", table).startswith("1721 is not in the contact table — did you mean 1712?")


# -- reviewed exceptions --------------------------------------------------------

EXCEPTED = frozenset({("1207", "docs/nl/a.md"), ("4321", "docs/nl/a.md")})


@pytest.mark.parametrize("text, found", [
    ("Bel 1207.", "1207"),            # a short number one can call, on its own
    ("Bel 12/1207.", "1207"),         # one group of a short cluster
    ("Code 4321 op de deur.", "4321"),   # a run no rule names
])
def test_a_reviewed_exception_holds_on_its_own_page_only(text, found):
    w = words(exceptions=EXCEPTED)
    assert found not in refused(text, page="docs/nl/a.md", w=w)
    assert (found, "exception") in verdicts(text, page="docs/nl/a.md", w=w)
    assert found in refused(text, page="docs/nl/b.md", w=w)
    assert found in refused(text, w=w)


def test_a_reviewed_exception_covers_a_number_written_across_a_comma():
    w = words(exceptions=EXCEPTED)
    assert refused("Bel 12, 07 nu.", page="docs/nl/a.md", w=w) == []
    assert refused("Bel 12, 07 nu.", page="docs/nl/b.md", w=w) == ["12, 07"]


# -- word lists, compared as the text is ------------------------------------------

def test_word_lists_match_the_text_whatever_their_case():
    w = words(units={"nl": frozenset({"Dagen"}), "ro": frozenset({"ZILE"})}, law_words=frozenset({"ARTIKEL"}),
              street_endings=("STRAAT",), unit_links=frozenset({"DE"}), texting=frozenset({"SMS"}))
    assert refused("Open 1500 dagen per jaar.", w=w) == []
    assert refused("Suntem aici 1500 de zile.", "ro", w=w) == []
    assert refused("Lees artikel 433 van de wet.", w=w) == []
    assert refused("Ga naar de Kerkstraat 433.", w=w) == []
    assert refused("Stuur een sms naar 4411.", w=w) == ["4411"]
    assert refused("Zet 4411 op de deur.", w=w) == ["4411"]   # no unit, no texting word: still no excuse


def test_a_unit_word_of_a_script_without_spaces_may_start_the_letters_after_a_number():
    # Words no other test uses: the lists' split into scripts is cached per list.
    w = words(units={"th": frozenset({"วัน", "ทดสอบ"}), "zh": frozenset({"天", "测"}), "nl": frozenset({"Dag", "toets"})})
    assert refused("เปิด 1500วันต่อปี", "th", w=w) == []
    assert refused("我们一年1500天都在。", "zh", w=w) == []
    # In a script written with spaces, a word only starts with a unit word.
    assert refused("Er zijn 1500 dagboeken.", w=w) == ["1500"]


def test_unit_words_belong_to_the_pages_language():
    w = words(units={"nl": frozenset({"dagen"}), "fr": frozenset({"jours"}), "any": frozenset({"stuks"})})
    assert refused("Open 1500 dagen.", "nl", w=w) == []
    assert refused("Open 1500 jours.", "nl", w=w) == ["1500"]
    assert refused("Open 1500 stuks.", "nl", w=w) == []            # the words of every language
    assert refused("Ouvert 1500 jours.", "fr", w=w) == []
    assert refused("Open 1500 jours.", None, w=w) == []             # language not known: every language's
    assert refused("Open 1500 jours.", "xx", w=w) == []


def test_a_currency_or_percent_sign_is_a_unit_even_outside_the_word_lists():
    w = words(units={"nl": frozenset({"dagen"})})
    assert refused("Het kost 1500 € per maand.", w=w) == []
    assert refused("Een groei van 1500%.", w=w) == []
    assert refused("Een groei van 1500 %.", w=w) == []
    assert refused("Het kost EUR 1500.", w=w) == []
    assert refused("Het kost € 1500.", w=w) == []


# -- lists of short numbers, and two numbers in a row ------------------------------

def test_a_list_of_short_numbers_is_each_number():
    assert verdicts("Bel 112/101.") == [("112", "table"), ("101", "table")]
    assert verdicts("Bel 112/101/1712.") == [("112", "table"), ("101", "table"), ("1712", "table")]
    assert verdicts("Bel 112/100.") == [("112", "table"), ("100", "unknown")]


def test_a_second_number_after_a_comma_is_judged_too():
    assert verdicts("Bel 1712, 1721.") == [("1712", "table"), ("1721", "unknown")]
    assert verdicts("Bel 1721, 1712.") == [("1721", "unknown"), ("1712", "table")]


# -- a number as a reader sees it (what a tel: link and a message cover) ------------

@pytest.mark.parametrize("text, found", [
    ("Bel (02) 511 64 64 nu.", [("(02) 511 64 64", "table")]),
    ("Bel +32 (0)2 511 64 64 nu.", [("+32 (0)2 511 64 64", "table")]),
    ("Bel + 32 2 511 64 64 nu.", [("+ 32 2 511 64 64", "table")]),
    ("Bel de hulplijn (1712).", [("1712", "table")]),
    ("(1712) helpt.", [("1712", "table")]),
    ("Bel (02) 511 64 65 nu.", [("(02) 511 64 65", "unknown")]),
    ("Bel +32 2 511 64 65 nu.", [("+32 2 511 64 65", "unknown")]),
    ("Bel 116, 006 nu.", [("116, 006", "unknown")]),
    ("Bel 02 (511) 64 65 nu.", [("02 (511) 64 65", "unknown")]),
    ("Bel 1712 (9-17u) of (02) 511 64 64.", [("1712", "table"), ("(02) 511 64 64", "table")]),
])
def test_the_whole_number_is_found_as_written(text, found):
    assert verdicts(text) == found


# -- the edges of the rules that name what cannot be called ---------------------------

@pytest.mark.parametrize("text", [
    "Van 1800-1801 en 2098-2099.",      # years, the range of the rule
    "Op 1/2/05 begon het.",              # a short date
    "Open 9-17.",                        # hours
    "In the 1990s we began.",            # a decade
    "Sinds 1800 en tot 2099.",           # years at the edges
    "Adres: B-4321 luik.",               # a postcode after B-
    "Kom naar 1000 Brussel of 9999 Xyz.",   # postcodes at the edges
    "Ga naar de Kerkstraat 4321.",       # a house number of four digits
    "§ 433 geldt ook.",                  # an article of law, at the start
    "Zie SHA-256 en x4321.",             # part of a word
])
def test_what_cannot_be_called_is_named(text):
    w = words(street_endings=("straat",))
    assert refused(text, "en" if "the" in text else "nl", w=w) == [], text


@pytest.mark.parametrize("text, wrong", [
    ("Van 1799-1801.", "1799-1801"),    # not years of the rule: a long run
    ("Van 2099-2100.", "2099-2100"),
    ("Tot 2100 kan het.", "2100"),
    ("Ga naar de Kerkstraat 54321.", "54321"),   # no house number has five digits
    ("4321 kost niets.", "4321"),       # a run at the start is not glued to the text's last letter
    ("Zie 4321.", "4321"),
])
def test_the_rules_stop_at_their_edges(text, wrong):
    assert refused(text, w=words(street_endings=("straat",))) == [wrong]


# -- what an excused run is called, and what a number of the table is ----------------

@pytest.mark.parametrize("text, found", [
    ("Open 1500 dagen.", ("1500", "quantity", "1500")),
    ("Suntem aici 1500 de zile.", ("1500", "quantity", "1500")),
    ("Het kost EUR 1500.", ("1500", "quantity", "1500")),
    ("Zie x4321.", ("4321", "in a word", "4321")),
    ("Lees art. 433.", ("433", "article of law", "433")),
    ("Sinds 1995", ("1995", "year", "1995")),                   # at the very end of the text
    ("Kom naar 4321 Luik.", ("4321", "postcode", "4321")),
    ("Ga naar de Kerkstraat 433.", ("433", "house number", "433")),
    ("BE19 3101 2229 9912", ("19 3101 2229 9912", "bank account", "19310122299912")),
    ("Van 2005-2008.", ("2005-2008", "years", "20052008")),
    ("Op 10/08/2005.", ("10/08/2005", "date", "10082005")),
    ("Op 1/2/05.", ("1/2/05", "date", "1205")),
    ("Open 9-17.", ("9-17", "time", "917")),
])
def test_what_an_excused_run_is_is_named(text, found):
    w = words(units={"nl": frozenset({"dagen"}), "ro": frozenset({"zile"})}, unit_links=frozenset({"de"}),
              law_words=frozenset({"art"}), street_endings=("straat",))
    lang = "ro" if "zile" in text else "nl"
    assert [(f.text, f.verdict, f.digits) for f in judge_numbers(text, TABLE, CALL_WORDS, "", w, lang)] == [found]


def test_a_number_of_the_table_says_whether_it_is_short():
    found = judge_numbers("Bel 112/101, 02 511 64 64, 12/1712 of 112/101/1712.", TABLE, CALL_WORDS)
    assert [(f.text, f.short) for f in found if f.known] == [
        ("112", True), ("101", True), ("02 511 64 64", False), ("1712", True), ("112", True), ("101", True),
        ("1712", True)]


@pytest.mark.parametrize("text, kind", [
    ("Bel 116006.", "short"), ("Bel 12/100.", "short"), ("Ref 1234567.", "long"), ("Bel +12 345.", "long"),
])
def test_the_message_fits_the_kind_of_number(text, kind):
    ends = {"short": "It is a number one can call or text in Belgium (a short number); use [[phone:ID]] with a "
                     "number of the table, or add a reviewed exception to data/number_exceptions.yml.",
            "long": "Fix the number, or add it to data/contacts.yml with its source."}
    assert message(text).endswith(ends[kind]), message(text)


def test_a_texting_word_makes_a_short_group_one_can_text():
    w = words(texting=frozenset({"sms"}))
    found = [f for f in judge_numbers("Stuur een sms naar 12/4411.", TABLE, CALL_WORDS, "", w, "nl") if f.refused]
    assert [(f.text, f.dialable) for f in found] == [("4411", True)]


@pytest.mark.parametrize("text, found", [
    ("Rekening BE19 3101 2229 9912; bel 1721.", [("1721", "unknown")]),   # a bank account excuses only itself
    ("Bel +12 345.", [("+12 345", "unknown")]),
    ("Bel +112/101/1712.", [("+112/101/1712", "unknown")]),   # written as an international number
    ("Kies 100-200.", [("100", "unknown"), ("200", "unknown")]),   # no range of hours
    ("Bel 100/101.", [("100", "unknown"), ("101", "table")]),
    ("Bel 02 511 64 (65).", [("02 511 64 (65)", "unknown")]),
    ("Bel 1712, (02) 511 64 64.", [("1712", "table"), ("(02) 511 64 64", "table")]),
    ("(02) 511 64 64 helpt.", [("(02) 511 64 64", "table")]),
    ("+32 2 511 64 64 helpt.", [("+32 2 511 64 64", "table")]),
    ("+ 32 2 511 64 64 helpt.", [("+ 32 2 511 64 64", "table")]),
])
def test_each_number_in_a_row_is_judged_as_written(text, found):
    assert verdicts(text) == found


@pytest.mark.parametrize("text, wrong", [
    ("De code 1500 werkt dagen lang.", ["1500"]),   # a unit two words on is no unit
    ("Wachtwoord 1995abc.", ["1995"]),               # a year is not glued to letters
    ("4321 kost niets", ["4321"]),                   # the text's last letter is not before its first run
    ("x4321 is een code", []),
    ("Code ä4321.", ["4321"]),                       # only a Latin letter glues a run into a word
    ("Code ä-4321.", ["4321"]),
    ("A-4321 werkt.", []),
    ("Zie A-4321.", []),
])
def test_what_stands_around_a_run(text, wrong):
    assert refused(text, w=words(unit_links=frozenset({"de"}))) == wrong


def test_a_number_judged_once_per_build_keeps_its_page():
    from uitweg.gate.numbers import judge_numbers_once
    w = words(exceptions=EXCEPTED)
    for page, wrong in [("docs/nl/a.md", []), ("docs/nl/b.md", ["1207"]), ("", ["1207"]), ("docs/nl/a.md", [])]:
        assert [f.text for f in judge_numbers_once("Bel 1207.", TABLE, CALL_WORDS, page, w) if f.refused] == wrong, page


def test_time_words_match_the_text_whatever_their_case():
    w = words(time_words={"nl": frozenset({"Uur"})})
    assert refused("Open 17.00 uur.", w=w) == []
    assert refused("Open 17.00 uur.", "en", w=w) == ["17.00"]   # 1700 can be called; "uur" is not English


def test_the_unit_x_is_a_unit():
    assert refused("Drie keer: 1500 x per week.", w=words(units={"any": frozenset({"x"})})) == []


@pytest.mark.parametrize("text, wrong, lang", [
    ("-4321 is een code", ["4321"], "nl"),       # a dash at the start glues to nothing
    ("Bel 02     511 64 64.", [], "nl"),          # a browser shows five spaces as one
    ("Pour 1 à 16 ans.", [], "fr"),               # a letter between digit groups ends a number
    ("Lees hoofdstuk 1 -- 16.", [], "nl"),        # four marks between groups end a number
])
def test_what_joins_digit_groups_and_what_does_not(text, wrong, lang):
    assert refused(text, lang) == wrong


def test_a_texting_word_makes_a_short_run_one_can_text():
    w = words(texting=frozenset({"sms"}))
    found = [f for f in judge_numbers("Stuur een sms naar 4411.", TABLE, CALL_WORDS, "", w, "nl") if f.refused]
    assert [(f.text, f.dialable) for f in found] == [("4411", True)]


def test_each_short_number_of_a_list_is_the_tables():
    found = judge_numbers("Bel 112/101/1712.", TABLE, CALL_WORDS)
    assert [(f.text, f.digits) for f in found] == [("112", "112"), ("101", "101"), ("1712", "1712")]


def test_a_table_row_with_a_short_run_is_judged():
    from uitweg.gate.output_check import page_problems
    html = "<html lang=nl><body><table><tr><td>Code</td><td>4321</td></tr></table></body></html>"
    assert [f.needle for f in page_problems(html, TABLE, CALL_WORDS)] == ["4321"]


@pytest.mark.parametrize("text", ["Een sms. 4411 is de code.", "Stuur 4411 per sms."])
def test_a_texting_word_before_or_after_a_run_counts(text):
    w = words(texting=frozenset({"sms"}))
    found = [f for f in judge_numbers(text, TABLE, CALL_WORDS, "", w, "nl") if f.refused]
    assert [(f.text, f.dialable) for f in found] == [("4411", True)]


def test_a_look_alike_letter_alone_stays_a_letter():
    assert refused("We open at 10 O'Clock.", "en") == []   # "10 0" would be 100


def test_a_short_number_of_the_table_in_a_short_cluster_is_the_tables():
    assert [(f.text, f.digits) for f in judge_numbers("Bel 12/1712.", TABLE, CALL_WORDS) if f.known] == [
        ("1712", "1712")]


# -- runs of clusters: a number written across commas ---------------------------------

@pytest.mark.parametrize("text, found", [
    ("Bel 02, 511 64 64, 1712.", [("02, 511 64 64", "table"), ("1712", "table")]),
    ("Bel 02, 511 64 64, 03, 201 16 90.", [("02, 511 64 64", "table"), ("03, 201 16 90", "table")]),
    ("Bel 1721, 02, 511 64 64.", [("1721", "unknown"), ("02, 511 64 64", "table")]),
    ("Bel 02, 511 64 64, 1721.", [("02, 511 64 64", "table"), ("1721", "unknown")]),
    ("Bel 02, 511 64 64, 116, 006.", [("02, 511 64 64", "table"), ("116, 006", "unknown")]),
    ("Bel 1721, 116, 006.", [("1721", "unknown"), ("116, 006", "unknown")]),
    ("Bel 116, 006, 1721.", [("116, 006", "unknown"), ("1721", "unknown")]),
    ("Bel 116, 006, 02 511 64 64.", [("116, 006", "unknown"), ("02 511 64 64", "table")]),
    # A cluster of seven or more digits stands alone (a short number of the
    # table next to it is no number of its own).
    ("Bel 02, 511 64 65.", [("511 64 65", "unknown")]),
])
def test_a_number_written_across_commas_is_one_number(text, found):
    assert verdicts(text) == found


def test_a_short_number_of_the_table_across_a_comma_is_short():
    assert [(f.text, f.short) for f in judge_numbers("Bel 17, 12.", TABLE, CALL_WORDS) if f.known] == [("17, 12", True)]


def test_a_short_number_one_can_call_across_a_comma_gets_the_short_message():
    assert message("Bel 116, 006.").endswith("It is a number one can call or text in Belgium (a short number); use "
                                             "[[phone:ID]] with a number of the table, or add a reviewed exception "
                                             "to data/number_exceptions.yml.")


def test_a_texting_word_next_to_a_number_written_across_a_comma():
    w = words(texting=frozenset({"sms"}))
    found = [f for f in judge_numbers("Stuur een sms naar 4,411.", TABLE, CALL_WORDS, "", w, "nl") if f.refused]
    assert [(f.text, f.dialable) for f in found] == [("4,411", True)]


def test_the_page_and_its_language_reach_every_cluster_of_a_run():
    assert refused("Bel 1207, 12.", page="docs/nl/a.md", w=words(exceptions=EXCEPTED)) == []
    w = words(units={"nl": frozenset({"dagen"}), "fr": frozenset({"jours"})})
    assert refused("Op 12, 1500 jours.", "nl", w=w) == ["1500"]
    assert refused("Op 12, 1500 dagen.", "nl", w=w) == []


def test_a_texting_word_next_to_a_number_in_groups():
    w = words(texting=frozenset({"sms"}))
    found = [f for f in judge_numbers("Stuur een sms naar 44 11.", TABLE, CALL_WORDS, "", w, "nl") if f.refused]
    assert [(f.text, f.dialable) for f in found] == [("44 11", True)]
