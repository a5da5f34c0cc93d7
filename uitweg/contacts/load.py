"""Load data/contacts.yml into the model, collecting every problem (schema,
phone numbers, e-mail addresses, URLs, duplicate ids, missing translations)
into one BuildError that names the entry and the field of each, with its
line in the file. What the table's texts say is judged by the gate
(`uitweg.gate.table_text`), like every other text a reader gets.
"""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from uitweg.contacts.freshness import read_entry, read_sources
from uitweg.contacts.model import Contact, ContactTable, Phone
from uitweg.contacts.validate import EMAIL_RE, parse_phone, schema_message, url_problem
from uitweg.core import paths
from uitweg.core.filecache import cached_loader
from uitweg.core.languages import load_languages
from uitweg.core.problems import BuildError, Problem
from uitweg.core.yamlfile import line_of, load_with_lines


@cached_loader
def load_contacts(path: Path | str = paths.CONTACTS, languages=None) -> ContactTable:
    """Load and validate the table; raise BuildError listing every problem."""
    path = Path(path)
    langs = (languages or load_languages()).codes
    shown = shown_path(path)
    try:
        data, lines = load_with_lines(path)
    except (OSError, ValueError) as exc:  # yaml errors are ValueErrors
        raise BuildError([Problem(shown, getattr(getattr(exc, "problem_mark", None), "line", -1) + 1 or None,
                                  f"cannot read the contact table: {exc}")], "The contact table is broken") from exc
    problems: list[Problem] = []

    def add(keypath: tuple, message: str) -> None:
        problems.append(located(shown, data, lines, keypath, message))

    schema = json.loads(paths.CONTACTS_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for err in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        add(tuple(err.absolute_path), schema_message(err))
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
            parsed = parse_phone(ph["number"])
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
            if (msg := url_problem(url)):
                add(base + ("websites", j), msg)
        if entry.get("placeholder") and (entry["phones"] or entry["emails"] or entry["websites"]):
            add(base + ("placeholder",), "a placeholder holds no phone number, e-mail or website (none may reach a "
                                         "reader before it is real); fill in the real contact and remove "
                                         "`placeholder: true`, or leave phones, emails and websites empty")
        entry_sources, checked = read_entry(entry, base, sources, add)
        contacts.append(Contact(cid, entry["kind"], entry["name"], entry["description"], entry["region"],
                                tuple(phones), tuple(entry["emails"]), tuple(entry["websites"]),
                                entry_sources, checked, entry.get("address"), entry.get("strip_label"),
                                entry.get("placeholder", False)))
    for code in langs:
        if code not in data["quick_exit"]:
            add(("quick_exit",), f"no {code!r} quick-exit address; add `{code}: https://…`")
    for code, url in data["quick_exit"].items():
        if (msg := url_problem(url)):
            add(("quick_exit", code), msg)
    if problems:
        raise BuildError(problems, f"The contact table {shown} is not valid")
    return ContactTable(contacts, data["quick_exit"], path)


def located(shown: str, data: dict, lines: dict, keypath: tuple, message: str) -> Problem:
    """A problem at its line of the table, named by entry id and field:
    `data/contacts.yml:12: entry 'pag-asa', field 'phones[0].number': …`."""
    where = ""
    if len(keypath) >= 2 and keypath[0] == "contacts" and isinstance(keypath[1], int):
        entry = data["contacts"][keypath[1]]
        cid = entry.get("id") if isinstance(entry, dict) else None
        fieldpath = ".".join(str(k) if not isinstance(k, int) else f"[{k}]" for k in keypath[2:]).replace(".[", "[")
        where = f"entry {cid or '#' + str(keypath[1] + 1)!r}" + (f", field {fieldpath!r}" if fieldpath else "") + ": "
    return Problem(shown, line_of(lines, keypath), where + message)


def shown_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(paths.ROOT))
    except ValueError:
        return str(path)
