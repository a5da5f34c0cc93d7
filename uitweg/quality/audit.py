"""Are the contacts still right? (make audit)

    python -m uitweg.quality.audit [--today YYYY-MM-DD] [--seeds DIR]

Lists every entry of data/contacts.yml that no person of the organisation has
confirmed (its last check only compared it with documents), and every entry
whose last check is older than the limit in data/gates.yml (6 months). Only
with `--seeds DIR` does it also list the phone numbers and e-mail addresses
of seed documents that the table lacks; without it, it reads nothing outside
the repository. Exit 1 when there is something to check, so a scheduled job
can warn; 0 when all is fresh; 2 on bad arguments.
"""
from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from uitweg.contacts.load import load_contacts
from uitweg.contacts.model import Contact, ContactTable
from uitweg.core import paths
from uitweg.core.languages import load_languages
from uitweg.core.problems import BuildError, Problem, line_at
from uitweg.core.yamlfile import line_of, load_with_lines
from uitweg.gate.links import BARE_EMAIL
from uitweg.gate.numbers import callable_numbers, judge_numbers
from uitweg.quality.settings import load_gates

HOW = {"document": "compared with its source documents", "phone": "confirmed by phone",
       "organisation": "confirmed by the organisation itself"}


def months_before(day: date, months: int) -> date:
    """The same day `months` months earlier (31 May - 3 months = 28/29 Feb)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _sources(c: Contact) -> str:
    return "; ".join(s.describe() for s in c.sources)


def unconfirmed_entries(table: ContactTable, today: date) -> list[Problem]:
    """Entries whose last check was a comparison with documents: nobody asked the organisation."""
    _, lines = load_with_lines(table.path)
    shown = _shown(table.path)
    return [Problem(shown, line_of(lines, ("contacts", i, "checked")),
                    f"entry {c.id!r} has not been confirmed by a person: it was only {HOW['document']} on "
                    f"{c.checked.date.isoformat()}. Call the organisation (or ask it in writing) "
                    f"whether its numbers, e-mail and website are right, correct what changed, then write "
                    f"`checked: {{method: phone, date: {today.isoformat()}, by: \"who called whom\"}}`.")
            for i, c in enumerate(table.contacts) if not c.checked.by_a_person]


def stale_entries(table: ContactTable, today: date, max_age_months: int) -> list[Problem]:
    """Entries last checked before `today` minus `max_age_months` months."""
    cutoff = months_before(today, max_age_months)
    _, lines = load_with_lines(table.path)
    shown = _shown(table.path)
    return [Problem(shown, line_of(lines, ("contacts", i, "checked")),
                    f"entry {c.id!r} was last checked on {c.checked.date.isoformat()} ({HOW[c.checked.method]}), "
                    f"more than {max_age_months} months ago (before {cutoff.isoformat()}). Ask the organisation "
                    f"whether its numbers, e-mail and website are still right (its sources: {_sources(c)}), correct what changed, then write "
                    f"`checked: {{method: phone, date: {today.isoformat()}, by: \"who called whom\"}}`.")
            for i, c in enumerate(table.contacts) if c.checked.date < cutoff]


def seed_files(seeds_dir: Path) -> list[Path]:
    return sorted(p for p in Path(seeds_dir).rglob("*.txt") if p.is_file())


def seeds_not_in_table(seeds_dir: Path, table: ContactTable, call_words: frozenset[str]) -> list[Problem]:
    """Numbers and e-mail addresses of the seeds that data/contacts.yml lacks,
    each once per seed file, at its first line."""
    problems = []
    emails = table.emails
    for path in seed_files(seeds_dir):
        text = path.read_text(encoding="utf-8", errors="replace")
        shown = _shown(path)
        seen: set[str] = set()
        for n in callable_numbers(judge_numbers(text, table, call_words)):
            if table.phone_by_digits(n.digits) or n.digits in seen:
                continue
            seen.add(n.digits)
            problems.append(Problem(shown, line_at(text, n.start),
                                    f"the seed gives the number {n.text.strip()} ({_line_text(text, n.start)}), "
                                    "which is not in data/contacts.yml. If the organisation still uses it, add it to "
                                    "its entry with this document in its `sources`; if the site dropped it on "
                                    "purpose, nothing to do."))
        for m in BARE_EMAIL.finditer(text):
            address = m.group(0).lower()
            if address in emails or address in seen:
                continue
            seen.add(address)
            problems.append(Problem(shown, line_at(text, m.start()),
                                    f"the seed gives the e-mail address {m.group(0)} ({_line_text(text, m.start())}), "
                                    "which is not in data/contacts.yml. If the organisation still uses it, add it to "
                                    "its entry's `emails` with this document in its `sources`; if the site dropped "
                                    "it on purpose, nothing to do."))
    return problems


def audit(table: ContactTable, today: date, max_age_months: int, seeds_dir: Path | None = None,
          call_words: frozenset[str] = frozenset()) -> list[Problem]:
    """Everything to check, in the order of the file; seeds only when `seeds_dir` is given."""
    table_problems = sorted(unconfirmed_entries(table, today) + stale_entries(table, today, max_age_months),
                            key=lambda p: p.line or 0)
    seeds = seeds_not_in_table(seeds_dir, table, call_words) if seeds_dir is not None else []
    return table_problems + seeds


def _line_text(text: str, offset: int, width: int = 70) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = " ".join(text[start:end if end >= 0 else len(text)].split())
    return f"“{line[:width - 1]}…”" if len(line) > width else f"“{line}”"


def _shown(path: Path) -> str:
    """Relative to the repository ("data/contacts.yml"), else as given."""
    full = Path(path).resolve()
    if full.is_relative_to(paths.ROOT):
        return os.path.relpath(full, paths.ROOT)
    return str(path)


def main(argv: list[str] | None = None) -> int:
    settings = load_gates()["audit"]
    parser = argparse.ArgumentParser(prog="python -m uitweg.quality.audit", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, default=None,
                        help="also compare with the seed documents in this folder (never read by default)")
    parser.add_argument("--today", type=date.fromisoformat, default=None, help="date to audit on (YYYY-MM-DD)")
    parser.add_argument("--contacts", type=Path, default=paths.CONTACTS, help=argparse.SUPPRESS)
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.seeds is not None and not args.seeds.is_dir():
        print(f"seed folder {args.seeds} not found: pass --seeds DIR (make audit SEEDS=DIR) with the folder "
              "of the seed documents", file=sys.stderr)
        return 2
    today = args.today or date.today()
    months = settings["max_age_months"]
    languages = load_languages()
    try:
        table = load_contacts(args.contacts, languages)
    except BuildError as err:
        print(err, file=sys.stderr)
        return 1
    problems = audit(table, today, months, args.seeds, languages.all_call_words())
    unconfirmed = sum(not c.checked.by_a_person for c in table.contacts)
    stale = sum(c.checked.date < months_before(today, months) for c in table.contacts)
    seeds = (f"every number and e-mail address of the {len(seed_files(args.seeds))} seed files is in the table"
             if args.seeds is not None else "seed documents not compared (make audit SEEDS=DIR)")
    if problems:
        print(BuildError(problems, f"Contacts to check (audit of {today.isoformat()})"))
        print(f"Of {len(table.contacts)} contacts, {unconfirmed} are not confirmed by a person and {stale} were "
              f"last checked more than {months} months ago.")
        if args.seeds is None:
            print(f"Note: {seeds}.")
        return 1
    print(f"All {len(table.contacts)} contacts were confirmed by a person in the last {months} months; {seeds}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
