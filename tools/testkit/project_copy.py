"""A copy of the project's sources, without what an install, a build or a
test run leaves beside them (venvs, built sites, dist/, node_modules,
mutmut's mutants/): the tests break such copies on purpose, and
tools/stub_languages.py adds languages to one. One list, so a new output
folder is left out of every copy at once."""
from __future__ import annotations

import shutil
from pathlib import Path

# Temporary files a parallel import or pytest writes bytecode through
# (`x.pyc.<number>`) are renamed away at once: copying one that has just gone
# failed a copy now and then.
NOT_SOURCES = (".git", ".venv", ".venv-properdocs", "site", "site.tmp", "properdocs-site", "mkdocs-site", "dist",
               "node_modules", ".pytest_cache", "*.egg-info", "*.pyc.*", "mutants")


def copy_sources(root: Path, dest: Path, *also_skip: str) -> Path:
    """Copy `root` to `dest` (which must not exist) without NOT_SOURCES and `also_skip`."""
    shutil.copytree(root, dest, ignore=shutil.ignore_patterns(*NOT_SOURCES, *also_skip))
    return dest
