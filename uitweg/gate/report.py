"""Collect the gate's problems across all pages and languages of one build,
then report them all at once (each `source-file:line: what — what to do`).

static-i18n builds every language inside the first language's on_post_build,
re-running the hooks; the hook module keeps its state in this module, which
Python imports once per process."""
from __future__ import annotations

import re
from pathlib import Path

from uitweg.core.problems import BuildError, Problem
from uitweg.gate.normalise import reader_text

TITLE = "The gate stopped the build: numbers, links or markup that may not be published"
_found: dict[tuple, Problem] = {}
_from_source: set[tuple[str, str]] = set()


def reset() -> None:
    _found.clear()
    _from_source.clear()


def add(problems: list[Problem]) -> None:
    for p in problems:
        # The same finding in the source and in the built page: report once,
        # at the line the source check found (it knows the exact line).
        message = re.sub(r" \(built as [^)]*\)$", "", p.message)
        if message != p.message and (p.file, message) in _from_source:
            continue
        if message == p.message:
            _from_source.add((p.file, message))
        _found.setdefault((p.file, p.line, message), p)


def error() -> BuildError | None:
    if not _found:
        return None
    problems = sorted(_found.values(), key=lambda p: (p.file, p.line or 0, p.message))
    return BuildError(problems, TITLE)


def _candidates(needle: str, text: str):
    """Lines of `text` that may hold `needle`, best evidence first: written
    as is (any case), or as a reader sees it (entities, other digits)."""
    lines = text.splitlines()
    if re.fullmatch(r"<?[\w:-]+", needle):   # a tag "<meta" or an attribute name "ping"
        rx = re.compile(rf"<{re.escape(needle[1:])}\b" if needle.startswith("<")
                        else rf"(?<![\w:-]){re.escape(needle)}\s*=", re.IGNORECASE)
        yield from (i for i, line in enumerate(lines, 1) if rx.search(line))
        return
    low = needle.lower()
    yield from (i for i, line in enumerate(lines, 1) if low in line.lower())
    seen = reader_text(needle).lower()
    digits = re.sub(r"\D", "", seen)
    for i, line in enumerate(lines, 1):
        shown = reader_text(line).lower()
        if seen in shown or (len(digits) >= 3 and digits in re.sub(r"\D", "", shown)):
            yield i


def locate(needle: str, sources: list[tuple[str, str]], used: set | None = None,
           context: str = "") -> tuple[str, int | None]:
    """(file, line) of the first source line that holds `needle`, preferring
    a line that also holds `context` (the text around it) and, for the n-th
    finding of the same needle, a line not given to an earlier one (`used`,
    filled in here), so repeated markup is reported where each one is."""
    used = used if used is not None else set()
    key = needle
    if "\x00" in needle:   # "attribute=\x00value": a line that has both
        attr, value = needle.split("\x00", 1)
        digits = re.sub(r"\D", "", value)
        seen = reader_text(value).lower()
        hits = [(name, i) for name, text in sources for i, line in enumerate(text.splitlines(), 1)
                if attr.lower() in line.lower() and (seen in reader_text(line).lower() if not digits
                                                     else digits in re.sub(r"\D", "", reader_text(line)))]
        needle = value
    else:
        hits = []
    for probe in ([context] if context else []) + [needle]:
        hits += [(name, i) for name, text in sources for i in _candidates(probe, text)] if probe else []
    for hit in hits:
        if (key, hit) not in used:
            used.add((key, hit))
            return hit
    if hits:
        return hits[0]
    return (sources[0][0], None) if sources else ("?", None)


def read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""
