"""Checks of single fields of the contact table: a phone number against
the Belgian numbering plan (libphonenumber), an e-mail address, a web
address, and the wording of schema errors."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import jsonschema
import phonenumbers
from phonenumbers import shortnumberinfo

REGION = "BE"
EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


def parse_phone(raw: str) -> tuple[str, bool, str | None] | str:
    """Return (digits, short, e164) or an error text."""
    text = raw.strip()
    if re.fullmatch(r"\d{3,6}", text):
        num = phonenumbers.parse(text, REGION)
        if not shortnumberinfo.is_valid_short_number_for_region(num, REGION):
            return f"{raw!r} is not a Belgian short number (check it against the source; 1712, 116000, 101 and 112 are)"
        return text, True, None
    if not re.fullmatch(r"0\d(?:[ ]?\d)+", text):
        return f"{raw!r} is not written as a Belgian number: write it nationally with spaces, e.g. \"02 511 64 64\" or \"0470 12 34 56\""
    try:
        num = phonenumbers.parse(text, REGION)
    except phonenumbers.NumberParseException as exc:
        return f"{raw!r} cannot be read as a phone number ({exc})"
    if not phonenumbers.is_valid_number(num):
        return f"{raw!r} is not a valid Belgian phone number (wrong length or area code)"
    return text.replace(" ", ""), False, phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)


def url_problem(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc or " " in url:
        return f"{url!r} is not a full https:// address"
    if parts.query and re.search(r"(^|&)(utm_|fbclid|gclid|mc_)", parts.query):
        return f"{url!r} carries tracking parameters; remove them"
    return None


def schema_message(err: jsonschema.ValidationError) -> str:
    if err.validator == "required":
        missing = [f for f in err.validator_value if isinstance(err.instance, dict) and f not in err.instance]
        return f"missing field {', '.join(repr(m) for m in missing)}; see data/contacts.schema.json"
    if err.validator == "additionalProperties":
        return f"{err.message}; allowed fields are listed in data/contacts.schema.json"
    if err.validator == "enum":
        return f"{err.instance!r} is not allowed; use one of {', '.join(map(str, err.validator_value))}"
    if err.validator == "pattern" and err.absolute_path and err.absolute_path[-1] == "id":
        return f"id {err.instance!r} must be lower case letters, digits and dashes (e.g. pag-asa)"
    return err.message
