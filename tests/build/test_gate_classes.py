"""Issue 9: every class of bad input is refused with its source file and line,
in ONE real strict build of a copy of the project (many bad pages, one
report), and the four ordinary sentences build. The oracle is this list of
inputs and the line each was written on, not the finder."""
from __future__ import annotations

import pytest

from conftest import copy_project, mkdocs_build

WRONG = "02 511 64 65"   # one digit off PAG-ASA's 02 511 64 64
BAD = [
    # separators and writings
    "Bel 02\u2009511\u200964\u200965.", "Bel 02\u2011511\u201164\u201165.", "Bel 02\u2013511\u201364\u201365.",
    "Bel 02\u200b511\u200b64\u200b65.", "Bel 02\u00ad511\u00ad64\u00ad65.", "Bel 02&nbsp;511&nbsp;64&nbsp;65.",
    "Bel &#48;2 511 64 65.", "Bel 02  511 64 65.", "Bel 02 / 511 64 65.", "Bel (02) 511 64 65.",
    "Bel +32 (0)2 511 64 65.", "Bel 0032 2 511 64 65.", "Bel 02/511.64.65.", "Bel 025116465.",
    # other digits
    "Bel ０２ ５１１ ６４ ６５.", "Bel ٠٢ ٥١١ ٦٤ ٦٥.", "Bel ۰۲ ۵۱۱ ۶۴ ۶۵.",
    # split by markup
    "Bel 02 **511** 64 65.", "Bel <span>02</span> 511 64 65.", "Bel 02 _511_ 64 65.",
    # outside the text
    '[PAG-ASA](https://www.pag-asa.be/ "bel 02 511 64 65")', '<span title="02 511 64 65">x</span>',
    '<span aria-label="bel 02 511 64 65">x</span>', "<!-- 02 511 64 65 -->",
    # short numbers
    "Je kunt terecht bij 116111.", "Bij direct gevaar: 113", "In the US use 911.", "Stuur een sms naar 3030.",
    "Bel 1721 als je twijfelt.", "Bel 2020 voor hulp.",
    # tel: links
    "<a href='tel:+3225116464'>112</a>", "[1712](tel:+1712)", "[bel](tel:+3225116465)",
    # links
    "[mail](mailto:info@pag-asa.be?cc=x@evil.example)", '<a href="&#104;ttps://evil.example/">x</a>',
    '<a href="&#x2F;&#x2F;evil.example/">x</a>', '<a href="/\\evil.example">x</a>',
    "Zie https://evil.example/hulp", "Mail naar hulp&#64;evil.example", "Mail info@p\u0430g-asa.be",
    "[x](javascript:alert(1))",
    # loads and actions
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">', '<img src="x.png" ping="https://evil.example/">',
    '<table background="https://evil.example/x.png"><tr><td>x</td></tr></table>',
    '<iframe srcdoc="&lt;p&gt;x"></iframe>', '<link rel="preload" imagesrcset="https://evil.example/x.png 1x">',
    '<svg><a href="/"><animate attributeName="href" to="https://evil.example/"/></a></svg>',
    "<script>alert(1)</script>", '<span onclick="x()">x</span>', '<span style="color:red">x</span>',
    '<base href="https://evil.example/">', "<form action=\"/x\"></form>",
    # shortcodes
    "[[Phone:pag-asa]]", "[[phone :pag-asa]]", "[[phone:PAG-ASA]]", "[[phone:nobody]]", "[[foo]]",
]
GOOD = ["Sinds 2023 kun je 1712 ook bellen.", "Je kunt 365 dagen per jaar terecht.",
        "PAG-ASA is niet in 1702 Groot-Bijgaarden.", "Call 1712 from 2025 onwards."]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("gate")
    project = copy_project(tmp / "project")
    page = project / "docs" / "nl" / "about.md"
    text = page.read_text(encoding="utf-8")
    first = text.count("\n") + 2
    body = "".join(f"\n{line}\n" for line in BAD)   # a blank line between: one paragraph each
    page.write_text(text + body, encoding="utf-8")
    good = project / "docs" / "en" / "about.md"
    good.write_text(good.read_text(encoding="utf-8") + "\n" + "\n\n".join(GOOD) + "\n", encoding="utf-8")
    (project / "docs" / "nl" / "extra.html").write_text("<script>alert(1)</script> 02 511 64 65", encoding="utf-8")
    result = mkdocs_build(project, tmp / "out", check=False)
    lines = {line: first + 2 * i for i, line in enumerate(BAD)}
    return result, lines


@pytest.mark.parametrize("bad", BAD)
def test_each_bad_input_is_refused_at_its_source_line(report, bad):
    result, lines = report
    assert result.returncode != 0
    assert f"docs/nl/about.md:{lines[bad]}: " in result.stderr, f"{bad!r} got through:\n{result.stderr[-3000:]}"


def test_one_report_for_all_languages_and_files(report):
    result, _ = report
    assert result.stderr.count("The gate stopped the build") == 1
    assert "docs/nl/extra.html: a .html file in docs/" in result.stderr


@pytest.mark.parametrize("sentence", GOOD)
def test_ordinary_sentences_build(report, sentence):
    result, _ = report
    assert "docs/en/about.md" not in result.stderr, result.stderr[-3000:]
