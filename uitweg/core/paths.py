"""Where the project's data lives; one place so tools and tests agree."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
CONTACTS = DATA / "contacts.yml"
CONTACTS_SCHEMA = DATA / "contacts.schema.json"
LANGUAGES = DATA / "languages.yml"
BUDGETS = DATA / "budgets.yml"
DOCS = ROOT / "docs"
