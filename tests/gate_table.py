"""A contact table made for the gate's tests, independent of data/contacts.yml:
no test of the judge asserts today's state of the real data. Its numbers
are real Belgian numbers of every shape (a long fixed-line number, a short
helpline, an EU 116 number, emergency numbers) so the numbering plan treats
them as the real ones; the names are made up, two of them close enough to
mix up."""
from __future__ import annotations

import datetime as dt

import phonenumbers

from uitweg.contacts.freshness import Check
from uitweg.contacts.model import Contact, ContactTable, Phone, national_digits

CALL_WORDS = frozenset({"bel", "call", "appelez", "nummer", "number", "numéro", "tel", "phone", "bereikbaar",
                        "sună", "обадете", "ligue", "拨打", "اتصل", "телефонуйте"})


def _phone(number: str) -> Phone:
    digits = national_digits(number)
    short = len(digits) <= 6
    e164 = None if short else phonenumbers.format_number(phonenumbers.parse(number, "BE"),
                                                         phonenumbers.PhoneNumberFormat.E164)
    return Phone(number, digits, short, e164, True, True, None)


def _contact(cid: str, names: dict, *numbers: str, emails=(), websites=()) -> Contact:
    return Contact(cid, "helpline", names, {"en": "x"}, None, tuple(_phone(n) for n in numbers),
                   tuple(emails), tuple(websites), (), Check("document", dt.date(2026, 1, 1)))


TABLE = ContactTable([
    _contact("emergency", {"en": "Emergency number 112", "nl": "Noodnummer 112"}, "112"),
    _contact("police", {"en": "Police", "nl": "Politie"}, "101"),
    _contact("helpline", {"en": "Helpline 1712", "nl": "Hulplijn 1712"}, "1712"),
    _contact("children", {"en": "Kinderlijn", "nl": "Kinderlijn"}, "116000"),
    _contact("harbour", {"en": "Harbour House", "nl": "Havenhuis"}, "02 511 64 64",
             emails=("info@harbour.example",), websites=("https://www.harbour.example/",)),
    _contact("lighthouse", {"en": "Lighthouse", "nl": "Vuurtoren"}, "03 201 16 90",
             websites=("https://lighthouse.example/hulp",)),
    _contact("riverside", {"en": "Riverside", "nl": "Rivierhuis"}, "04 232 40 30"),
], {"nl": "https://www.google.com/"})
