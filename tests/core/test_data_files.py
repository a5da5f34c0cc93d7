"""Every data file has a JSON Schema beside it and is checked at load; a broken
file stops the build with one `file:line: …` line, never a traceback."""
from __future__ import annotations

import json
import re

import pytest
import yaml

from conftest import ROOT, copy_project, mkdocs_build
from uitweg.core.languages import load_languages
from uitweg.core.problems import BuildError
from uitweg.core.siteconfig import site_url
from uitweg.core.yamlfile import load_data

DATA = ROOT / "data"
DATA_FILES = sorted(DATA.glob("*.yml"))


def test_every_data_file_has_a_closed_schema_beside_it():
    assert len(DATA_FILES) >= 8
    for path in DATA_FILES:
        schema_path = path.with_name(path.stem + ".schema.json")
        assert schema_path.is_file(), f"{path.name} has no {schema_path.name}"
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        assert schema["$schema"].endswith("2020-12/schema")
        assert schema.get("additionalProperties") is False, f"{schema_path.name}: unknown top-level keys must fail"


@pytest.mark.parametrize("path", [p for p in DATA_FILES if p.stem != "contacts"], ids=lambda p: p.name)
def test_every_data_file_matches_its_schema(path):
    data, lines = load_data(path, path.stem)
    assert data and lines


def test_a_misspelt_and_a_mistyped_field_name_their_lines(tmp_path):
    text = (DATA / "budgets.yml").read_text(encoding="utf-8")
    text = text.replace("own_script: 2048", "own_scirpt: 2048").replace("strip_within: 14336", "strip_within: lots")
    path = tmp_path / "budgets.yml"
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    typo = next(i for i, line in enumerate(lines, 1) if line.startswith("own_scirpt"))
    wrong = next(i for i, line in enumerate(lines, 1) if line.startswith("strip_within"))
    with pytest.raises(BuildError) as err:
        load_data(path, "budgets")
    message = str(err.value)
    assert f"budgets.yml:{wrong}: strip_within: 'lots' is not of type 'integer'" in message
    assert f"budgets.yml:{typo}: top level: unknown field 'own_scirpt'; allowed here: first_round_trip, " \
        "first_visit, materials, own_script, phone_screens, pocket, strip_within" in message
    assert "top level: 'own_script' is a required property" in message
    assert "data/budgets.schema.json" in message


def test_broken_yaml_is_one_line_with_file_and_line(tmp_path):
    path = tmp_path / "gates.yml"
    text = (DATA / "gates.yml").read_text(encoding="utf-8")
    broken = text.replace("  max_age_months: 6", "  max_age_months: [6", 1)
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(BuildError) as err:
        load_data(path, "gates")
    problems = err.value.problems
    assert len(problems) == 1
    assert problems[0].line is not None and problems[0].line > 0
    assert "broken YAML" in str(problems[0]) and "Traceback" not in str(err.value)


def _break_and_build(tmp_path, name: str, change) -> str:
    project = copy_project(tmp_path / "project")
    path = project / "data" / name
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out", check=False)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    return result.stderr


def test_an_unknown_strip_id_stops_the_build_with_its_line(tmp_path):
    text = (DATA / "languages.yml").read_text(encoding="utf-8")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if t.startswith("strip:"))
    assert "surya," in text or "surya]" in text
    stderr = _break_and_build(tmp_path, "languages.yml",
                              lambda t: t.replace("strip: [", "strip: [surja, ", 1))
    assert f"languages.yml:{line}: the emergency strip names 'surja', which is not an id in data/contacts.yml" in stderr
    assert "KeyError" not in stderr


def test_broken_yaml_in_a_data_file_stops_the_build_without_a_traceback(tmp_path):
    stderr = _break_and_build(tmp_path, "languages.yml", lambda t: t.replace("  - code: en", "  - code: en\n\t name: x", 1))
    assert re.search(r"languages\.yml:\d+:\d+: broken YAML", stderr), stderr[-2000:]


def test_mkdocs_yml_is_read_with_mkdocs_own_loader(tmp_path, monkeypatch):
    """!ENV works as in MkDocs (the old loader turned it into None)."""
    config = tmp_path / "mkdocs.yml"
    config.write_text('site_url: !ENV [UITWEG_TEST_URL, "https://fallback.example/"]\n', encoding="utf-8")
    monkeypatch.delenv("UITWEG_TEST_URL", raising=False)
    assert site_url(config) == "https://fallback.example/"
    monkeypatch.setenv("UITWEG_TEST_URL", "https://help.example")
    assert site_url(config) == "https://help.example/"


def test_languages_load_from_the_real_file():
    langs = load_languages()
    raw = yaml.safe_load((DATA / "languages.yml").read_text(encoding="utf-8"))
    assert langs.codes == [d["code"] for d in raw["languages"]]
    assert langs.strip_problems([]) and len(langs.strip_problems([])) == len(raw["strip"])
