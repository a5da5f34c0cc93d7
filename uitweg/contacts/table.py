"""The contact table (data/contacts.yml): load, validate, look up.

Validation collects every problem (schema, phone numbers, e-mail addresses,
URLs, duplicate ids, missing translations) and raises one BuildError that
names the entry and the field of each, with its line in the file.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import phonenumbers
from phonenumbers import shortnumberinfo

from uitweg.contacts.freshness import Check, Source, read_entry, read_sources
from uitweg.contacts.table_text import table_text_problems
from uitweg.core import paths
from uitweg.core.filecache import cached_loader
from uitweg.core.languages import load_languages
from uitweg.core.problems import BuildError, Problem
from uitweg.core.yamlfile import line_of, load_with_lines

REGION = "BE"
EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


@dataclass(frozen=True)
class Phone:
    number: str          # as written in Belgium: "02 511 64 64", "1712"
    digits: str          # "025116464", "1712"
    short: bool          # short numbers are dialled as they are
    e164: str | None     # "+3225116464" for long numbers
    free: bool | None
    always_open: bool | None
    hours: dict | None   # {lang: text} or None when the source does not say

    @property
    def tel(self) -> str:
        """The tel: URL: E.164 for long numbers, the digits for short ones."""
        return "tel:" + (self.digits if self.short else self.e164)


@dataclass(frozen=True)
class Contact:
    id: str
    kind: str
    name: dict
    description: dict
    region: dict | None
    phones: tuple[Phone, ...]
    emails: tuple[str, ...]
    websites: tuple[str, ...]
    sources: tuple[Source, ...]
    checked: Check        # the last check: how and when (uitweg/contacts/freshness.py)
    address: str | None = None
    strip_label: dict | None = None   # {lang: text} on the emergency-strip chip


@dataclass
class ContactTable:
    contacts: list[Contact]
    quick_exit: dict
    path: Path = paths.CONTACTS
    _by_digits: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for c in self.contacts:
            for p in c.phones:
                self._by_digits[p.digits] = (c, p)

    def get(self, contact_id: str) -> Contact:
        for c in self.contacts:
            if c.id == contact_id:
                return c
        raise KeyError(contact_id)

    @property
    def ids(self) -> list[str]:
        return [c.id for c in self.contacts]

    def phone_by_digits(self, digits: str) -> tuple[Contact, Phone] | None:
        """Look up a number by its national digits ("025116464", "1712")."""
        return self._by_digits.get(digits)

    @property
    def short_numbers(self) -> set[str]:
        return {p.digits for _, p in self._by_digits.values() if p.short}

    @property
    def emails(self) -> dict[str, Contact]:
        return {e.lower(): c for c in self.contacts for e in c.emails}

    @property
    def websites(self) -> dict[str, Contact]:
        return {w: c for c in self.contacts for w in c.websites}

    def external_targets(self) -> set[str]:
        """Every http(s) and mailto target a page may link to."""
        targets = {"mailto:" + e for e in self.emails}
        targets |= set(self.websites)
        targets |= set(self.quick_exit.values())
        return targets

    def nearest_phone(self, digits: str) -> tuple[Contact, Phone] | None:
        """The table's number closest to `digits`, for "did you mean …?"."""
        best, best_score = None, 0.0
        for c, p in self._by_digits.values():
            score = SequenceMatcher(None, digits, p.digits).ratio()
            if score > best_score:
                best, best_score = (c, p), score
        return best if best_score >= 0.5 else None

    def nearest_target(self, target: str) -> str | None:
        best, best_score = None, 0.0
        for t in sorted(self.external_targets()):
            score = SequenceMatcher(None, target.lower(), t.lower()).ratio()
            if score > best_score:
                best, best_score = t, score
        return best if best_score >= 0.5 else None


def normalise_digits(text: str) -> str:
    """National digits of a Belgian number written any way:
    "+32 2 511 64 64", "0032 2 511 64 64", "02/511.64.64" -> "025116464"."""
    d = re.sub(r"\D", "", text)
    if text.strip().startswith("+32"):
        d = "0" + d[2:]
    elif d.startswith("0032"):
        d = "0" + d[4:]
    return d


def _parse_phone(raw: str) -> tuple[str, bool, str | None] | str:
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


def _url_problem(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc or " " in url:
        return f"{url!r} is not a full https:// address"
    if parts.query and re.search(r"(^|&)(utm_|fbclid|gclid|mc_)", parts.query):
        return f"{url!r} carries tracking parameters; remove them"
    return None


@cached_loader
def load_contacts(path: Path | str = paths.CONTACTS, languages=None) -> ContactTable:
    """Load and validate the table; raise BuildError listing every problem."""
    path = Path(path)
    langs = (languages or load_languages()).codes
    shown = _shown_path(path)
    try:
        data, lines = load_with_lines(path)
    except (OSError, ValueError) as exc:  # yaml errors are ValueErrors
        raise BuildError([Problem(shown, getattr(getattr(exc, "problem_mark", None), "line", -1) + 1 or None,
                                  f"cannot read the contact table: {exc}")], "The contact table is broken") from exc
    problems: list[Problem] = []

    def add(keypath: tuple, message: str) -> None:
        where = ""
        if len(keypath) >= 2 and keypath[0] == "contacts" and isinstance(keypath[1], int):
            entry = data["contacts"][keypath[1]]
            cid = entry.get("id") if isinstance(entry, dict) else None
            fieldpath = ".".join(str(k) if not isinstance(k, int) else f"[{k}]" for k in keypath[2:]).replace(".[", "[")
            where = f"entry {cid or '#' + str(keypath[1] + 1)!r}" + (f", field {fieldpath!r}" if fieldpath else "") + ": "
        problems.append(Problem(shown, line_of(lines, keypath), where + message))

    schema = json.loads(paths.CONTACTS_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for err in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        add(tuple(err.absolute_path), _schema_message(err))
    if problems:
        raise BuildError(problems, f"The contact table {shown} is not valid")

    seen_ids: dict[str, int] = {}
    seen_numbers: dict[str, str] = {}
    contacts: list[Contact] = []
    sources = read_sources(data, add)
    for i, entry in enumerate(data["contacts"]):
        base = ("contacts", i)
        cid = entry["id"]
        if cid in seen_ids:
            add(base + ("id",), f"duplicate id {cid!r} (also used by entry #{seen_ids[cid] + 1}); each id must be unique")
        seen_ids.setdefault(cid, i)
        for fld in ("name", "description", "region", "strip_label"):
            value = entry.get(fld)
            if value is None:
                continue
            for code in langs:
                if code not in value:
                    add(base + (fld,), f"no {code!r} text; add `{code}: …` (every language in data/languages.yml needs one)")
            for code in value:
                if code not in langs:
                    add(base + (fld, code), f"unknown language {code!r}; data/languages.yml has {', '.join(langs)}")
        phones = []
        for j, ph in enumerate(entry["phones"]):
            parsed = _parse_phone(ph["number"])
            if isinstance(parsed, str):
                add(base + ("phones", j, "number"), parsed)
                continue
            digits, short, e164 = parsed
            if digits in seen_numbers:
                add(base + ("phones", j, "number"), f"{ph['number']} is already listed under {seen_numbers[digits]!r}; a number belongs to one entry")
            seen_numbers.setdefault(digits, cid)
            if ph["hours"] is not None:
                for code in langs:
                    if code not in ph["hours"]:
                        add(base + ("phones", j, "hours"), f"no {code!r} text; add `{code}: …`")
            phones.append(Phone(ph["number"], digits, short, e164, ph["free"], ph["always_open"], ph["hours"]))
        for j, email in enumerate(entry["emails"]):
            if not EMAIL_RE.match(email):
                add(base + ("emails", j), f"{email!r} is not an e-mail address (name@domain.be)")
        for j, url in enumerate(entry["websites"]):
            if (msg := _url_problem(url)):
                add(base + ("websites", j), msg)
        entry_sources, checked = read_entry(entry, base, sources, add)
        contacts.append(Contact(cid, entry["kind"], entry["name"], entry["description"], entry["region"],
                                tuple(phones), tuple(entry["emails"]), tuple(entry["websites"]),
                                entry_sources, checked, entry.get("address"), entry.get("strip_label")))
    for keypath, message in table_text_problems(data, ContactTable(contacts, data["quick_exit"], path)):
        add(keypath, message)
    for code in langs:
        if code not in data["quick_exit"]:
            add(("quick_exit",), f"no {code!r} quick-exit address; add `{code}: https://…`")
    for code, url in data["quick_exit"].items():
        if (msg := _url_problem(url)):
            add(("quick_exit", code), msg)
    if problems:
        raise BuildError(problems, f"The contact table {shown} is not valid")
    return ContactTable(contacts, data["quick_exit"], path)


def _schema_message(err: jsonschema.ValidationError) -> str:
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


def _shown_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(paths.ROOT))
    except ValueError:
        return str(path)
