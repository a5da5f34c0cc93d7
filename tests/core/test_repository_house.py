"""The house a newcomer walks into: a short README, and every file it, the
guides, the Makefile and make/*.mk name really exists; no folder named like
build output where code lives."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README_MAX_BYTES = 10 * 1024

# Tokens that look like a path: letters, digits and `._-/`, with a slash or a
# file extension. Outputs (site/, dist/, .venv/) are not in git and are left out
# by the first-segment rule below.
PATH_TOKEN = re.compile(r"(?<![\w./~$-])\.?[A-Za-z0-9_-][\w.-]*(?:/[\w.-]+)*/?")
MARKDOWN_LINK = re.compile(r"\]\(([^)\s#]+)(?:#[^)]*)?\)")
PLACEHOLDER = re.compile(r"[…*<>{}$]|\bLANG\b|\bCODE\b|\bxx\b")


def tracked_top_level(root: Path = ROOT) -> set[str]:
    """The first path segments of the files git tracks (data, uitweg, README.md, …)."""
    try:
        out = subprocess.run(["git", "ls-files"], cwd=root, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):     # a copy without git: what is there, minus outputs
        return {p.name for p in root.iterdir()} - {"site", "site.tmp", "dist", ".venv", "node_modules", ".git"}
    return {line.split("/", 1)[0] for line in out.splitlines()}


def named_paths(text: str, top_level: set[str]) -> set[str]:
    """Every path into the source tree a text names: a token whose first segment
    is tracked by git and that has a second segment or is a top-level file."""
    found = set()
    for m in PATH_TOKEN.finditer(text):
        token = m.group(0).rstrip(".-/")
        end = text[m.end():m.end() + 1]
        if not token or PLACEHOLDER.search(token) or end in ("…", "*", "<", "{", "$"):
            continue
        first = token.split("/", 1)[0]
        if first in top_level and ("/" in token or "." in first):
            found.add(token)
    return found


def documents() -> list[Path]:
    return [ROOT / "README.md", ROOT / "Makefile", *sorted((ROOT / "make").glob("*.mk")),
            *sorted((ROOT / "guides").glob("*.md"))]


def test_readme_is_short():
    size = (ROOT / "README.md").stat().st_size
    assert size <= README_MAX_BYTES, f"README.md is {size} bytes; keep it at most {README_MAX_BYTES}: details go to guides/"


@pytest.mark.parametrize("doc", documents(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_path_a_document_names_exists(doc):
    top = tracked_top_level()
    text = doc.read_text(encoding="utf-8")
    missing = sorted(p for p in named_paths(text, top) if not (ROOT / p).exists())
    prose = re.sub(r"``.*?``|`[^`\n]*`", "", text)                     # a link inside code is an example
    missing += sorted(t for t in MARKDOWN_LINK.findall(prose)           # [text](relative/link) from the file's folder
                      if "://" not in t and not t.startswith("mailto:") and not (doc.parent / t).exists())
    assert not missing, f"{doc.relative_to(ROOT)} names paths that do not exist: {missing}"


def test_the_path_reader_finds_paths_and_skips_placeholders_and_outputs():
    top = {"data", "guides", "README.md", "uitweg", "make"}
    text = ("See `data/contacts.yml`, [the guide](guides/editing.md) and README.md. "
            "Not: data/<name>.yml, docs/…/x.md, make/*.mk, site/index.html, dist/x.zip, "
            "https://example.org/data/x, ~/data/y, $(VENV)/bin, translations/xx.yml, uitweg.css.")
    assert named_paths(text, top) == {"data/contacts.yml", "guides/editing.md", "README.md"}


def test_markdown_links_are_read_relative_to_their_file():
    assert MARKDOWN_LINK.findall("[a](../README.md) [b](messages.md#offline) [c](https://x.org/y)") == \
        ["../README.md", "messages.md", "https://x.org/y"]


def test_no_folder_is_named_build_where_code_lives():
    # A `build/` folder is ignored by Python's standard .gitignore and many
    # personal ones: a module added there would silently stay out of a commit.
    found = [p.relative_to(ROOT).as_posix() for top in ("uitweg", "tests", "tools", "hooks")
             for p in (ROOT / top).rglob("build") if p.is_dir()]
    assert not found, f"rename these folders (a build/ folder is ignored by many .gitignore files): {found}"


def test_the_licence_files_are_there_and_pyproject_names_them():
    import tomllib
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for pattern in project["license-files"]:
        assert list(ROOT.glob(pattern)), f"pyproject.toml license-files: nothing matches {pattern}"
    # The official first line of the licence that pyproject.toml names.
    first_lines = {"EUPL-1.2": "EUROPEAN UNION PUBLIC LICENCE v. 1.2"}
    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert license_text.startswith(first_lines.get(project["license"], "?")), \
        f"LICENSE does not hold the text of {project['license']} (pyproject.toml)"
