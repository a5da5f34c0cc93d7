"""Every text a reader gets outside the Markdown pages is judged once, at its
own file and line: the interface texts (data/languages.yml), the print and
offline texts (data/print.yml, data/offline.yml), the stylesheet's
`content:`, and the settings of mkdocs.yml that would load or link elsewhere.
Small made-up files in a temporary project root, the test table."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from gate_table import CALL_WORDS, TABLE

from conftest import copy_project, mkdocs_build
from uitweg.gate.judge import reader_data_problems

LANGUAGES = """\
languages:
  - code: nl
    name: Nederlands
    call_words: [bel]
    ui:
      strip_title: "Hulp nodig? Bel"
      quick_exit: "Bel 02 511 64 65"
      free: "gratis"
      help: |
        Eerste regel.
        Tweede regel met 1813.
  - code: en
    name: English
    call_words: [call]
    ui:
      strip_title: "Need help? Call"
      hours: "Open 365 days a year"
"""
PRINT = """\
texts:
  nl:
    headline: "Hulp bij mensenhandel"
    line: "Bel \u202e112"
  fr:
    headline: "Visitez some-help.be"
"""
OFFLINE = """\
bundle:
  readme:
    - file: LEESMIJ.txt
      text: |
        LEESMIJ

        Dubbelklik op index.html.
        Bel 02 511 64 64 of Lighthouse.
"""
CSS = """\
.a::after { content: "Bel 1813"; }
.b::before { content: " \\2192 "; }
.c::after {
  content: "02 511 64 64";
}
"""
MKDOCS = """\
site_name: Test
theme:
  name: material
  font:
    text: Roboto
  logo: https://evil.example/logo.png
repo_url: https://github.com/x/y
extra:
  analytics:
    provider: google
  social:
    - icon: x
      link: https://evil.example/
extra_css:
  - https://evil.example/x.css
  - assets/ok.css
"""


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "overrides" / "assets").mkdir(parents=True)
    (tmp_path / "data" / "languages.yml").write_text(LANGUAGES, encoding="utf-8")
    (tmp_path / "data" / "print.yml").write_text(PRINT, encoding="utf-8")
    (tmp_path / "data" / "offline.yml").write_text(OFFLINE, encoding="utf-8")
    (tmp_path / "overrides" / "assets" / "x.css").write_text(CSS, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    return tmp_path


def found(root: Path) -> dict[tuple[str, int], list[str]]:
    out: dict = {}
    for p in reader_data_problems(root, TABLE, CALL_WORDS):
        out.setdefault((Path(p.file).name, p.line), []).append(p.message)
    return out


@pytest.mark.parametrize("where, fragment", [
    (("languages.yml", 7), "is not in the contact table"),                 # a wrong number
    (("languages.yml", 11), "It is a number one can call"),                # line 2 of a block text
    (("print.yml", 4), "bidirectional control character"),
    (("print.yml", 6), "is not in the contact table"),                     # a bare domain
    (("offline.yml", 8), "is the number of Harbour House"),                # right number, wrong name
    (("x.css", 1), "in content: of the stylesheet"),
    (("mkdocs.yml", 4), "loads web fonts"),
    (("mkdocs.yml", 6), "is an address"),
    (("mkdocs.yml", 7), "repo_url puts a link"),
    (("mkdocs.yml", 9), "extra.analytics"),
    (("mkdocs.yml", 11), "extra.social"),
    (("mkdocs.yml", 15), "is an address"),
])
def test_each_text_is_judged_at_its_own_line(root, where, fragment):
    problems = found(root)
    assert any(fragment in m for m in problems.get(where, [])), (where, problems)


def test_ordinary_texts_pass(root):
    problems = found(root)
    for where in [("languages.yml", 5), ("languages.yml", 10), ("languages.yml", 16), ("print.yml", 3),
                  ("offline.yml", 7), ("x.css", 2), ("x.css", 3), ("mkdocs.yml", 16)]:
        assert where not in problems, (where, problems[where])


def test_the_real_files_pass():
    from uitweg.contacts.load import load_contacts
    from uitweg.core import paths
    assert reader_data_problems(paths.ROOT, load_contacts()) == []


@pytest.mark.slow
def test_a_wrong_number_in_the_interface_texts_stops_the_build_once_at_its_line(tmp_path):
    """data/languages.yml is reported at its own line, not at every built page."""
    project = copy_project(tmp_path / "project")
    path = project / "data" / "languages.yml"
    text = path.read_text(encoding="utf-8")
    old = 'strip_title: "Hulp nodig? Bel"'
    assert old in text
    text = text.replace(old, 'strip_title: "Hulp nodig? Bel 02 511 64 65"', 1)
    path.write_text(text, encoding="utf-8")
    line = text[: text.index("Bel 02 511 64 65")].count("\n") + 1
    result = mkdocs_build(project, tmp_path / "out", check=False)
    shutil.rmtree(tmp_path / "out", ignore_errors=True)
    assert result.returncode != 0
    assert f"data/languages.yml:{line}: 02 511 64 65 is not in the contact table" in result.stderr, result.stderr[-2000:]
    assert "(built as" not in result.stderr
