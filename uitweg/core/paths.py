"""Where the project's data lives; one place so tools and tests agree."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
CONTACTS = DATA / "contacts.yml"
CONTACTS_SCHEMA = DATA / "contacts.schema.json"
LANGUAGES = DATA / "languages.yml"
BUDGETS = DATA / "budgets.yml"
SEARCH_WORDS = DATA / "search_words.yml"
DOCS = ROOT / "docs"


def shown(path: Path | str) -> str:
    """A path as messages show it: relative to the repository
    ("data/contacts.yml") so a message reads the same in every clone;
    absolute when outside it (a test's temporary copy)."""
    full = Path(path).resolve()
    if full.is_relative_to(ROOT):
        return full.relative_to(ROOT).as_posix()
    return str(full)

