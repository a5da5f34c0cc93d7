"""One build path: the post-build steps run inside MkDocs (on_post_build), so
`mkdocs build --strict`, `make site` and `make serve` give the same site."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from mkdocs.config import load_config

from conftest import ROOT, build_command, copy_project, mkdocs_build
from uitweg.core.languages import load_languages

TWINS = (".gz", ".br")


def files(site) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in site.rglob("*") if p.is_file() and not p.name.endswith(TWINS)}


@pytest.mark.slow
def test_make_site_gives_the_same_files_as_mkdocs_build(tmp_path):
    """`make site` in a copy gives the same files as the plain commands of the
    product build (strict `mkdocs build`, then `python -m uitweg.materials`:
    conftest.build_command, as the session's `site` is built) in the same copy.

    The copy keeps nl and en (tools/testkit/trim_languages.py): the property is
    the build path, not a language, and two builds of two languages cost a
    fraction of one build of fifteen. Two, because static-i18n builds the
    default language at the root and every other one in its own folder, each
    in its own pass of the hooks; a step that ran only in one pass, or only in
    the Makefile, still shows. Before, `make site` of a full copy was compared
    with the session's build, at ~50 s of CPU."""
    project = copy_project(tmp_path / "project", languages=("nl", "en"))
    plain = tmp_path / "plain"
    plain.mkdir()
    subprocess.run(["sh", "-c", build_command(plain)], cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert (plain / "status").read_text().strip() == "0", (plain / "log").read_text(errors="replace")[-3000:]
    # -o: use the running interpreter instead of (re)creating .venv in the copy.
    result = subprocess.run(["make", "-o", ".venv/.installed", "site", f"PY={sys.executable}"],
                            cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    site = plain / "site"
    made, built = files(project / "site"), files(site)
    assert not (project / "site.tmp").exists()
    # The copy's languages, and theirs alone, got their pages and files.
    assert (site / "en" / "index.html").is_file() and not (site / "fr").exists()
    assert sorted(p.name for p in (site / "files").glob("info-*.htm")) == ["info-en.htm", "info-nl.htm"]
    # build_command signs with a test key (conftest.py), `make site` here does
    # not: the materials pages and the files made from them differ by that.
    signed = {"files/allowed_signers"}
    assert sorted(made) == sorted(set(built) - signed)
    for name in [n for n in built if n.startswith("files/") or n.endswith("materials.html")]:
        made.pop(name, None)
        built.pop(name)
    differ = [name for name in built if made[name] != built[name]]
    assert not differ, f"differ between `make site` and `mkdocs build --strict`: {differ[:10]}"
    # The post-build steps ran: inline stylesheet, hashed script, CSP, headers, twins.
    assert b"<style>" in built["index.html"] and any(n.startswith("assets/javascripts/uitweg.") for n in built)
    assert "_headers" in built and (site / "index.html.br").is_file()
    assert b'http-equiv="Content-Security-Policy"' in built["index.html"]


def test_the_404_page_is_in_the_default_language(site):
    default = load_languages().default
    html = (site / "404.html").read_text(encoding="utf-8")
    assert f'<html lang="{default.code}"' in html
    assert default.ui["quick_exit"] in html
    for other in load_languages().languages[1:]:
        assert other.ui["quick_exit"] not in html


@pytest.mark.slow
def test_a_post_build_refusal_stops_a_plain_mkdocs_build(tmp_path):
    """The CSP step refuses inline scripts in plain `mkdocs build` too. The
    template is the same in every language: the default one is enough."""
    project = copy_project(tmp_path / "project", languages=("nl",))
    main = project / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8").replace(
        "{% block extrahead %}", "{% block extrahead %}<script>document.title = 'x'</script>", 1), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out", check=False)
    assert result.returncode != 0
    assert "Pages would break under the Content-Security-Policy" in result.stderr
    assert "Post-build steps" in result.stderr


def test_serve_watches_data_overrides_hooks_and_the_package():
    config = load_config(str(ROOT / "mkdocs.yml"))
    watched = {str(p) for p in config.watch}
    for folder in ("data", "overrides", "hooks", "uitweg"):
        assert str(ROOT / folder) in watched, f"mkdocs serve does not watch {folder}/"
