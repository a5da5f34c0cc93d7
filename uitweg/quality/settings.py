"""Settings of the quality gates (data/gates.yml) and where built pages come from."""
from __future__ import annotations

from pathlib import Path

from uitweg.core import paths
from uitweg.core.filecache import cached_loader
from uitweg.core.languages import Languages, load_languages
from uitweg.core.yamlfile import load_data

GATES = paths.DATA / "gates.yml"


@cached_loader
def load_gates(path: Path = GATES) -> dict:
    return load_data(Path(path), "gates")[0]


def page_language(rel: str, languages: Languages | None = None) -> str:
    """Language of a built file by its path in the site ("en/signs.html" -> "en")."""
    langs = languages or load_languages()
    first = rel.split("/", 1)[0]
    return first if first in langs.codes and first != langs.default.code and "/" in rel else langs.default.code


def source_of(rel: str, languages: Languages | None = None) -> str | None:
    """The Markdown file a built page comes from ("en/signs.html" ->
    "docs/en/signs.md"), or None for files made from templates only."""
    langs = languages or load_languages()
    lang = page_language(rel, langs)
    inner = rel.split("/", 1)[1] if lang != langs.default.code else rel
    if not inner.endswith(".html") or inner == "404.html" or inner.startswith(("assets/", "search/")):
        return None
    return f"docs/{lang}/{inner[:-len('.html')]}.md"


def origin(rel: str, languages: Languages | None = None) -> str:
    """Short text naming where to fix a built file, for messages."""
    src = source_of(rel, languages)
    if src:
        return f"built from {src} and the templates in overrides/"
    return "built from the templates in overrides/ (no Markdown page)"
