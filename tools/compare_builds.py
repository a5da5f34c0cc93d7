"""Compare two builds of the site file by file: the normal one (MkDocs) and
one made with another generator (ProperDocs, `make properdocs-check`).

    python tools/compare_builds.py site properdocs-site

Every file must be the same byte for byte, or differ only in a way listed in
EXPLAINED below (compressed twins are compared by their content). Prints
what differs and why; exits 1 when a file is missing on one side or differs
in a way that is not explained.
"""
from __future__ import annotations

import argparse
import gzip
import re
import sys
from pathlib import Path

import brotli

# What may differ between the two generators, and why.
EXPLAINED = [
    (re.compile(rb'<meta name="generator" content="[^"]*">'),
     b'<meta name="generator" content="(generator)">',
     "the generator <meta> names the generator and its version (Material writes "
     "\"mkdocs-1.6.1, mkdocs-material-…\"; under ProperDocs \"mkdocs-ProperDocs 1.6.7, …\")"),
]


def content(path: Path) -> bytes:
    """The bytes a reader gets: compressed twins are decompressed."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        return gzip.decompress(data)
    if path.suffix == ".br":
        return brotli.decompress(data)
    return data


def explained(a: bytes, b: bytes) -> list[str] | None:
    """The reasons that make a and b the same, or None when they differ otherwise."""
    reasons = []
    for pattern, replacement, reason in EXPLAINED:
        a2, b2 = pattern.sub(replacement, a), pattern.sub(replacement, b)
        if (a2, b2) != (a, b):
            reasons.append(reason)
            a, b = a2, b2
    return reasons if a == b else None


def compare(first: Path, second: Path) -> tuple[dict[str, int], list[str]]:
    """(count of files per explained reason, unexplained problems)."""
    files_a = {p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file()}
    files_b = {p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file()}
    problems = [f"only in {first}: {f}" for f in sorted(files_a - files_b)]
    problems += [f"only in {second}: {f}" for f in sorted(files_b - files_a)]
    counts: dict[str, int] = {}
    for rel in sorted(files_a & files_b):
        a, b = first / rel, second / rel
        if a.read_bytes() == b.read_bytes():
            counts["byte for byte the same"] = counts.get("byte for byte the same", 0) + 1
            continue
        reasons = explained(content(a), content(b))
        if reasons is None:
            problems.append(f"{rel} differs, and not only in an explained way")
        for reason in reasons or []:
            counts[reason] = counts.get(reason, 0) + 1
    return counts, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Compare two builds of the site file by file.")
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    args = parser.parse_args(argv)
    counts, problems = compare(args.first, args.second)
    for reason, n in counts.items():
        print(f"{n} files: {reason}")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"The builds differ in {len(problems)} ways that are not explained (tools/compare_builds.py)",
              file=sys.stderr)
        return 1
    print("Same site: every other byte is the same (compressed twins compared by their content).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
