"""The inline step (uitweg/postbuild/stylesheet.py) on small made-up sites:
what it writes, and what it refuses with the file and the fix."""
from __future__ import annotations

import pytest

from uitweg.core.problems import BuildError
from uitweg.postbuild.stylesheet import inline_stylesheet

PAGE = '<html><head>\n  <link rel="stylesheet" href="{href}">\n</head><body>x</body></html>'


def made_site(tmp_path, css: str):
    sheets = tmp_path / "assets" / "stylesheets"
    sheets.mkdir(parents=True)
    (sheets / "site.0123abcd.css").write_text(css, encoding="utf-8")
    (tmp_path / "en").mkdir()
    (tmp_path / "index.html").write_text(PAGE.format(href="assets/stylesheets/site.0123abcd.css"), encoding="utf-8")
    (tmp_path / "en" / "a.html").write_text(PAGE.format(href="../assets/stylesheets/site.0123abcd.css"),
                                            encoding="utf-8")
    return tmp_path


def test_every_page_gets_the_stylesheet_and_the_file_goes(tmp_path):
    site = made_site(tmp_path, "p{color:red}")
    inline_stylesheet(site)
    for page in (site / "index.html", site / "en" / "a.html"):
        assert page.read_text(encoding="utf-8") == "<html><head>\n  <style>p{color:red}</style>\n</head><body>x</body></html>"
    assert not (site / "assets" / "stylesheets").exists()


@pytest.mark.parametrize("css, message", [
    ("p{background:url(img/x.png)}", "names a file"),
    ("p{background:url( 'x.png' )}", "names a file"),
    ("p{content:'</style>'}", "would end the <style> element early"),
])
def test_what_cannot_be_inlined_is_refused(tmp_path, css, message):
    site = made_site(tmp_path, css)
    with pytest.raises(BuildError, match=message):
        inline_stylesheet(site)
    assert (site / "assets" / "stylesheets" / "site.0123abcd.css").is_file()   # nothing half done
    assert "<link" in (site / "index.html").read_text(encoding="utf-8")


def test_data_urls_are_fine(tmp_path):
    site = made_site(tmp_path, "p{background:url(\"data:image/svg+xml;charset=utf-8,<svg/>\")}")
    inline_stylesheet(site)


def test_a_page_without_the_link_is_named(tmp_path):
    site = made_site(tmp_path, "p{color:red}")
    (site / "en" / "b.html").write_text("<html><head></head><body>x</body></html>", encoding="utf-8")
    with pytest.raises(BuildError, match="en/b.html: links the merged stylesheet 0 times"):
        inline_stylesheet(site)
