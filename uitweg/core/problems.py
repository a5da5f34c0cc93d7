"""Build problems: collected with file and line, reported all at once."""
from __future__ import annotations

import sys
from dataclasses import dataclass


def line_at(text: str, offset: int) -> int:
    """1-based line number of a character offset in `text`."""
    return text.count("\n", 0, offset) + 1


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    message: str
    column: int | None = None   # when the reader knows it (YAML syntax errors)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        if self.line and self.column:
            where += f":{self.column}"
        return f"{where}: {self.message}"


class BuildError(Exception):
    """Raised after all problems of one check are collected."""

    def __init__(self, problems: list[Problem], title: str = "The build stopped"):
        self.problems = list(problems)
        self.title = title
        lines = [f"{title} ({len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}):"]
        lines += [f"  {p}" for p in self.problems]
        super().__init__("\n".join(lines))


def report(problems: list[Problem], title: str, all_well: str) -> int:
    """End of a command-line check: the problems on stderr and exit code 1,
    or the one line that says all is well and 0."""
    if problems:
        print(BuildError(problems, title), file=sys.stderr)
        return 1
    print(all_well)
    return 0


def raise_if_any(problems: list[Problem], title: str) -> None:
    if problems:
        raise BuildError(problems, title)
