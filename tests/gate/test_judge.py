"""Issue 20, one class at a time, against a contact table made for the tests
(tests/gate_table.py), never today's data/contacts.yml: what a browser shows
as one number, look-alike letters, short numbers the numbering plan says can
be called, bidi controls, a right number next to another organisation's name,
bare domains; in every language where it matters. The oracle is the list of
inputs and what each must get, written by hand."""
from __future__ import annotations

import pytest
from gate_table import CALL_WORDS, TABLE

from uitweg.gate.dialable import dialable
from uitweg.gate.judge import judge_html, judge_text
from uitweg.gate.numbers import judge_numbers
from uitweg.gate.output_check import page_problems

LANGS = ["nl", "en", "fr", "ro", "bg", "pt", "uk", "ar", "zh"]
# "Call … now." in every language of the site.
CALL = {"nl": "Bel {} nu.", "en": "Call {} now.", "fr": "Appelez le {} maintenant.", "ro": "Sună la {} acum.",
        "bg": "Обадете се на {} сега.", "pt": "Ligue para o {} agora.", "uk": "Телефонуйте {} зараз.",
        "ar": "اتصل بالرقم {} الآن.", "zh": "请拨打{}。"}


def refused(text: str, lang: str | None = "nl") -> list[str]:
    return [f.text for f in judge_numbers(text, TABLE, CALL_WORDS, lang=lang) if f.refused]


def page(html: str, lang: str = "nl") -> list[str]:
    return [f.message for f in page_problems(f"<html lang={lang}><body>{html}</body></html>", TABLE, CALL_WORDS)]


# -- text a browser shows as one number ----------------------------------------

WRITTEN_AS_ONE = ["02,511,64,65", "02:511:64:65", "02_511_64_65", "02|511|64|65", "02'511'64'65",
                  "02 , 511 , 64 , 65", "02;511;64;65", "02 5 11 64 65", "0 2 5 1 1 6 4 6 5",
                  "02 511 64 64 65", "02 \u2014 511 \u2014 64 \u2014 65", "02\u2019511\u201964\u201965",
                  "+32 2 511 64 65", "0032 (0)2 511 64 65", "02  511   64 65"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("written", WRITTEN_AS_ONE)
def test_groups_joined_by_spaces_or_punctuation_are_one_number(written, lang):
    assert refused(CALL[lang].format(written), lang), written


@pytest.mark.parametrize("html", ["<p>Bel 02 511\n64 65.</p>", "<p>Bel 02\n   511 64\n65.</p>",
                                  "<p>Bel <b>02</b>\n<i>511</i> 64 65.</p>", "<li>Bel 02 511 64\t65</li>"])
def test_a_line_break_of_the_source_is_a_space_on_the_page(html):
    assert any("is not in the contact table" in m for m in page(html)), html


def test_a_br_ends_the_number():
    # Two lines a reader sees apart: "64" and "65" alone are no number.
    assert page("<p>Bel 02 511 64 64<br>65 mensen</p>") == []
    assert any("is not in the contact table" in m for m in page("<p>Bel 02 511 64 64 65 mensen</p>"))


# -- look-alike letters ---------------------------------------------------------

@pytest.mark.parametrize("written", ["O2 511 64 65", "02 5l1 64 65", "02 511 64 6I", "\u041e2 511 64 65",
                                     "02 511 64 6\u0417", "\u03bf2 511 64 65", "l8l3", "1O1O"])
def test_look_alike_letters_next_to_digits_are_read_as_digits(written):
    assert refused(f"Bel {written}."), written


@pytest.mark.parametrize("text", ["Open 24 uur, ook op zondag.", "Zie punt 2 of 3.", "Bel 112 of 101."])
def test_words_next_to_numbers_stay_words(text):
    assert refused(text) == []


# -- short numbers the numbering plan says can be called -------------------------

DIALABLE_SHORT = ["100", "1813", "1207", "116006", "116111", "110", "1733"]


@pytest.mark.parametrize("number", DIALABLE_SHORT)
def test_the_oracle_agrees_these_can_be_called(number):
    assert dialable(number)


# Each excuse rule with a dialable number in the place it would excuse.
EXCUSES = {
    "year": "Sinds {} helpen we.",
    "postcode": "Kom naar {} Brussel.",
    "quantity": "Het duurt {} dagen.",
    "quantity, euro": "Het kost € {}.",
    "article of law": "Lees art. {} van de wet.",
    "house number": "Ga naar de Kerkstraat {}.",
    "in a word": "Dat is SHA{}.",
    "numbered list": "{}. Bel ons als je twijfelt.",
}


@pytest.mark.parametrize("rule", EXCUSES)
@pytest.mark.parametrize("number", ["100", "1813", "116006"])
def test_no_excuse_rule_excuses_a_number_one_can_call(rule, number):
    assert refused(EXCUSES[rule].format(number)) == [number], rule


@pytest.mark.parametrize("rule", EXCUSES)
def test_each_excuse_rule_still_excuses_what_cannot_be_called(rule):
    number = {"year": "1995", "postcode": "1020", "article of law": "433", "house number": "292",
              "quantity": "365", "quantity, euro": "300", "in a word": "256", "numbered list": "999"}[rule]
    if rule == "numbered list":
        assert refused(EXCUSES[rule].format(number)) == [number]   # a list number is judged like any text
    else:
        assert refused(EXCUSES[rule].format(number)) == [], rule


def test_a_bank_account_excuses_only_when_its_check_digits_hold():
    assert refused("Rekening BE68 5390 0754 7034.") == []
    assert refused("Rekening BE12 1207 1207 1207.")


@pytest.mark.parametrize("lang, text", [
    ("nl", "Het duurt 1721 days."), ("en", "It takes 1721 dagen."), ("fr", "Il faut 1721 days."),
])
def test_unit_words_belong_to_the_page_language(lang, text):
    assert refused(text, lang) == ["1721"]


@pytest.mark.parametrize("text", ["Stuur een sms naar 4411.", "Send STOP by SMS to 3030.",
                                  "Envoyez un SMS au 8200.", "WhatsApp 2020"])
def test_a_text_message_code_next_to_a_texting_word_can_be_called(text):
    assert [f.dialable for f in judge_numbers(text, TABLE, CALL_WORDS) if f.refused] == [True]


@pytest.mark.parametrize("text", ["The text is from 2021.", "Stuur ons in 2020 een bericht."])
def test_a_year_near_words_that_are_not_only_about_texting_is_a_year(text):
    assert refused(text, "en") == []


def test_a_list_that_starts_at_a_number_one_can_call_is_refused():
    assert any("the numbered list shows 1813." in m for m in page('<ol start="1813"><li>x</li><li>y</li></ol>'))
    assert any("1207." in m for m in page('<ol start="1208" reversed><li>x</li><li>y</li></ol>'))
    assert page('<ol start="3"><li>x</li></ol>') == []


# -- bidi controls -----------------------------------------------------------------

@pytest.mark.parametrize("text", ["Bel 02 511 64 64\u202e.", "Bel \u2067112\u2069.", "Bel \u202d46 46 115 20.",
                                  "Bel \u202a112\u202c.", "\u202bHulp\u202c"])
def test_bidi_embeddings_overrides_and_isolates_are_refused_anywhere(text):
    assert any("bidirectional control character" in m for m in page(f"<p>{text}</p>"))


@pytest.mark.parametrize("text", ["Bel 02 511\u200f 64 64.", "Bel \u061c112.", "Bel 112\u200e."])
def test_direction_marks_at_a_number_are_refused(text):
    assert any("direction mark" in m for m in page(f"<p>{text}</p>"))


def test_direction_marks_away_from_numbers_are_arabic_writing():
    assert page("<p>اتصل\u200f بالشرطة</p>", "ar") == []


# -- name and number -----------------------------------------------------------------

@pytest.mark.parametrize("html", [
    "<p>Lighthouse helpt je: bel 02 511 64 64.</p>",
    "<ul><li>Vuurtoren (Antwerpen): 02 511 64 64</li></ul>",
    "<table><tr><td>Lighthouse</td><td>02 511 64 64</td></tr></table>",
    "<p>Kinderlijn: 1712.</p>",
])
def test_a_right_number_next_to_another_organisation_is_refused(html):
    messages = [m for m in page(html) if "is the number of" in m]
    assert messages, html
    assert "but its sentence, list item or table row names" in messages[0]


@pytest.mark.parametrize("html", [
    "<p>Harbour House helpt je: bel 02 511 64 64.</p>",
    "<p>Lighthouse (03 201 16 90) en Harbour House (02 511 64 64) helpen.</p>",
    "<ul><li>Havenhuis: 02 511 64 64</li><li>Vuurtoren: 03 201 16 90</li></ul>",
    "<table><tr><td>Harbour House</td><td>02 511 64 64</td></tr><tr><td>Lighthouse</td><td>03 201 16 90</td></tr></table>",
    "<p>Bel 02 511 64 64. Lighthouse is in Antwerpen.</p>",
])
def test_a_number_with_its_own_organisation_passes(html):
    assert page(html) == []


# -- addresses ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["Kijk op some-help.be voor hulp.", "Zie hulp.example.org.", "Surf naar www.evil.example",
                                  "Zie https://evil.example/x", "Mail hulp@evil.example"])
def test_addresses_outside_the_table_are_refused(text):
    assert page(f"<p>{text}</p>"), text


@pytest.mark.parametrize("text", ["Zie www.harbour.example.", "Mail info@harbour.example.", "Dat is o.a. zo, e.g. hier.",
                                  "Open index.html in de map."])
def test_addresses_of_the_table_and_abbreviations_pass(text):
    assert page(f"<p>{text}</p>") == []


# -- one judge for every text ---------------------------------------------------------

def test_judge_html_and_judge_text_name_the_line():
    assert [line for line, _ in judge_text("Hulp\nBel 02 511 64 65.\nDag", TABLE, "nl", call_words=CALL_WORDS)] == [2]
    assert judge_html("<p>Bel 02 511 64 64.</p>", TABLE, "nl", call_words=CALL_WORDS) == []
    assert judge_html("<p>Bel 02 511 64 65.</p>", TABLE, "nl", call_words=CALL_WORDS)
    assert judge_text("Bel 02 511 64 64 of 1712.", TABLE, call_words=CALL_WORDS) == []


def test_every_character_a_reader_sees_as_a_dot_or_an_at_starts_the_address_check():
    """The page check skips the address search in a text without a dot or an
    @ (for speed): that shortcut must know every character shown as one."""
    from uitweg.gate.normalise import reader_text
    from uitweg.gate.output_check import ADDRESS_MARK
    shown = [chr(i) for i in range(0x20, 0x30000) if reader_text(chr(i)) in (".", "@")]
    assert len(shown) > 5
    assert all(ADDRESS_MARK.match(c) for c in shown), [hex(ord(c)) for c in shown if not ADDRESS_MARK.match(c)]


@pytest.mark.parametrize("html, lang", [
    ("<p>Vuurtoren helpt je. 白天你也可以打求助热线 1712，时间是 9 点到 17 点。</p>", "zh"),
    ("<p>Lighthouse 白天晚上都可以联系。白天你也可以打 02 511 64 64。</p>", "zh"),
    ("<p>Havenhuis en Vuurtoren helpen. Bel overdag de hulplijn 1712.</p>", "nl"),
])
def test_sentences_end_where_each_language_ends_them(html, lang):
    assert page(html, lang) == []


def test_a_contact_whose_name_is_its_number_is_named_by_it():
    from gate_table import _contact

    from uitweg.contacts.model import ContactTable
    table = ContactTable([_contact("line", {"nl": "1712"}, "1712"), _contact("other", {"nl": "Vuurtoren"}, "101")], {})
    html = "<html lang=nl><body><p>Vuurtoren en de hulplijn 1712 helpen.</p></body></html>"
    assert page_problems(html, table, CALL_WORDS) == []


def test_a_year_next_to_a_word_for_text_in_another_language_is_a_year():
    assert refused("O texto da Kinderlijn é de 2021.", "pt") == []


def test_a_text_may_name_the_site_itself_and_nothing_that_looks_like_it():
    """A read-me names the site's own address (site_url); a host that only
    starts like it, another scheme or another host stays refused."""
    own = "https://uitweg.example/"
    text = "Open https://uitweg.example/ or https://uitweg.example/en/index.html."
    assert judge_text(text, TABLE, "en", call_words=CALL_WORDS, site_url=own) == []
    assert judge_text(text, TABLE, "en", call_words=CALL_WORDS) != []   # without site_url: not in the table
    for other in ("https://uitweg.example.evil.be/", "http://uitweg.example/", "https://www.uitweg.example/",
                  "https://uitweg.exampIe/"):
        assert judge_text(f"Open {other} now.", TABLE, "en", call_words=CALL_WORDS, site_url=own), other


# -- Thai, Tigrinya and Persian (issue 20 in three more scripts) -----------------
# Test-only word lists (the languages' own lists land with their translations).
# Thai writes no spaces between words and its vowel and tone marks are
# combining marks; Persian joins parts of a word with U+200C; Tigrinya ends a
# sentence with "።".

from uitweg.gate.numbers import NumberWords  # noqa: E402

NEW_WORDS = NumberWords(
    units={"th": frozenset({"วัน", "ปี", "ชั่วโมง", "ยูโร", "คน"}),
           "fa": frozenset({"روز", "ساعت", "سال", "یورو", "هفته\u200cها", "دورهٔ"}),
           "ti": frozenset({"መዓልቲ", "ሰዓት", "ዓመት", "ዩሮ"}), "any": frozenset({"€", "%"})},
    law_words=frozenset(), street_endings=(), exceptions=frozenset(),
    texting=frozenset({"sms", "ข้อความ", "پیامک"}), time_words={"th": frozenset({"น"}), "nl": frozenset({"uur"})})
NEW_CALL_WORDS = CALL_WORDS | {"โทร", "ติดต่อ", "เบอร์", "ደውሉ", "تماس", "بگیرید"}


def new_refused(text: str, lang: str) -> list[str]:
    return [f.text for f in judge_numbers(text, TABLE, NEW_CALL_WORDS, words=NEW_WORDS, lang=lang) if f.refused]


NEW_ORDINARY = [
    ("th", "เปิด 365 วันต่อปี"), ("th", "ค่าใช้จ่าย 300 ยูโร"), ("th", "365วัน"), ("th", "เปิด 24 ชั่วโมง 365วันต่อปี"),
    ("th", "เปิดเวลา 9.00–17.00 น."), ("th", "เปิด 9.00-17.00น. ทุกวัน"), ("th", "ในปี 2020 มีผู้เสียหาย 120 คน"),
    ("th", "ติดต่อเบอร์ 1712 ได้ตลอดเวลา"),
    ("fa", "۳۶۵ روز در سال باز است."), ("fa", "۳۰۰ یورو"), ("fa", "می\u200cتوانید ۲۴ ساعت با ۱۱۲ تماس بگیرید."),
    ("fa", "۳۶۵ هفته\u200cها"), ("fa", "۳۶۵ هفتهها"), ("fa", "۱۲۰ دورهٔ"), ("fa", "۱۲۰ دوره"),
    ("ti", "ፖሊስ ይሕግዝ። ናብ 112 ደውሉ።"), ("ti", "365 መዓልቲ ኣብ ዓመት ክፉት እዩ።"), ("ti", "ንUitweg ብ 1712 ደውሉ።"),
]


@pytest.mark.parametrize("lang, text", NEW_ORDINARY)
def test_ordinary_thai_persian_and_tigrinya_sentences_pass(lang, text):
    assert new_refused(text, lang) == [], text


# Each excuse these scripts use, with a dialable number where it would excuse.
NEW_EXCUSES = [
    ("th", "โทร {} วัน"), ("th", "เปิด {} วันต่อปี"), ("th", "{}วัน"), ("th", "ค่าใช้จ่าย {} ยูโร"),
    ("fa", "{} روز"), ("fa", "{} هفتهها"), ("fa", "{} دوره"), ("ti", "{} መዓልቲ"),
]


@pytest.mark.parametrize("lang, context", NEW_EXCUSES)
@pytest.mark.parametrize("number", ["100", "1813", "116006", "02 511 64 65"])
def test_no_unit_of_these_scripts_excuses_a_number_one_can_call(lang, context, number):
    assert new_refused(context.format(number), lang) == [number]


@pytest.mark.parametrize("text", ["เปิด 1.16-0.06 น.", "เปิด 1.16–0.06น.", "Open 1:16-0:06", "Open 1.16-0.06 uur"])
def test_a_range_of_times_one_can_dial_is_no_time(text):
    # 116006 to the numbering plan: the time excuse stops there.
    assert new_refused(text, "th")


@pytest.mark.parametrize("text, lang", [("เปิด 17.00 น.", "th"), ("เปิด 9.00 น.", "th"), ("Open 17:00", "th"),
                                        ("Open 17.00 uur", "nl")])
def test_one_clock_time_is_a_time(text, lang):
    assert new_refused(text, lang) == []


def test_a_time_word_belongs_to_the_pages_language():
    # 1700 is a short number one can call: "uur" makes it a time on a Dutch page only.
    assert new_refused("Open 17.00 uur", "th") == ["17.00"]
    assert new_refused("เปิด 17.00 น.", "nl") == ["17.00"]
    assert new_refused("Open 17.00 uur", None) == []   # the page's language not known: every language's words


@pytest.mark.parametrize("text", ["โทร 17.00", "โทร 1.10", "Bel 17.00 nu"])
def test_a_dot_time_without_its_time_word_is_judged_as_a_number(text):
    assert new_refused(text, "th")


def test_a_call_word_glued_before_a_number_in_thai_is_a_call_word():
    assert new_refused("ติดต่อเบอร์ 2020", "th") == ["2020"]   # no year after a call word
    assert new_refused("ติดต่อ 2020", "th") == ["2020"]


def test_a_texting_word_inside_thai_words_makes_a_text_code_dialable():
    found = [f for f in judge_numbers("ส่งข้อความไปที่ 4411", TABLE, NEW_CALL_WORDS, words=NEW_WORDS, lang="th")]
    assert [f.dialable for f in found if f.refused] == [True]


def ti_page(html: str) -> list[str]:
    from gate_table import _contact

    from uitweg.contacts.model import ContactTable
    table = ContactTable([_contact("emergency", {"en": "Emergency number 112", "ti": "ህጹጽ ቁጽሪ 112"}, "112"),
                          _contact("police", {"en": "Police", "ti": "ፖሊስ"}, "101")], {})
    return [f.message for f in page_problems(f"<html lang=ti><body>{html}</body></html>", table, NEW_CALL_WORDS)]


def test_an_ethiopic_full_stop_ends_a_sentence():
    assert ti_page("<p>ፖሊስ ይሕግዝ። ናብ 112 ደውሉ።</p>") == []
    assert ti_page("<p>ፖሊስ ይሕግዝ፧ ናብ 112 ደውሉ።</p>") == []
    assert ti_page("<p>ፖሊስ ይሕግዝ።ናብ 112 ደውሉ።</p>") == []
    # In one sentence, the police's name next to the emergency number is still refused.
    assert any("names Police" in m for m in ti_page("<p>ፖሊስ ናብ 112 ደውሉ።</p>"))
    assert any("names Police" in m for m in ti_page("<p>ፖሊስ ይሕግዝ፣ ናብ 112 ደውሉ።</p>"))   # ፣ is a comma


@pytest.mark.parametrize("text", ["تماس با ۱۱۲\u200f.", "تماس با \u200e۱۱۲.", "ساعت ۱۱۲\u200e"])
def test_direction_marks_at_a_persian_number_are_refused(text):
    assert judge_text(text, TABLE, "fa", call_words=NEW_CALL_WORDS)


def test_a_zero_width_non_joiner_is_no_direction_mark_and_splits_no_word():
    from uitweg.gate.bidi import bidi_problems
    text = "می\u200cتوانید با ۱۱۲ تماس بگیرید.\u200c"
    assert bidi_problems(text) == [] and bidi_problems("۱۱۲\u200c") == []
    assert judge_text(text, TABLE, "fa", call_words=NEW_CALL_WORDS) == []
