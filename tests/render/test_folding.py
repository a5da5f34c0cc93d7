"""uitweg/render/folding.py: a listed `##` section becomes a closed <details>
with its heading as summary; everything else stays byte for byte."""
from __future__ import annotations

import pytest

from uitweg.core.problems import BuildError
from uitweg.render.folding import fold_sections

PAGE = ('<h1 id="t">T</h1>\n<p>intro</p>\n<h2 id="a">A</h2>\n<p>a1</p>\n<h3 id="a-sub">sub</h3>\n<p>a2</p>\n'
        '<h2 id="b">B</h2>\n<p>b1</p>\n')


def test_a_section_runs_to_the_next_h2():
    out = fold_sections(PAGE, ["a"], "x.md")
    assert out == ('<h1 id="t">T</h1>\n<p>intro</p>\n<details class="uw-fold"><summary><h2 id="a">A</h2></summary>\n'
                   '<p>a1</p>\n<h3 id="a-sub">sub</h3>\n<p>a2</p>\n</details>\n<h2 id="b">B</h2>\n<p>b1</p>\n')


def test_the_last_section_runs_to_the_end_and_two_sections_fold_apart():
    out = fold_sections(PAGE, ["a", "b"], "x.md")
    assert out.count('<details class="uw-fold">') == 2
    assert out.endswith('<details class="uw-fold"><summary><h2 id="b">B</h2></summary>\n<p>b1</p>\n</details>\n')
    unwrapped = out.replace('<details class="uw-fold"><summary>', "").replace("</summary>", "")
    assert unwrapped.replace("</details>\n", "") == PAGE, "folding may only add the wrappers"


def test_nothing_listed_changes_nothing():
    assert fold_sections(PAGE, [], "x.md") == PAGE


def test_a_missing_anchor_names_the_data_file_and_page(tmp_path):
    folded = tmp_path / "folded.yml"
    folded.write_text("pages:\n  x.md: [nowhere]\n", encoding="utf-8")
    # The schema beside the real file is used for a copy elsewhere too.
    with pytest.raises(BuildError) as err:
        fold_sections(PAGE, ["nowhere"], "x.md", path=folded)
    problem = err.value.problems[0]
    assert problem.line == 2 and "x.md has no '## … {#nowhere}' heading" in problem.message
