"""Where the translations differ: a table of gaps per page and language.

    python -m uitweg.gates.i18n_status [DOCS_DIR]     (make i18n-status; always exit 0)

Informational: the same gaps make `make test` fail (uitweg.gates.parity); this view
helps translators see at a glance what is left to do.
"""
from __future__ import annotations

import sys
from pathlib import Path

from uitweg.core import paths
from uitweg.core.languages import Languages, load_languages
from uitweg.core.problems import BuildError
from uitweg.gates.parity import Gap, pages_by_language, parity_gaps


def status_table(gaps: list[Gap], pages: list[str], codes: list[str]) -> str:
    """One row per page, one column per language: "ok", "missing" or "N gaps"."""
    cells: dict[tuple[str, str], str] = {}
    for page in pages:
        for code in codes:
            mine = [g for g in gaps if g.page == page and g.lang == code]
            if any(g.missing_page for g in mine):
                cells[page, code] = "missing"
            elif mine:
                cells[page, code] = f"{len(mine)} gap{'s' if len(mine) != 1 else ''}"
            else:
                cells[page, code] = "ok"
    width = max([len("page")] + [len(p) for p in pages])
    cols = [max(len(code), 8) for code in codes]
    lines = ["  ".join(["page".ljust(width)] + [c.ljust(w) for c, w in zip(codes, cols, strict=True)]).rstrip(),
             "  ".join(["-" * width] + ["-" * w for w in cols])]
    for page in pages:
        lines.append("  ".join([page.ljust(width)] + [cells[page, c].ljust(w) for c, w in zip(codes, cols, strict=True)]).rstrip())
    return "\n".join(lines)


def report(docs_dir: Path = paths.DOCS, languages: Languages | None = None) -> str:
    languages = languages or load_languages()
    gaps = parity_gaps(docs_dir, languages=languages)
    pages = sorted(set().union(*pages_by_language(Path(docs_dir), languages).values()))
    out = [status_table(gaps, pages, languages.codes), ""]
    if gaps:
        out.append(f"{len(gaps)} gap{'s' if len(gaps) != 1 else ''} to close:")
        out += [f"  {g.problem()}" for g in sorted(gaps, key=lambda g: (g.page, g.lang, g.line or 0))]
    else:
        out.append(f"No gaps: every page says the same in {', '.join(languages.codes)}.")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1 or (args and not Path(args[0]).is_dir()):
        print("usage: python -m uitweg.gates.i18n_status [DOCS_DIR]   (default: docs/)", file=sys.stderr)
        return 2
    try:
        print(report(Path(args[0]) if args else paths.DOCS))
    except BuildError as err:  # the contact table is broken: say so, but stay informational
        print(err)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
