"""One judge for every text a reader gets, whatever carries it: pages
(`output_check`), the contact table (`table_text`), the interface texts of
data/languages.yml, the print texts (data/print.yml), the offline texts
(data/offline.yml), the stylesheet's `content:` strings, the pocket files,
the Kiwix files and the text of the PDFs.

    judge_html(text_or_html, table, lang) -> [(line, message)]
    judge_text(text, table, lang)         -> [(line, message)]

`judge_html` reads HTML (or plain text, which is HTML without tags) as a
browser shows it; `judge_text` reads plain text where every line break is
a break (a .txt file, a PDF's extracted text). Both use the page check's
own rules: numbers (`numbers.judge_numbers`), addresses, bidi controls,
name and number. `data_file_problems` judges every text of a data file once,
at its file and line.
"""
from __future__ import annotations

import re
from pathlib import Path

from uitweg.contacts.model import ContactTable
from uitweg.core import paths
from uitweg.core.languages import load_languages
from uitweg.core.problems import Problem
from uitweg.core.yamlfile import line_of, load_with_lines
from uitweg.gate.output_check import output_problems, text_problems
from uitweg.gate.settings_check import settings_problems

# Keys of data files that hold data, not text a reader sees.
NOT_TEXT = {"code", "dir", "file", "call_words", "reviewed", "exclude", "system_files", "system_folders",
            "formats", "date_format", "months", "layout", "skip"}


def _call_words(call_words: frozenset[str] | None) -> frozenset[str]:
    return call_words if call_words is not None else load_languages().all_call_words()


def judge_html(text_or_html: str, table: ContactTable, lang: str | None = None, *,
               call_words: frozenset[str] | None = None, site_url: str = "") -> list[tuple[int, str]]:
    """(line, message) for everything in an HTML page or fragment (or plain
    text) that may not reach a reader."""
    html = text_or_html if re.search(r"<html[\s>]", text_or_html, re.IGNORECASE) \
        else f"<html{f' lang={lang}' if lang else ''}><body>{text_or_html}</body></html>"
    return output_problems(html, table, _call_words(call_words), site_url)


def judge_text(text: str, table: ContactTable, lang: str | None = None, *,
               call_words: frozenset[str] | None = None, page: str = "", site_url: str = "") -> list[tuple[int, str]]:
    """(line, message) for plain text: each line is judged as a reader sees
    it, a line break ends a number and a sentence. `site_url`: the site's own
    address, which the text may name."""
    words = _call_words(call_words)
    return [(i, f.message) for i, line in enumerate(text.split("\n"), 1) if line.strip()
            for f in text_problems(line, table, words, page, lang, site_url=site_url)]


def _texts(value, keypath: tuple, lang: str | None):
    """(key path, language, text) of every string a reader may see."""
    if isinstance(value, str):
        yield keypath, lang, value
    elif isinstance(value, dict):
        here = value.get("code") if isinstance(value.get("code"), str) else lang
        for key, child in value.items():
            if key in NOT_TEXT:
                continue
            child_lang = key if isinstance(key, str) and key in _language_codes() else here
            yield from _texts(child, keypath + (key,), child_lang)
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _texts(child, keypath + (i,), lang)


def _language_codes() -> set[str]:
    return {lang.code for lang in load_languages().languages}


def data_file_problems(path: Path, table: ContactTable, call_words: frozenset[str] | None = None) -> list[Problem]:
    """Every text of a data file (languages.yml, print.yml, offline.yml),
    judged once, at its file and line."""
    data, lines = load_with_lines(path)
    shown = paths.shown(path)
    words = _call_words(call_words)
    problems = []
    for keypath, lang, text in _texts(data, (), None):
        # "{zip}", "{date}": placeholders the program fills in.
        plain = re.sub(r"\{[a-z_]+\}", "", text)
        for i, message in judge_text(plain, table, lang, call_words=words, page=shown):
            first = line_of(lines, keypath) or 1
            problems.append(Problem(shown, first + (i if "\n" in text.rstrip("\n") else 0), message))
    return sorted(set(problems), key=lambda p: (p.line or 0, p.message))


CSS_CONTENT = re.compile(r"\bcontent\s*:\s*((?:\"[^\"]*\"|'[^']*'|[^;}])*)", re.IGNORECASE)
CSS_STRING = re.compile(r"\"((?:[^\"\\]|\\.)*)\"|'((?:[^'\\]|\\.)*)'")


def _css_unescape(s: str) -> str:
    return re.sub(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)",
                  lambda m: chr(int(m.group(1), 16)) if m.group(1) else m.group(2), s)


def stylesheet_problems(path: Path, table: ContactTable, call_words: frozenset[str] | None = None) -> list[Problem]:
    """The strings of `content:` in a stylesheet are shown to readers."""
    css = Path(path).read_text(encoding="utf-8")
    shown = paths.shown(path)
    problems = []
    for m in CSS_CONTENT.finditer(css):
        shown_text = "".join(_css_unescape(a or b) for a, b in CSS_STRING.findall(m.group(1)))
        if not shown_text.strip():
            continue
        line = css.count("\n", 0, m.start()) + 1
        problems += [Problem(shown, line, f"in content: of the stylesheet: {msg}")
                     for _, msg in judge_text(shown_text, table, call_words=_call_words(call_words), page=shown)]
    return problems


# The data files whose texts reach readers (pages, print, offline).
DATA_FILES = ("languages.yml", "print.yml", "offline.yml")


def reader_data_problems(root: Path, table: ContactTable, call_words: frozenset[str] | None = None) -> list[Problem]:
    """Every text of the project that reaches a reader outside the Markdown
    pages and the contact table, judged once at its file and line: the data
    files, the stylesheets' `content:`, and the settings of mkdocs.yml."""
    problems = []
    for name in DATA_FILES:
        if (root / "data" / name).is_file():
            problems += data_file_problems(root / "data" / name, table, call_words)
    for css in sorted((root / "overrides").rglob("*.css")):
        problems += stylesheet_problems(css, table, call_words)
    if (root / "mkdocs.yml").is_file():
        problems += settings_problems(root / "mkdocs.yml")
    return problems
