"""One term per concept: the pages follow data/glossary.yml.

    python -m uitweg.quality.glossary [DOCS_DIR]     exit 1 and file:line messages

Every word a term lists under `avoid` for a language is refused in that
language's pages (whole words, any case), with the preferred term to use
instead. Headings, prose and link texts count; shortcodes, link targets and
`{#anchors}` do not, since they are ids, not words a reader sees.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from uitweg.core import paths
from uitweg.core.problems import BuildError, Problem
from uitweg.core.yamlfile import load_data

GLOSSARY = paths.DATA / "glossary.yml"
# Parts of Markdown a reader never sees as words.
NOT_WORDS = re.compile(r"\[\[[^\]]*\]\]|\]\([^)]*\)|\{#[^}]*\}")


def load_glossary(path: Path = GLOSSARY) -> dict:
    return load_data(path, "glossary")[0]


def _avoid_patterns(glossary: dict, lang: str) -> list[tuple[re.Pattern, str, str]]:
    """(pattern, avoided word, preferred term) for one language."""
    out = []
    for term in glossary.get("terms", {}).values():
        preferred = term.get(lang)
        for word in term.get("avoid", {}).get(lang, []):
            pattern = re.compile(rf"(?<![\w'’-]){re.escape(word)}(?![\w-])", re.IGNORECASE)
            out.append((pattern, word, preferred))
    return out


def glossary_problems(docs_dir: Path, glossary: dict) -> list[Problem]:
    problems = []
    for lang_dir in sorted(p for p in docs_dir.iterdir() if p.is_dir()):
        patterns = _avoid_patterns(glossary, lang_dir.name)
        for page in sorted(lang_dir.glob("*.md")):
            shown = paths.shown(page)
            for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
                text = NOT_WORDS.sub(" ", line)
                for pattern, word, preferred in patterns:
                    if pattern.search(text):
                        problems.append(Problem(
                            shown, number,
                            f"“{word}” is a word the glossary avoids in this language: write “{preferred}” "
                            "(data/glossary.yml), or change the glossary if the word is right here"))
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    docs = Path(args[0]) if args else paths.DOCS
    problems = glossary_problems(docs, load_glossary())
    if problems:
        print(BuildError(problems, "The pages do not follow the glossary"), file=sys.stderr)
        return 1
    print(f"Glossary OK: {sum(1 for _ in docs.glob('*/*.md'))} pages follow data/glossary.yml.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
