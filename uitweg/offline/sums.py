"""SHA256SUMS in the format of `sha256sum` (text mode: "<hex>  <name>")."""
from __future__ import annotations

import hashlib
import re

LINE = re.compile(r"^([0-9a-f]{64}) [ *](.+)$")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def format_sums(files: dict[str, bytes]) -> str:
    """One line per file, sorted by name, so the same files give the same list."""
    return "".join(f"{digest(files[name])}  {name}\n" for name in sorted(files))


def parse_sums(text: str) -> tuple[dict[str, str], list[str]]:
    """(name -> hex digest, problems). Names that could leave the folder
    (absolute, "..") are problems, not entries."""
    entries: dict[str, str] = {}
    problems: list[str] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        m = LINE.match(line)
        if not m:
            problems.append(f"SHA256SUMS line {n} is not '<sha256>  <file>': {line[:80]!r}")
            continue
        name = m.group(2)
        if name.startswith("/") or "\\" in name or ".." in name.split("/"):
            problems.append(f"SHA256SUMS line {n} names a file outside the copy: {name!r}")
            continue
        entries[name] = m.group(1)
    return entries, problems
