"""Search only when asked for, one language at a time (post-build step).

Material's search plugin (with static-i18n's reconfigure_search) writes one
`search/search_index.json` holding every language, and Material's bundle,
worker and lunr files fetch it all on every first visit. The site does not
load Material's JavaScript any more (overrides/main.html): its own
`uitweg-search.js` is loaded when the reader opens search, with the index of
the page's language only.

This step writes `search/index.<lang>.js` per language: plain text (the
HTML of Material's index parsed with selectolax) as a script that calls
`uitwegSearch(docs)`, with the everyday words of data/search_words.yml
added to the sections they lead to. A script, not JSON: from file:// (USB copies) fetch()
of a local file is blocked, a <script src> is not. Then it removes what no
page loads any more: the shared index, Material's bundle, search worker and
lunr files. If a page still links one of them, the build stops instead.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from uitweg.core import html as H
from uitweg.core import paths
from uitweg.core.languages import load_languages
from uitweg.core.problems import BuildError, Problem
from uitweg.core.yamlfile import load_data

SHARED_INDEX = "search/search_index.json"
# Material's JavaScript and its shared index: unused.
UNUSED = ["search/search_index.json", "assets/javascripts/workers",
          "assets/javascripts/lunr", "assets/javascripts/bundle.*.min.js*"]
INDEX_NAME = "search/index.{lang}.js"


def plain_text(html: str) -> str:
    """The text of an index entry as a reader sees it (Material stores HTML)."""
    if "<" not in html and "&" not in html:
        return " ".join(html.split())
    tree = H.parse(f"<body>{html}</body>")
    return " ".join((tree.body.text(separator=" ") if tree.body else "").split())


def language_of(location: str, codes: list[str], default: str) -> str:
    first = location.split("/", 1)[0]
    return first if first in codes and "/" in location else default


def split_index(docs: list[dict], codes: list[str], default: str) -> dict[str, list[list[str]]]:
    """Entries per language as [location, title, text]; the page entry first."""
    out: dict[str, list[list[str]]] = {code: [] for code in codes}
    for doc in docs:
        location = doc.get("location", "")
        if not location or location.startswith("404"):
            continue
        out[language_of(location, codes, default)].append(
            [location, plain_text(doc.get("title", "")), plain_text(doc.get("text", ""))])
    return out


def add_search_words(per_lang: dict[str, list[list[str]]], words: dict, default: str) -> list[Problem]:
    """Each entry of data/search_words.yml adds its words (one a line) as a
    fourth field to the section it leads to, in each language; a section
    missing from the index is a problem (the anchor or page is gone)."""
    problems = []
    for entry in words["entries"]:
        page, anchor = entry["to"].split("#", 1)
        for code, entries in per_lang.items():
            location = ("" if code == default else f"{code}/") + page.removesuffix(".md") + ".html#" + anchor
            found = [e for e in entries if e[0] == location]
            if not found:
                problems.append(Problem("data/search_words.yml", None, f"{entry['to']}: {location} is not a "
                                        "section of the search index; point it at a heading's {#anchor}"))
                continue
            doc = found[0]
            doc[3:] = ["\n".join(([doc[3]] if len(doc) > 3 else []) + entry.get(code, []))]
    return problems


def script_for(entries: list[list[str]], texts: dict[str, str] | None = None) -> str:
    """The index script; `texts`: what an empty result says (loaded with the
    index, so the pages do not carry it)."""
    # "</" escaped: the text may hold "</script>", harmless in a file but not if ever inlined.
    def js(value) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"uitwegSearch({js(entries)}{',' + js(texts) if texts else ''});\n"


def _still_linked(site: Path, names: list[str]) -> list[Problem]:
    problems = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        for name in names:
            if name in html:
                problems.append(Problem(page.relative_to(site).as_posix(), None,
                                        f"still loads {name}; the site's search is uitweg-search.js "
                                        "(overrides/main.html, block scripts)"))
    return problems


def split_search_index(site: Path) -> list[Path]:
    """Write search/index.<lang>.js for every language; drop Material's search files."""
    shared = site / SHARED_INDEX
    if not shared.is_file():
        raise BuildError([Problem(SHARED_INDEX, None, "missing: keep the `search` plugin in mkdocs.yml "
                                  "(it writes the index this step splits per language)")],
                         "Cannot write the search indexes")
    languages = load_languages()
    codes = [lang.code for lang in languages.languages]
    per_lang = split_index(json.loads(shared.read_text(encoding="utf-8"))["docs"], codes, languages.default.code)
    empty = [code for code, entries in per_lang.items() if not entries]
    if empty:
        raise BuildError([Problem(SHARED_INDEX, None, f"no entry for {', '.join(empty)}: list `i18n` with "
                                  "reconfigure_search: true in mkdocs.yml")], "Cannot write the search indexes")
    problems = add_search_words(per_lang, load_data(paths.SEARCH_WORDS, "search_words")[0], languages.default.code)
    if problems:
        raise BuildError(problems, "Cannot add the everyday search words")
    bundles = [p.name for p in (site / "assets/javascripts").glob("bundle.*.min.js")]
    problems = _still_linked(site, bundles + ["search_index.json"])
    if problems:
        raise BuildError(problems, "Pages still load Material's search")
    written = []
    for code, entries in per_lang.items():
        path = site / INDEX_NAME.format(lang=code)
        ui = languages.get(code).ui
        path.write_text(script_for(entries, {"empty": ui["search_empty"], "help": ui["who_can_help"]}),
                        encoding="utf-8")
        written.append(path)
    for pattern in UNUSED:
        for path in site.glob(pattern):
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    return written
