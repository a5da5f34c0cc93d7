"""Entries of the contact table that are still placeholders (`placeholder: true`).

    python -m uitweg.contacts.placeholders [CONTACTS_YML]    exit 1 and file:line messages, 0 when none

A placeholder (e.g. the site owner's address to report a mistake) may be in a
development build: its card says it is not filled in yet. A release must not
carry one; the release command calls `placeholder_entries` and refuses to go
on while the list is not empty.
"""
from __future__ import annotations

import sys
from pathlib import Path

from uitweg.contacts.load import load_contacts, shown_path
from uitweg.contacts.model import ContactTable
from uitweg.core import paths
from uitweg.core.problems import BuildError, Problem
from uitweg.core.yamlfile import line_of, load_with_lines


def placeholder_entries(table: ContactTable) -> list[Problem]:
    """One problem per placeholder entry, at its `placeholder:` line, saying what to do."""
    found = [(i, c) for i, c in enumerate(table.contacts) if c.placeholder]
    if not found:
        return []
    _, lines = load_with_lines(table.path)
    shown = shown_path(Path(table.path))
    return [Problem(shown, line_of(lines, ("contacts", i, "placeholder")),
                    f"entry {c.id!r} is still a placeholder: fill in its real contact details (an e-mail "
                    f"address under `emails:`, from the organisation itself), record how you confirmed them "
                    f"under `checked:`, and remove `placeholder: true`. A release may not carry placeholders.")
            for i, c in found]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    table = load_contacts(Path(args[0]) if args else paths.CONTACTS)
    problems = placeholder_entries(table)
    if problems:
        print(BuildError(problems, "The contact table still has placeholders; not ready for a release"),
              file=sys.stderr)
        return 1
    print(f"No placeholders: all {len(table.contacts)} entries of the contact table are filled in.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
