"""Everyday search words lead to the right place (data/search_words.yml).

    python -m uitweg.quality.search_words [DOCS_DIR]     exit 1 and file:line messages

Like the glossary check: every entry's target page exists in every language
of data/languages.yml with its {#anchor}, every language has words for every
entry, and no word leads to two places in one language. The build adds the
words to the search index (uitweg/postbuild/search_split.py).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from uitweg.core import paths
from uitweg.core.languages import load_languages
from uitweg.core.problems import Problem
from uitweg.core.yamlfile import line_of, load_data


def load_search_words(path: Path = paths.SEARCH_WORDS) -> tuple[dict, dict]:
    """(data, lines); a BuildError naming file and line if it breaks its schema."""
    return load_data(path, "search_words")


def fold(word: str) -> str:
    """As uitweg-search.js compares: lower case, spaces and hyphens ignored."""
    return re.sub(r"[\s\-]+", "", word.casefold())


def search_word_problems(docs_dir: Path, data: dict, lines: dict, codes: list[str],
                         shown: str = "data/search_words.yml") -> list[Problem]:
    problems = []
    seen: dict[tuple[str, str], str] = {}
    for i, entry in enumerate(data["entries"]):
        page, anchor = entry["to"].split("#", 1)
        for code in codes:
            line = line_of(lines, ("entries", i, code))
            words = entry.get(code)
            if not words:
                problems.append(Problem(shown, line_of(lines, ("entries", i)),
                                        f"{entry['to']}: no words for {code}; add `{code}: [...]` with the "
                                        f"words a reader of that language would type"))
                continue
            source = docs_dir / code / page
            if not source.is_file():
                problems.append(Problem(shown, line, f"{entry['to']}: docs/{code}/{page} does not exist"))
            elif f"{{#{anchor}}}" not in source.read_text(encoding="utf-8"):
                problems.append(Problem(shown, line, f"{entry['to']}: docs/{code}/{page} has no heading "
                                                     f"with {{#{anchor}}}"))
            for word in words:
                other = seen.setdefault((code, fold(word)), entry["to"])
                if other != entry["to"]:
                    problems.append(Problem(shown, line, f"{code} word “{word}” leads to {other} already; "
                                                         f"one word, one place"))
    known = set(codes)
    for i, entry in enumerate(data["entries"]):
        for code in entry:
            if code != "to" and code not in known:
                problems.append(Problem(shown, line_of(lines, ("entries", i, code)),
                                        f"{code} is not a language of data/languages.yml"))
    return problems


def main(argv: list[str]) -> int:
    docs = Path(argv[0]) if argv else paths.DOCS
    data, lines = load_search_words()
    problems = search_word_problems(docs, data, lines, load_languages().codes)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
