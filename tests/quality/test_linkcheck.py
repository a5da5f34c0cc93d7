"""Links gate: LinkChecker over the built site (HTTP on 127.0.0.1; file://
copies: tests/offline/test_offline_bundle.py), with anchors; and the list of outside addresses that
`make linkcheck-external` checks online."""
from __future__ import annotations

import pytest
from test_audit import TABLE

from uitweg.contacts.load import load_contacts
from uitweg.core.languages import load_languages
from uitweg.core.problems import BuildError
from uitweg.quality.linkcheck import ExternalUrl, check_external, check_site, external_urls, serve


@pytest.mark.slow
def test_the_site_has_no_broken_links_or_anchors(site):
    problems = check_site(site)
    assert not problems, str(BuildError(problems, "Broken links"))


@pytest.mark.slow
def test_broken_link_and_missing_anchor_are_named_with_file_line_and_fix(tmp_path):
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text(
        '<!doctype html><html lang="nl"><head><title>t</title></head><body>\n'
        '<a href="en/signs.html#signs">ok</a>\n'
        '<a href="en/signs.html#indicators">Signs</a>\n'
        '<a href="en/gone.html">Gone</a>\n'
        '<a href="tel:112">112</a> <a href="mailto:info@pag-asa.be">m</a>'
        ' <a href="https://www.meteo.be/nl/belgie">weather</a>\n'
        "</body></html>", encoding="utf-8")
    (site / "en" / "signs.html").write_text(
        '<!doctype html><html lang="en"><head><title>s</title></head><body><h2 id="signs">S</h2>'
        '<a href="../index.html">home</a></body></html>', encoding="utf-8")
    problems = [str(p) for p in check_site(site)]
    assert problems == [
        "site/index.html:3: the link “Signs” goes to en/signs.html#indicators, but that page has no anchor "
        "#indicators (built from docs/nl/index.md and the templates in overrides/). Use an anchor the page has "
        "(#signs), or add {#indicators} to the heading it should reach.",
        "site/index.html:4: the link “Gone” goes to en/gone.html, which does not exist (built from "
        "docs/nl/index.md and the templates in overrides/). Fix the link target (file name ending in .md, "
        "folder, spelling), or write the missing page.",
    ]


def test_external_urls_are_every_website_and_quick_exit_with_their_line(tmp_path):
    path = tmp_path / "contacts.yml"
    path.write_text(TABLE, encoding="utf-8")
    urls = external_urls(load_contacts(path, load_languages()))
    assert [(u.url, u.owner, u.line) for u in urls] == [
        ("https://www.pag-asa.be/", "entry 'pag-asa'", 10),
        ("https://www.meteo.be/nl/belgie", "quick_exit nl", 24),
        ("https://www.meteo.be/en/belgium", "quick_exit en", 24),
        ("https://www.meteo.be/fr/belgique", "quick_exit fr", 24),
    ] + [("https://www.meteo.be/en/belgium", f"quick_exit {code}", 24)
         for code in load_languages().codes if code not in ("nl", "en", "fr")]


def test_external_urls_of_the_real_table_include_the_quick_exit_pages():
    table = load_contacts()
    urls = {u.url for u in external_urls(table)}
    assert set(table.quick_exit.values()) <= urls
    assert {w for c in table.contacts for w in c.websites} <= urls


def test_check_external_reports_what_does_not_answer(tmp_path):
    """Against a real local server (CI has no network)."""
    (tmp_path / "ok.html").write_text("ok", encoding="utf-8")
    with serve(tmp_path) as base:
        urls = [ExternalUrl(base + "ok.html", "entry 'a'", "data/contacts.yml", 5),
                ExternalUrl(base + "moved.html", "entry 'b'", "data/contacts.yml", 9),
                ExternalUrl("http://127.0.0.1:9/", "quick_exit nl", "data/contacts.yml", 12)]
        problems = [str(p) for p in check_external(urls, timeout=5)]
    assert problems == [
        f"data/contacts.yml:9: {base}moved.html (entry 'b') answers HTTP 404. Open it in a browser: "
        "if the page moved, write the new address (and record a new `checked`).",
        "data/contacts.yml:12: http://127.0.0.1:9/ (quick_exit nl) could not be reached (ConnectionError). "
        "Open it in a browser: if the site moved, write the new address (and record a new `checked`); "
        "if your network is down, try again later.",
    ]


def test_anchor_check_reads_real_pages_and_finds_a_wrong_anchor(site, tmp_path):
    """Two built pages copied as they are: their anchors pass; then one link's
    anchor is misspelt, as an editor might, and exactly that link is named."""
    import shutil

    from uitweg.quality.anchors import missing_anchors
    copy = tmp_path / "site"
    (copy / "en").mkdir(parents=True)
    for name in ("index.html", "who-can-help.html"):
        shutil.copy(site / "en" / name, copy / "en" / name)
    html = (copy / "en" / "index.html").read_text(encoding="utf-8")
    assert 'href="who-can-help.html#sexual-violence"' in html    # a link to another page's anchor
    assert missing_anchors(copy) == []
    (copy / "en" / "index.html").write_text(html.replace('"who-can-help.html#sexual-violence"',
                                                         '"who-can-help.html#sexual-violense"', 1), encoding="utf-8")
    [problem] = missing_anchors(copy)
    line = html[:html.index('"who-can-help.html#sexual-violence"')].count("\n") + 1
    assert (problem.file, problem.line) == ("site/en/index.html", line)
    assert "goes to who-can-help.html#sexual-violense, but that page has no anchor #sexual-violense" in problem.message
    assert "#sexual-violence" in problem.message      # the anchors it has, to pick from


def test_anchor_check_follows_root_relative_links_names_and_top(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "a.html").write_text('<p><a name="old">x</a><span id="%">y</span></p>', encoding="utf-8")
    (tmp_path / "404.html").write_text(
        '<a href="/en/a.html#old">1</a>\n<a href="#top">2</a>\n<a href="/en/a.html#%25">3</a>\n'
        '<a href="/en/a.html#new">4</a>\n<a href="#">5</a>\n<a href="https://x.example/#y">6</a>\n',
        encoding="utf-8")
    from uitweg.quality.anchors import missing_anchors
    assert [(p.line, p.message.split(",")[0]) for p in missing_anchors(tmp_path)] == [
        (4, "the link “4” goes to /en/a.html#new")]
