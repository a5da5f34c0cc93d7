"""Are the contacts still right? (make audit)

    python -m uitweg.gates.audit [--seeds DIR] [--today YYYY-MM-DD]

Lists every entry of data/contacts.yml whose `verified` date is older than
the limit in data/gates.yml (6 months), and every phone number or e-mail
address in the seed documents that is not in the table (a number the site
does not carry, or no longer carries). Exit 1 when there is something to
check, so a scheduled job can warn; 0 when all is fresh; 2 on bad arguments.
"""
from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from uitweg.contacts.links import BARE_EMAIL
from uitweg.contacts.phones import find_numbers, line_at
from uitweg.contacts.table import ContactTable, load_contacts
from uitweg.core import paths
from uitweg.core.languages import load_languages
from uitweg.core.problems import BuildError, Problem
from uitweg.core.yamlfile import line_of, load_with_lines
from uitweg.gates.settings import load_gates


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


def stale_entries(table: ContactTable, today: date, max_age_months: int) -> list[Problem]:
    """Entries last verified before `today` minus `max_age_months` months."""
    cutoff = months_before(today, max_age_months)
    _, lines = load_with_lines(table.path)
    shown = _shown(table.path)
    problems = []
    for i, c in enumerate(table.contacts):
        if c.verified < cutoff:
            problems.append(Problem(shown, line_of(lines, ("contacts", i, "verified")),
                                    f"entry {c.id!r} was last verified on {c.verified.isoformat()}, more than "
                                    f"{max_age_months} months ago (before {cutoff.isoformat()}). Check its numbers, "
                                    f"e-mail and website against its source ({c.source}), correct what changed, "
                                    f"then write `verified: {today.isoformat()}`."))
    return problems


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
        for n in find_numbers(text, table, call_words):
            if table.phone_by_digits(n.digits) or n.digits in seen:
                continue
            seen.add(n.digits)
            problems.append(Problem(shown, line_at(text, n.start),
                                    f"the seed gives the number {n.text.strip()} ({_line_text(text, n.start)}), "
                                    "which is not in data/contacts.yml. If the organisation still uses it, add it to "
                                    "its entry with this file as source; if the site dropped it on purpose, "
                                    "nothing to do."))
        for m in BARE_EMAIL.finditer(text):
            address = m.group(0).lower()
            if address in emails or address in seen:
                continue
            seen.add(address)
            problems.append(Problem(shown, line_at(text, m.start()),
                                    f"the seed gives the e-mail address {m.group(0)} ({_line_text(text, m.start())}), "
                                    "which is not in data/contacts.yml. If the organisation still uses it, add it to "
                                    "its entry's `emails` with this file as source; if the site dropped it on "
                                    "purpose, nothing to do."))
    return problems


def audit(table: ContactTable, seeds_dir: Path, today: date, max_age_months: int,
          call_words: frozenset[str]) -> list[Problem]:
    return stale_entries(table, today, max_age_months) + seeds_not_in_table(seeds_dir, table, call_words)


def _line_text(text: str, offset: int, width: int = 70) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = " ".join(text[start:end if end >= 0 else len(text)].split())
    return f"“{line[:width - 1]}…”" if len(line) > width else f"“{line}”"


def _shown(path: Path) -> str:
    """Relative to the repository ("data/contacts.yml", "../shared/seeds/x.txt"), else absolute."""
    full = Path(path).resolve()
    # Only the repository and shared/ beside it are shown relative, so a message
    # reads the same wherever the repository is cloned.
    if full.is_relative_to(paths.ROOT) or full.is_relative_to(paths.ROOT.parent / "shared"):
        return os.path.relpath(full, paths.ROOT)
    return str(full)


def main(argv: list[str] | None = None) -> int:
    settings = load_gates()["audit"]
    parser = argparse.ArgumentParser(prog="python -m uitweg.gates.audit", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, default=paths.ROOT / settings["seeds"],
                        help=f"folder with the seed documents (default: {settings['seeds']})")
    parser.add_argument("--today", type=date.fromisoformat, default=None, help="date to audit on (YYYY-MM-DD)")
    parser.add_argument("--contacts", type=Path, default=paths.CONTACTS, help=argparse.SUPPRESS)
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if not args.seeds.is_dir():
        print(f"seed folder {args.seeds} not found: pass --seeds DIR (make audit SEEDS=DIR)", file=sys.stderr)
        return 2
    today = args.today or date.today()
    languages = load_languages()
    try:
        table = load_contacts(args.contacts, languages)
    except BuildError as err:
        print(err, file=sys.stderr)
        return 1
    problems = audit(table, args.seeds, today, settings["max_age_months"], languages.all_call_words())
    if problems:
        print(BuildError(problems, f"Contacts to check (audit of {today.isoformat()})"))
        return 1
    print(f"All {len(table.contacts)} contacts were verified in the last {settings['max_age_months']} months, and "
          f"every number and e-mail address of the {len(seed_files(args.seeds))} seed files is in data/contacts.yml.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
