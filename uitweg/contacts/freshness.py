"""How fresh is a contact? Its sources and its last check.

Each entry of data/contacts.yml names its `sources` (documents listed once
under the top-level `sources:`, findable by publisher, title and year) and
its last check: `checked: {method, date, by}`. This module reads and
validates both, and writes the check in words a reader understands, saying
exactly what was done ("From a source document; compared on 23 November
2026. Not yet confirmed by the organisation."), with month names and
sentences from data/languages.yml (`ui`), so the output is the same on every
machine.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

PUBLIC_FACT = "public fact"
# Methods where a person of the organisation confirmed the entry.
BY_A_PERSON = ("phone", "organisation")


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    kind: str
    publisher: str | None
    year: int | None

    def describe(self) -> str:
        """As an editor finds it again: "Child Focus, “Kinderprostitutie” (web page), 2021"."""
        if self.kind == PUBLIC_FACT:
            return f"“{self.title}” (public fact)"
        return (f"{self.publisher or 'publisher not stated'}, “{self.title}” ({self.kind}), "
                f"{self.year or 'year not stated'}")


@dataclass(frozen=True)
class Check:
    method: str          # document | phone | organisation
    date: dt.date
    by: str | None = None

    @property
    def by_a_person(self) -> bool:
        return self.method in BY_A_PERSON


def read_sources(data: dict, add: Callable[[tuple, str], None]) -> dict[str, Source]:
    """The top-level `sources:` map (structure already checked by the schema)."""
    sources = {}
    for key, doc in data["sources"].items():
        if doc["kind"] != PUBLIC_FACT:
            for fld in ("publisher", "year"):
                if fld not in doc:
                    add(("sources", key), f"source {key!r} has no `{fld}:`; write what the document states, "
                                          f"or `{fld}: null` when it does not say (never guess)")
        sources[key] = Source(key, doc["title"], doc["kind"], doc.get("publisher"), doc.get("year"))
    return sources


def read_entry(entry: dict, base: tuple, sources: dict[str, Source],
               add: Callable[[tuple, str], None]) -> tuple[tuple[Source, ...], Check]:
    """An entry's sources and last check; problems go to `add(keypath, message)`."""
    found = []
    for j, key in enumerate(entry["sources"]):
        if key in sources:
            found.append(sources[key])
        else:
            add(base + ("sources", j), f"unknown source {key!r}; the sources at the end of data/contacts.yml "
                                       f"are: {', '.join(sources)}")
    raw = entry["checked"]
    try:
        day = dt.date.fromisoformat(raw["date"])
    except ValueError:
        add(base + ("checked", "date"), f"{raw['date']!r} is not a date; write YYYY-MM-DD")
        day = dt.date.min
    if raw["method"] in BY_A_PERSON and not raw.get("by"):
        add(base + ("checked",), f"checked by {raw['method']} needs `by:`, who checked and whom they asked "
                                 "(e.g. by: \"Anna called the reception\"), so a second person can review it")
    return tuple(found), Check(raw["method"], day, raw.get("by"))


def date_in_words(day: dt.date, ui: dict) -> str:
    """"23 November 2026" in the language of `ui` (month names from data/languages.yml)."""
    first = ui.get("first_day") if day.day == 1 else None   # French: "1er novembre"
    return ui["date_format"].format(day=first or day.day, month=ui["months"][day.month - 1], year=day.year)


def how_in_words(check: Check, ui: dict) -> str:
    """"compared with the source documents" / "confirmed by phone by the organisation"."""
    return ui["checked"][check.method]


def card_line(check: Check, ui: dict) -> str:
    """The short line under a contact card, one sentence per method, so that a
    comparison with documents never reads as a confirmation ("From a source
    document; compared on 23 November 2026. Not yet confirmed by the
    organisation."). The date ends its clause, so that a call word of the
    sentence ("phone") never stands next to the year (the number gate would
    rightly ask what that number is)."""
    return ui["card_checked"][check.method].format(date=date_in_words(check.date, ui))


def summary(checks: list[Check], ui: dict) -> str:
    """Markdown for [[verified]]: how many entries a person confirmed, and the oldest check."""
    confirmed = sum(c.by_a_person for c in checks)
    oldest = min(checks, key=lambda c: c.date)
    return ui["checked_summary"].format(total=len(checks), confirmed=confirmed, documents=len(checks) - confirmed,
                                        oldest_date=date_in_words(oldest.date, ui),
                                        oldest_how=how_in_words(oldest, ui))
