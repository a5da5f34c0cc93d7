"""Collect the gate's problems across all pages and languages of one build,
then report them all at once (each `source-file:line: what — what to do`).

static-i18n builds every language inside the first language's on_post_build,
re-running the hooks; the hook module keeps its state in this module, which
Python imports once per process."""
from __future__ import annotations

import re
from pathlib import Path

from uitweg.contacts.normalise import reader_text
from uitweg.core.problems import BuildError, Problem

TITLE = "The gate stopped the build: numbers, links or markup that may not be published"
_found: dict[tuple, Problem] = {}


def reset() -> None:
    _found.clear()


def add(problems: list[Problem]) -> None:
    for p in problems:
        # The same finding in the source and in the built page: report once.
        key = (p.file, p.line, re.sub(r" \(built as [^)]*\)$", "", p.message))
        _found.setdefault(key, p)


def error() -> BuildError | None:
    if not _found:
        return None
    problems = sorted(_found.values(), key=lambda p: (p.file, p.line or 0, p.message))
    return BuildError(problems, TITLE)


def locate(needle: str, sources: list[tuple[str, str]]) -> tuple[str, int | None]:
    """(file, line) of the first source that holds `needle`, written as is
    or as a reader sees it (entities, other digits); else the first file."""
    if "\x00" in needle:   # "attribute=\x00value": a line that has both
        attr, needle = needle.split("\x00", 1)
        for name, text in sources:
            for i, line in enumerate(text.splitlines(), 1):
                if attr.lower() in line.lower() and re.sub(r"\D", "", needle) in re.sub(r"\D", "", reader_text(line)):
                    return name, i
    digits = re.sub(r"\D", "", reader_text(needle))
    for name, text in sources:
        pos = text.find(needle)
        if pos >= 0:
            return name, text.count("\n", 0, pos) + 1
    for name, text in sources:
        for i, line in enumerate(text.splitlines(), 1):
            seen = reader_text(line)
            if len(digits) >= 3 and digits in re.sub(r"\D", "", seen):
                return name, i
            if needle and reader_text(needle).lower() in seen.lower():
                return name, i
    return (sources[0][0], None) if sources else ("?", None)


def read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""
