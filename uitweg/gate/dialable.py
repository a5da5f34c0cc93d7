"""What a person can call in Belgium: the numbering plan (libphonenumber,
region BE) is the oracle, not a pattern of ours.

- a long number: valid for region BE when written nationally ("0485 …"),
  or valid in its own country when written internationally ("+44 …");
- a short number: a valid Belgian short code (emergency, toll-free, standard
  and premium voice codes: 1xx, 1xxx, 116xxx …), and every 116xxx (the EU's
  harmonised range);
- 2000–9999: libphonenumber lists all of them as premium text-message codes,
  which covers every year of this century; they count as dialable only next
  to a texting word (`texting`), otherwise the context rules decide.
"""
from __future__ import annotations

import functools

import phonenumbers
from phonenumbers import shortnumberinfo

REGION = "BE"


def is_sms_range(digits: str) -> bool:
    return len(digits) == 4 and digits[0] in "23456789"


@functools.lru_cache(maxsize=65536)
def looks_long(number: str) -> bool:
    """True for national digits written like a Belgian long number (a 0 and
    the length of one) or any international number of a possible length:
    a reader takes it for a phone number even where no line answers it."""
    if not number.startswith(("0", "+")) or number.startswith("00"):
        return False
    try:
        return phonenumbers.is_possible_number(phonenumbers.parse(number, REGION))
    except phonenumbers.NumberParseException:
        return False


@functools.lru_cache(maxsize=65536)
def dialable(number: str, texting: bool = False) -> bool:
    """True when `number` (national digits "025116465", "1207", or
    "+44…" for a foreign one) can be called or texted from Belgium."""
    if not number or len(number.lstrip("+")) < 3 or len(number.lstrip("+")) > 17:
        return False
    try:
        parsed = phonenumbers.parse(number, REGION)
    except phonenumbers.NumberParseException:
        return False
    if not number.startswith(("0", "+")) and len(number) > 6:
        return False   # a Belgian number of 7+ digits is dialled with its 0 (or +32)
    if number.startswith("+"):
        return phonenumbers.is_valid_number(parsed)
    if number.startswith("0"):
        return phonenumbers.is_valid_number(parsed)
    if len(number) == 6 and number.startswith("116"):
        return True
    if is_sms_range(number):
        return texting
    return shortnumberinfo.is_valid_short_number_for_region(parsed, REGION)
