"""data/materials.yml (texts and file names of the materials page) and the
budgets of the files (data/budgets.yml, key `materials`)."""
from __future__ import annotations

from pathlib import Path

from uitweg.core import paths
from uitweg.core.yamlfile import load_data

MATERIALS = paths.DATA / "materials.yml"


def load_materials(path: Path = MATERIALS) -> dict:
    return load_data(Path(path), "materials")[0]


def load_budgets(path: Path = paths.BUDGETS) -> dict:
    return load_data(Path(path), "budgets")[0]["materials"]


def zip_budget(languages: int, budgets: dict | None = None) -> int:
    """Largest allowed USB copy: a base for the first languages, plus a
    share for each further one."""
    b = budgets or load_budgets()
    return b["zip_max_bytes"] + max(0, languages - b["zip_languages"]) * b["zip_per_extra_language"]
