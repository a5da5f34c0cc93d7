"""A broken data file (YAML syntax) stops the build with one line naming
file, line and column and what to do, never a traceback (issue 9)."""
import re

import pytest

from conftest import ROOT, copy_project, mkdocs_build
from uitweg.core.problems import BuildError
from uitweg.core.yamlfile import load

DATA_FILES = sorted((ROOT / "data").glob("*.yml"))


def unclose_first_quote(text: str) -> tuple[str, int]:
    """The text with the closing quote of its first quoted value removed (or,
    in a file without quotes, an opening quote added to its first value), and
    the line of that value: the parser may notice lines later, the message
    must still name this line."""
    m = re.search(r'^[^#\n]*?[:-]\s*"[^"\n]*(")', text, re.MULTILINE)
    if m:
        return text[:m.start(1)] + text[m.end(1):], text.count("\n", 0, m.start()) + 1
    m = re.search(r"^[^#\n]*?:[ ]+(?=[^\s#])", text, re.MULTILINE)
    assert m, "no value to break"
    return text[:m.end()] + '"' + text[m.end():], text.count("\n", 0, m.start()) + 1


def test_every_data_file_is_read_by_the_one_loader():
    """No module reads YAML around uitweg/core/yamlfile.py (mkdocs.yml, with
    its Python tags, is read by siteconfig.py and is not a data file)."""
    readers = [p for p in (ROOT / "uitweg").rglob("*.py")
               if p.name not in ("yamlfile.py", "siteconfig.py")
               and re.search(r"\byaml\.(safe_)?load\b|\byaml\.(Safe)?Loader\b", p.read_text(encoding="utf-8"))]
    assert not readers, f"read data files with uitweg.core.yamlfile.load: {readers}"


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_a_missing_quote_in_a_data_file_names_file_line_and_column(tmp_path, path):
    broken, line = unclose_first_quote(path.read_text(encoding="utf-8"))
    bad = tmp_path / path.name
    bad.write_text(broken, encoding="utf-8")
    with pytest.raises(BuildError) as info:
        load(bad)
    [p] = info.value.problems
    assert p.line == line and p.column, str(p)
    assert str(p).startswith(f"{bad}:{line}:{p.column}: broken YAML: ")
    assert str(p).endswith("— fix the file (a missing quote or wrong indentation is the usual cause)")


def test_wrong_indentation_names_its_line(tmp_path):
    text = (ROOT / "data" / "contacts.yml").read_text(encoding="utf-8")
    old = "  - id: pag-asa\n    kind: specialised-centre\n"
    line = text[: text.index(old)].count("\n") + 2
    bad = tmp_path / "contacts.yml"
    bad.write_text(text.replace(old, old.replace("    kind", "   kind")), encoding="utf-8")
    with pytest.raises(BuildError) as info:
        load(bad)
    [p] = info.value.problems
    assert p.line == line and "broken YAML" in p.message, str(p)


@pytest.fixture(scope="module")
def broken_builds(tmp_path_factory):
    """Real mkdocs builds of copies with one broken data file each:
    {name: (result, line of the mistake, project)}."""
    out = {}
    for name in ("contacts.yml", "languages.yml", "number_exceptions.yml"):
        project = copy_project(tmp_path_factory.mktemp("broken") / "project")
        path = project / "data" / name
        text, line = unclose_first_quote(path.read_text(encoding="utf-8"))
        path.write_text(text, encoding="utf-8")
        out[name] = (mkdocs_build(project, project / "site.tmp", check=False), line, project)
    return out


@pytest.mark.parametrize("name", ["contacts.yml", "languages.yml", "number_exceptions.yml"])
def test_mkdocs_build_with_broken_yaml_names_file_and_line_without_traceback(broken_builds, name):
    result, line, project = broken_builds[name]
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output, output[-3000:]
    found = re.search(rf"data/{re.escape(name)}:(\d+):(\d+): broken YAML: .+ — fix the file", output)
    assert found, output[-3000:]
    assert int(found.group(1)) == line, found.group(0)
    assert not (project / "site.tmp" / "index.html").exists(), "a half-built site was left"
