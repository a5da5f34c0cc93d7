"""Where the translations differ: a table of gaps per page and language.

    python -m uitweg.quality.i18n_status [DOCS_DIR]     (make i18n-status; always exit 0)

Informational: the same gaps make `make test` fail (uitweg.quality.parity); this view
helps translators see at a glance what is left to do. Above the page table, the
setup of each language: every place a language needs (mkdocs.yml, the data files,
docs/<code>/) and which language is still missing from it, so adding a language
shows its whole to-do list at once (`setup_gaps`).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from uitweg.core import paths
from uitweg.core.languages import Languages, load_languages
from uitweg.core.problems import BuildError
from uitweg.core.siteconfig import load_mkdocs_yml
from uitweg.core.yamlfile import load_with_lines
from uitweg.quality.parity import Gap, pages_by_language, parity_gaps


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


LANG_KEY = re.compile(r"^[a-z]{2,3}$")


def _language_maps(node, path=()):
    """Every per-language map ({nl: …, en: …}) inside a data structure, with its key path."""
    if isinstance(node, dict):
        keys = [k for k in node if isinstance(k, str)]
        if keys and "nl" in node and all(LANG_KEY.match(k) for k in keys):
            yield path, node
            return
        for k, v in node.items():
            yield from _language_maps(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _language_maps(v, (*path, v.get("id", i) if isinstance(v, dict) else i))


def setup_gaps(root: Path = paths.ROOT) -> tuple[list[str], list[str]]:
    """(languages, lines): every language named anywhere (mkdocs.yml, data/languages.yml,
    docs/<code>/, translations/<code>.yml) and one line per place that lacks one of them.
    Reads the files raw, so it works while they are half done."""
    data = root / "data"
    langs_yml = (load_with_lines(data / "languages.yml")[0] or {}).get("languages", [])
    in_data = [d["code"] for d in langs_yml]
    i18n = next((p["i18n"] for p in load_mkdocs_yml(root / "mkdocs.yml")["plugins"]
                 if isinstance(p, dict) and "i18n" in p), {})
    in_mkdocs = [lang["locale"] for lang in i18n.get("languages", [])]
    folders = sorted(d.name for d in (root / "docs").iterdir() if d.is_dir() and LANG_KEY.match(d.name))
    pending = sorted(f.stem for f in (root / "translations").glob("*.yml")) if (root / "translations").is_dir() else []
    codes = list(dict.fromkeys(in_data + in_mkdocs + folders + pending))
    lines = []

    def lacks(place: str, have) -> None:
        missing = [c for c in codes if c not in have]
        if missing:
            lines.append(f"{place}: no {', '.join(missing)}")

    lacks("data/languages.yml (languages)", in_data)
    lacks("mkdocs.yml (plugins.i18n.languages)", in_mkdocs)
    lacks("docs/<code>/ (the pages)", folders)
    for code in pending:
        lines.append(f"translations/{code}.yml is not folded into data/ yet: make fold-translation CODE={code}")
    for name in ("contacts", "print", "offline", "glossary"):
        raw = load_with_lines(data / f"{name}.yml")[0] or {}
        if name == "print":
            lacks("data/print.yml texts", raw.get("texts", {}))
            continue
        if name == "offline":
            lacks("data/offline.yml pocket.ui", raw.get("pocket", {}).get("ui", {}))
            continue
        if name == "glossary":   # a preferred term per language; `avoid` and `style` are optional
            for term, entry in raw.get("terms", {}).items():
                lacks(f"data/glossary.yml term {term}", entry)
            continue
        holes: dict[str, int] = {}
        for _path, m in _language_maps(raw):
            for c in codes:
                if c not in m:
                    holes[c] = holes.get(c, 0) + 1
        for c, n in holes.items():
            lines.append(f"data/{name}.yml: {n} text{'s' if n != 1 else ''} without {c!r} (make site names each)")
    return codes, lines


def report(docs_dir: Path = paths.DOCS, languages: Languages | None = None) -> str:
    languages = languages or load_languages()
    gaps = parity_gaps(docs_dir, languages=languages)
    pages = sorted(set().union(*pages_by_language(Path(docs_dir), languages).values()))
    out = []
    if Path(docs_dir).resolve() == paths.DOCS.resolve():
        codes, setup = setup_gaps()
        out += [f"Languages: {', '.join(codes)}."]
        out += [f"  missing: {line}" for line in setup] or ["Every language is in mkdocs.yml, data/*.yml and docs/."]
        out.append("")
    out += [status_table(gaps, pages, languages.codes), ""]
    if gaps:
        out.append(f"{len(gaps)} gap{'s' if len(gaps) != 1 else ''} to close:")
        out += [f"  {g.problem()}" for g in sorted(gaps, key=lambda g: (g.page, g.lang, g.line or 0))]
    else:
        out.append(f"No gaps: every page says the same in {', '.join(languages.codes)}.")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1 or (args and not Path(args[0]).is_dir()):
        print("usage: python -m uitweg.quality.i18n_status [DOCS_DIR]   (default: docs/)", file=sys.stderr)
        return 2
    try:
        print(report(Path(args[0]) if args else paths.DOCS))
    except BuildError as err:  # the contact table is broken: say so, but stay informational
        print(err)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
