"""The pocket edition: one self-contained file per language, opened from
file:// with the network blocked."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from language_sample import sample_languages
from light_helpers import VISIBLE_JS

from conftest import offline_context
from uitweg.contacts.load import load_contacts
from uitweg.core.html import text_nodes
from uitweg.core.languages import load_languages
from uitweg.core.siteconfig import load_mkdocs_yml
from uitweg.gate.numbers import callable_numbers, judge_numbers
from uitweg.gate.output_check import output_problems
from uitweg.offline.article import PocketError, article_html, first_heading, rewrite
from uitweg.offline.pocket import build_pocket, nav_files, write_pocket
from uitweg.offline.settings import load_offline, pocket_budget


def find_numbers(text, table, call_words):
    """The numbers a reader could call in `text`: the table's and the refused ones."""
    return callable_numbers(judge_numbers(text, table, call_words))

REQUIRED_STRIP = ["emergency", "line-1712", "child-focus", "pag-asa"]
LOADS = ["src", "srcset", "poster", "data", "action", "formaction", "background"]


@pytest.fixture(scope="session")
def pocket(site, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pocket")
    written = write_pocket(site, out)
    return {path.name: path for path, _ in written}


def files_by_lang(pocket) -> list[tuple[str, Path]]:
    pattern = load_offline()["pocket"]["file"]
    return [(lang, pocket[pattern.format(lang=lang)]) for lang in load_languages().codes]


def test_one_file_per_language_within_budget(pocket):
    budget = pocket_budget()
    assert budget <= 150_000, "data/budgets.yml pocket.max_bytes: the brief allows at most 150 KB"
    assert len(pocket) == len(load_languages().codes)
    for _lang, path in files_by_lang(pocket):
        size = path.stat().st_size
        assert size <= budget, f"{path.name}: {size:,} bytes, budget {budget:,}"


def test_lang_and_every_page_in_nav_order(pocket, site):
    default = load_languages().default.code
    skip = load_offline()["pocket"]["skip"]   # the materials page: downloads a pocket file cannot carry
    md_files = [f for f in nav_files(load_mkdocs_yml()["nav"]) if f[:-3] not in skip]
    for lang, path in files_by_lang(pocket):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert soup.html["lang"] == lang
        sections = [s["id"] for s in soup.select("main > section")]
        assert sections == [Path(f).stem for f in md_files], f"{path.name}: pages missing or out of nav order"
        for f in md_files:
            built = site / ("" if lang == default else lang) / (f[:-3] + ".html")
            title = first_heading(article_html(built.read_text(encoding="utf-8"), str(built)))
            section = soup.find("section", id=Path(f).stem)
            assert title and title in section.get_text(), f"{path.name}: page {f} ({title!r}) is not there"


def test_self_contained_and_anchors_resolve(pocket):
    table = load_contacts()
    for lang, path in files_by_lang(pocket):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert not soup.find_all("link"), f"{path.name}: <link> refers to another file"
        for attr in LOADS:
            assert not soup.find_all(attrs={attr: True}), f"{path.name}: an element has {attr}= (loads a file)"
        ids = [el["id"] for el in soup.find_all(id=True)]
        assert len(ids) == len(set(ids)), f"{path.name}: ids used twice: {sorted({i for i in ids if ids.count(i) > 1})}"
        allowed = {table.quick_exit[lang]} | set(table.websites)
        for a in soup.find_all(href=True):
            href = a["href"]
            if href.startswith("#"):
                assert href[1:] in ids, f"{path.name}: link {href} has no target"
            else:
                assert href.startswith(("tel:", "mailto:")) or href in allowed, f"{path.name}: link {href} leaves the file"


def test_output_check_and_every_number_is_a_link(pocket):
    table, call_words = load_contacts(), load_languages().all_call_words()
    for _lang, path in files_by_lang(pocket):
        html = path.read_text(encoding="utf-8")
        assert output_problems(html, table, call_words) == []
        unlinked = [n.text for t in text_nodes(html) if not {"a", "title"} & t.inside
                    for n in find_numbers(t.text, table, call_words)]
        assert not unlinked, f"{path.name}: numbers without a tel: link: {unlinked}"


def test_strip_and_quick_exit_at_the_top(pocket):
    table = load_contacts()
    for lang, path in files_by_lang(pocket):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        first = soup.body.find(True)
        assert first.get("id") == "uw-exit" and first["href"] == table.quick_exit[lang], \
            f"{path.name}: the quick exit must be the first element"
        strip = soup.select_one(".uw-strip")
        assert strip is not None and strip.find_previous(id="uw-exit") is not None
        for cid in REQUIRED_STRIP:
            assert strip.find("a", href=table.get(cid).phones[0].tel), f"{path.name}: strip lacks {cid}"


@pytest.mark.browser
@pytest.mark.parametrize("js", [True, False], ids=["js-on", "js-off"])
def test_open_offline(pocket, chromium, js):
    """Each file from file:// loads nothing else and shows the strip; with
    JavaScript its in-page links work. One context, one read per file; the
    file of one language per script (the same template in every language of
    a script, tests/language_sample.py; every file's links and strip are read
    from the files by the tests above)."""
    table = load_contacts()
    tels = [table.get(cid).phones[0].tel for cid in REQUIRED_STRIP]
    ctx, requests = offline_context(chromium, js)
    page = ctx.new_page()
    for _lang, path in [(lang, path) for lang, path in files_by_lang(pocket) if lang in sample_languages()]:
        requests.clear()
        page.goto(path.as_uri())
        assert requests == [path.as_uri()], f"{path.name}: requests other than itself: {requests}"
        shown = page.evaluate(STRIP_SHOWN_JS, tels)
        for cid, (count, visible) in zip(REQUIRED_STRIP, shown, strict=True):
            assert count == 1 and visible, f"{path.name}: strip link for {cid} not visible ({count} links)"
        if js:
            missing = page.evaluate("""() => [...document.querySelectorAll('a[href^="#"]')]
                .map(a => a.getAttribute('href').slice(1)).filter(id => !document.getElementById(id))""")
            assert not missing, f"{path.name}: anchors without target: {missing}"
            page.click('a[href="#who-can-help"]')
            assert page.evaluate("location.hash") == "#who-can-help"
    ctx.close()


# For each tel: href, the strip links to it and whether the first is visible
# (plain DOM reads: this also runs with JavaScript off).
STRIP_SHOWN_JS = f"""tels => tels.map(tel => {{
  const links = [...document.querySelectorAll(".uw-strip a[href^='tel:']")].filter(a => a.getAttribute("href") === tel);
  return [links.length, links.length > 0 && ({VISIBLE_JS})(links[0])];
}})"""


@pytest.mark.browser
def test_quick_exit_replaces_page(pocket, chromium):
    table = load_contacts()
    lang, path = files_by_lang(pocket)[0]
    ctx, requests = offline_context(chromium, js=True)
    page = ctx.new_page()
    page.goto(path.as_uri())
    page.click("#uw-exit")
    page.wait_for_url(lambda u: not u.startswith("file:"), timeout=10000)
    assert load_languages().get(lang).ui["strip_title"] not in page.content()
    assert {u for u in requests if not u.startswith("file:")} == {table.quick_exit[lang]}
    ctx.close()


def test_rewrite_makes_an_article_a_section_of_the_file():
    """Ids get the page prefix (a repeated id a number), references follow,
    headings move down a level, links to this language's pages become
    anchors, links to another language keep their text only, code and
    comments go; entities and unquoted attributes are read as a browser does."""
    article = ('<h1 id=top>Signs &amp; help</h1><!-- <a href="x.html"> -->\n'
               '<p id="a">1 &lt; 2</p><p id="a">again</p><label for=a>l</label>\n'
               '<a href="who-can&#45;help.html#pag-asa">Pag-asa</a> <a href="#a">up</a> '
               '<a href="../fr/signs.html"><b>fr</b></a><script>alert(1)</script><br>\n'
               '<h6>deep</h6>')
    out = rewrite(article, "en/signs.html", "signs", {"en/signs.html": "signs", "en/who-can-help.html": "who-can-help"},
                  {"fr/signs.html"})
    assert out == ('<h2 id="signs--top">Signs &amp; help</h2>\n'
                   '<p id="signs--a">1 &lt; 2</p><p id="signs--a-2">again</p><label for="signs--a">l</label>\n'
                   '<a href="#who-can-help--pag-asa">Pag-asa</a> <a href="#signs--a">up</a> <b>fr</b><br>\n'
                   '<h6>deep</h6>')
    assert first_heading(article) == "Signs & help"
    with pytest.raises(PocketError, match=r"en/signs.html: link 'elsewhere.html' points at en/elsewhere.html"):
        rewrite('<a href="elsewhere.html">x</a>', "en/signs.html", "signs", {}, set())


def test_build_fails_on_a_bad_page(site, tmp_path):
    """The build runs the output check and the self-containment check on each
    file, names the file, and writes nothing."""
    broken = tmp_path / "site"
    # The pages are what a pocket file is made of: not the downloads (files/,
    # 8 MB) or the compressed twins.
    shutil.copytree(site, broken, ignore=shutil.ignore_patterns("files", "*.br", "*.gz"))
    page = broken / "en" / "signs.html"
    html = page.read_text(encoding="utf-8")
    html = re.sub(r"(<article\b[^>]*>)", r'\1<p>Call 0470 99 88 77 now.</p><img src="photo.png" alt="">', html, count=1)
    page.write_text(html, encoding="utf-8")
    with pytest.raises(PocketError) as err:
        build_pocket(broken)
    message = str(err.value)
    assert "en/signs.html" in message and "photo.png" in message
    html = re.sub(r'<img src="photo.png" alt="">', "", html)
    page.write_text(html, encoding="utf-8")
    with pytest.raises(PocketError) as err:
        write_pocket(broken, tmp_path / "out")
    assert "info-en.html" in str(err.value) and "0470 99 88 77" in str(err.value)
    assert not (tmp_path / "out").exists()
