"""One real build shared by tests in two folders: a copy of the project in a
git repository with changes the build must accept, planted together so that
one full `mkdocs build --strict` serves both tests instead of one each.

- tests/contacts/test_contact_changes.py: Sürya's number changed in the
  committed table; the build refuses it first, then accepts it with a new check.
- tests/render/test_build.py: Payoke's number written another way in two pages
  (international, dotted) is a known number and becomes its tel: link.

The copy keeps Dutch and French only (tools/testkit/trim_languages.py).
"""
from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from uitweg.core import paths

REAL = paths.CONTACTS.read_text(encoding="utf-8")
OLD_CHECK = "checked: {method: document, date: 2026-11-23}"
NEW_CHECK = 'checked: {method: phone, date: 2026-12-02, by: "Anna called PAG-ASA\'s reception"}'
# A number of the table written as people write it (tests/render/test_build.py reads the pages).
RIGHT_NUMBERS = {"fr": "+32 3 201 16 90", "nl": "03/201.16.90"}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org",
                           *args], check=True, capture_output=True, text=True).stdout


def change_entry(text: str, entry: str, old: str, new: str) -> str:
    """Replace `old` with `new` inside one entry only."""
    start = text.index(f"  - id: {entry}\n")
    end = text.find("\n  - id: ", start + 1)
    end = len(text) if end < 0 else end
    part = text[start:end]
    assert old in part, (entry, old)
    return text[:start] + part.replace(old, new, 1) + text[end:]


@dataclass
class AcceptedBuild:
    changed: str                            # the copy's table with Sürya's new number, no new check yet
    refused: subprocess.CompletedProcess    # the build of that table
    site: Path                              # the build after the new check, with RIGHT_NUMBERS planted


@pytest.fixture(scope="session")
def accepted_build(tmp_path_factory) -> AcceptedBuild:
    from conftest import copy_project, mkdocs_build, shared_site_build
    # After the controller's build of the site (xdist; no wait without it):
    # the twins of the files both builds share (assets) are then in the twin
    # cache (uitweg/postbuild/twin_cache.py) instead of being compressed twice
    # at the same time.
    shared_site_build()
    tmp = tmp_path_factory.mktemp("accepted")
    # Both tests read only Dutch and French pages (RIGHT_NUMBERS, the
    # directory): the other languages would only cost build time.
    repo = copy_project(tmp / "repo", languages=("nl", "fr"))
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "site")
    table = repo / "data" / "contacts.yml"
    changed = change_entry(table.read_text(encoding="utf-8"), "surya", '"04 232 40 30"', '"04 232 40 31"')
    table.write_text(changed, encoding="utf-8")
    refused = mkdocs_build(repo, tmp / "refused", check=False)
    table.write_text(change_entry(changed, "surya", OLD_CHECK, NEW_CHECK.replace("PAG-ASA", "Sürya")),
                     encoding="utf-8")
    for lang, number in RIGHT_NUMBERS.items():
        page = repo / "docs" / lang / "signs.md"
        page.write_text(page.read_text(encoding="utf-8") + f"\nPayoke : {number}\n", encoding="utf-8")
    mkdocs_build(repo, tmp / "site")
    return AcceptedBuild(changed, refused, tmp / "site")
