"""A copy of the project's sources, without what an install, a build or a
test run leaves beside them (venvs, built sites, dist/, node_modules,
mutmut's mutants/): the tests break such copies on purpose, and
tools/stub_languages.py adds languages to one. One list, so a new output
folder is left out of every copy at once. A copy can keep only some
languages (trim_languages.py): a test that builds a broken copy then builds
only the languages its property needs."""
from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from testkit.trim_languages import trim_languages

# Temporary files a parallel import or pytest writes bytecode through
# (`x.pyc.<number>`) are renamed away at once: copying one that has just gone
# failed a copy now and then.
NOT_SOURCES = (".git", ".venv", ".venv-properdocs", "site", "site.tmp", "properdocs-site", "mkdocs-site", "dist",
               "node_modules", ".pytest_cache", "*.egg-info", "*.pyc.*", "mutants")


def copy_sources(root: Path, dest: Path, *also_skip: str, languages: Sequence[str] | None = None) -> Path:
    """Copy `root` to `dest` (which must not exist) without NOT_SOURCES and
    `also_skip`; with `languages` (the default one first), only those
    languages stay in the copy."""
    shutil.copytree(root, dest, ignore=shutil.ignore_patterns(*NOT_SOURCES, *also_skip))
    if languages is not None:
        trim_languages(dest, languages)
    return dest
