"""Valid HTML: the Nu Html Checker (vnu.jar), run once over the whole site."""
from __future__ import annotations

import pytest

from uitweg.core.problems import BuildError
from uitweg.quality.html_valid import run_vnu, vnu_problems


@pytest.mark.slow
def test_the_built_site_is_valid_html(site):
    problems = vnu_problems(run_vnu(site), site)
    assert not problems, str(BuildError(problems, "The built HTML is not valid (Nu Html Checker)"))


@pytest.mark.slow
def test_an_error_names_the_built_file_its_line_and_where_to_fix_it(tmp_path):
    site = tmp_path / "site"
    (site / "fr").mkdir(parents=True)
    (site / "fr" / "signs.html").write_text(
        '<!doctype html>\n<html lang="fr">\n<head><title>t</title></head>\n<body>\n'
        '<input type="checkbox" id="x" autocomplete="off">\n</body>\n</html>\n', encoding="utf-8")
    (site / "fr" / "ok.html").write_text(
        '<!doctype html>\n<html lang="fr"><head><title>t</title></head><body><p>ok</p></body></html>\n',
        encoding="utf-8")
    (site / "notes.txt").write_text("<p>not html", encoding="utf-8")
    problems = vnu_problems(run_vnu(site), site)
    assert len(problems) == 1
    p = problems[0]
    assert (p.file, p.line) == ("site/fr/signs.html", 5)
    assert p.message.startswith("Attribute “autocomplete” is only allowed when the input type is")
    assert p.message.endswith('Near: <input type="checkbox" id="x" autocomplete="off">. This page is built from '
                              "docs/fr/signs.md and the templates in overrides/: fix the markup there "
                              "(Markdown pages may not contain raw HTML).")


def test_materials_checkbox_autocomplete_is_dropped_after_the_build(tmp_path):
    from uitweg.postbuild.material_fixes import drop_checkbox_autocomplete
    page = tmp_path / "index.html"
    page.write_text('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
                    '<input type="text" name="q" autocomplete="off">', encoding="utf-8")
    drop_checkbox_autocomplete(tmp_path)
    assert page.read_text(encoding="utf-8") == (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
        '<input type="text" name="q" autocomplete="off">')


def test_a_shared_stylesheet_is_checked_once_and_lines_stay_right(tmp_path):
    """The stylesheet every page carries is validated on one page only; on
    the others it is blanked without moving the lines after it."""
    site = tmp_path / "site"
    site.mkdir()
    style = "<style>\np{color:red}\nb{color:}\n</style>"   # a CSS error on line 3 of the stylesheet
    for name in ("a.html", "b.html"):
        (site / name).write_text(f'<!doctype html>\n<html lang="en">\n<head><title>t</title>\n{style}\n</head>\n'
                                 '<body>\n<input type="checkbox" autocomplete="off">\n</body>\n</html>\n',
                                 encoding="utf-8")
    problems = vnu_problems(run_vnu(site), site)
    found = sorted((p.file, p.line, "css" if p.message.startswith("CSS:") else "autocomplete"
                    if "“autocomplete”" in p.message else p.message) for p in problems)
    assert found == [("site/a.html", 6, "css"), ("site/a.html", 10, "autocomplete"),
                     ("site/b.html", 10, "autocomplete")], found
