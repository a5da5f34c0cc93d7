"""conftest.copy_project copies the sources with their bytecode, but not the
temporary files a parallel import or pytest writes bytecode through
(`x.pyc.<number>`, renamed away at once), nor outputs and other venvs.
With `languages` it keeps only those languages (tools/testkit/trim_languages.py):
such a copy builds strictly, has exactly those languages' pages and files,
and its gate still refuses a wrong number; a data file that names a dropped
language in a way the trimming does not know stops the copy."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from testkit.trim_languages import TrimError, trim_languages

import conftest
from conftest import copy_project, mkdocs_build
from uitweg.core.languages import load_languages

KEPT = ("nl", "en", "fr")


def test_copy_leaves_out_passing_bytecode_and_outputs(tmp_path, monkeypatch):
    src = tmp_path / "src"
    for rel in ("uitweg/__pycache__/m.cpython-311.pyc", "uitweg/__pycache__/m.cpython-311.pyc.140234",
                "tests/__pycache__/t.cpython-311-pytest-9.1.1.pyc.4242", "uitweg/m.py",
                ".venv-properdocs/bin/python", "properdocs-site/index.html", "uitweg.egg-info/PKG-INFO"):
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_text("x", encoding="utf-8")
    monkeypatch.setattr(conftest, "ROOT", src)
    dest = conftest.copy_project(tmp_path / "copy")
    copied = sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file())
    assert copied == ["uitweg/__pycache__/m.cpython-311.pyc", "uitweg/m.py"]


# --- the trimming, on a small hand-made project (not the real data) -----------------------------

LANGUAGES_YML = """\
# The site's languages.
languages:
  - code: nl
    name: Nederlands
  # Right to left.
  - code: "ar"
    name: العربية
    dir: rtl
  - code: en
    name: English
"""

MKDOCS_YML = """\
site_name: Test
plugins:
  - i18n:
      languages:
        - locale: nl
          default: true
        - locale: ar
          build: true
        - locale: en
          build: true
nav:
  - index.md
"""

TEXTS_YML = """\
# Texts per language.
title: {nl: "Hulp", ar: "مساعدة", en: "Help"}
last: {nl: "a", en: "b", ar: "c"}
texts:
  nl:
    hello: "Hallo"   # a comment that stays
  ar:
    hello: |
      مرحبا
      مرحبا

  en:
    hello: "Hello"
readme:
  - file: README.txt
    lang: nl
  - file: README-ar.txt
    lang: ar
  - file: README-en.txt
    lang: en
units:
  nl: [dag, dagen]
  # Arabic without its vowel marks.
  ar: [يوم, أيام]
  en: [ar]   # a word of a kept language that is a dropped code (as Albanian "ti")
  any: ["%"]
"""


def small_project(root: Path, extra: dict[str, str] | None = None) -> Path:
    files = {"data/languages.yml": LANGUAGES_YML, "mkdocs.yml": MKDOCS_YML, "data/texts.yml": TEXTS_YML,
             "overrides/partials/languages/ar.html": "{}", "tests/gate/ordinary/ar.yml": "[]",
             "tests/gate/ordinary/en.yml": "[]", **(extra or {})}
    for code in ("nl", "ar", "en"):
        files[f"docs/{code}/index.md"] = "# x\n"
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_trimming_removes_only_the_dropped_languages_lines(tmp_path):
    root = small_project(tmp_path)
    trim_languages(root, ("nl", "en"))
    assert (root / "data" / "texts.yml").read_text(encoding="utf-8") == """\
# Texts per language.
title: {nl: "Hulp", en: "Help"}
last: {nl: "a", en: "b"}
texts:
  nl:
    hello: "Hallo"   # a comment that stays

  en:
    hello: "Hello"
readme:
  - file: README.txt
    lang: nl
  - file: README-en.txt
    lang: en
units:
  nl: [dag, dagen]
  # Arabic without its vowel marks.
  en: [ar]   # a word of a kept language that is a dropped code (as Albanian "ti")
  any: ["%"]
"""
    assert (root / "data" / "languages.yml").read_text(encoding="utf-8") == """\
# The site's languages.
languages:
  - code: nl
    name: Nederlands
  # Right to left.
  - code: en
    name: English
"""
    assert "locale: ar" not in (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "locale: en" in (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert sorted(p.name for p in (root / "docs").iterdir()) == ["en", "nl"]
    assert not (root / "overrides" / "partials" / "languages" / "ar.html").exists()
    assert sorted(p.name for p in (root / "tests" / "gate" / "ordinary").iterdir()) == ["en.yml"]


@pytest.mark.parametrize("text, line", [
    ("# Reviewed languages.\nreviewed: [nl, ar]\n", 2),
    ("rtl:\n  first: ar\n", 2),
])
def test_a_data_file_that_still_names_a_dropped_language_stops_the_copy(tmp_path, text, line):
    root = small_project(tmp_path, {"data/new.yml": text})
    with pytest.raises(TrimError, match=rf"data/new\.yml:{line}: still names dropped language 'ar'"):
        trim_languages(root, ("nl", "en"))


def test_the_default_language_stays_first(tmp_path):
    root = small_project(tmp_path)
    with pytest.raises(TrimError, match="must be the default one, 'nl'"):
        trim_languages(root, ("en", "nl"))
    with pytest.raises(TrimError, match="xx: not languages of data/languages.yml"):
        trim_languages(root, ("nl", "xx"))


# --- a trimmed copy of the real project -----------------------------------------------------------

@pytest.mark.slow
def test_a_trimmed_copy_builds_strictly_with_exactly_its_languages(tmp_path):
    """A strict `mkdocs build` of a copy with nl, en and fr. (The materials
    step on a trimmed copy runs in tests/render/test_one_build_path.py, twice.)"""
    project = copy_project(tmp_path / "project", languages=KEPT)
    site = tmp_path / "site"
    mkdocs_build(project, site)
    every = load_languages()   # the real project's languages: the copy's are a part
    dropped = [code for code in every.codes if code not in KEPT]
    assert dropped, "the project has no language besides nl, en and fr to drop"
    pages = sorted(p.stem for p in (project / "docs" / "nl").glob("*.md"))
    for code in KEPT:
        root = site if code == every.default.code else site / code
        built = sorted(p.stem for p in root.glob("*.html") if p.name != "404.html")
        assert built == pages, f"{code}: {built}"
        for name in pages:
            html = (root / f"{name}.html").read_text(encoding="utf-8")
            assert f'<html lang="{code}"' in html
            assert set(re.findall(r'hreflang="([^"]+)"', html)) - {"x-default"} == set(KEPT), f"{code}/{name}.html"
    for code in dropped:
        assert not (site / code).exists(), f"{code}/ was built"


@pytest.mark.slow
def test_a_trimmed_copy_still_refuses_a_wrong_number(tmp_path):
    """Trimming must not hide the gate: a wrong digit in a page of a kept
    language is refused, and so is one in its interface text in
    data/languages.yml (the data files are judged before any page, so that
    is a second, short build)."""
    project = copy_project(tmp_path / "project", languages=KEPT)
    page = project / "docs" / "en" / "signs.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nCall Payoke on 03 201 16 09.\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out", check=False)
    assert result.returncode != 0
    assert (f"docs/en/signs.md:{text.count(chr(10)) + 2}: 03 201 16 09 is not in the contact table "
            "— did you mean Payoke 03 201 16 90?") in result.stderr

    data = project / "data" / "languages.yml"
    data_text = data.read_text(encoding="utf-8")
    old = 'quick_exit: "Quitter vite"'
    assert old in data_text
    data.write_text(data_text.replace(old, 'quick_exit: "Quitter vite, ou appelez le 03 201 16 09"'),
                    encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out2", check=False)
    assert result.returncode != 0
    line = data_text[:data_text.index(old)].count("\n") + 1
    assert f"data/languages.yml:{line}: 03 201 16 09 is not in the contact table" in result.stderr
