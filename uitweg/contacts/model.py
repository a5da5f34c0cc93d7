"""The contact table's model: an entry (`Contact`), its numbers (`Phone`)
and the table with its look-ups. Loading is in `load`, checks of single
fields in `validate`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from uitweg.contacts.freshness import Check, Source
from uitweg.core import paths


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
    placeholder: bool = False   # to be filled in before a release (uitweg/contacts/placeholders.py)


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


def national_digits(written: str) -> str:
    """National digits of a number however written, the key of the table's
    look-up: "+32 (0)2 511 64 64", "0032 2 511 64 64", "(02) 511 64 64",
    "02/511.64.64" -> "025116464"; "1712" -> "1712"; a foreign number keeps
    its country: "+1 712 …" or "001 712 …" -> "+1712…"."""
    text = written.strip()
    international = text.startswith("+") or re.sub(r"\D", "", text).startswith("00")
    if international:
        text = re.sub(r"\(\s*0\s*\)", "", text)   # the "(0)" of "+32 (0)2 …" is not dialled
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        return "0" + digits[2:] if digits.startswith("32") else "+" + digits
    if digits.startswith("0032"):
        return "0" + digits[4:]
    if digits.startswith("00"):
        return "+" + digits[2:]
    return digits
