"""The USB bundle: built from the session's site, unzipped, opened from file://
in Chromium with the network blocked, with JavaScript on and off. The bundle
and the crawls are shared with other tests (tests/crawls.py)."""
from __future__ import annotations

import fnmatch
import json
import posixpath
import re
from urllib.parse import urlsplit

import pytest
from language_sample import sample_languages

from conftest import offline_context
from uitweg.contacts.load import load_contacts
from uitweg.core import html as H
from uitweg.core.languages import load_languages
from uitweg.core.siteconfig import load_mkdocs_yml, site_url
from uitweg.offline.settings import SIGNATURE, SUMS, load_offline

# Contacts whose numbers every page must offer as tel: links (the brief's minimum).
REQUIRED_STRIP = ["emergency", "line-1712", "child-focus", "pag-asa"]
# A word from each language's pages that offline search must find, and the folder of its results.


# Loaded once: each load validates the YAML against its schema (~0.1 s), and
# the crawl checks ask for them on every page (this cost 100 s a run).
TABLE = load_contacts()
LANGUAGES = load_languages()


def tel(contact_id: str) -> str:
    return TABLE.get(contact_id).phones[0].tel


def page_lang(rel: str) -> str:
    first = rel.split("/", 1)[0]
    return first if first in LANGUAGES.codes else LANGUAGES.default.code


def test_links_name_files_for_copies_opened_from_disk():
    """From file:// a folder link (`en/`) shows a file listing, not the page:
    every link must name its .html file. No plugin is needed for that (the
    `offline` plugin only added this and a CDN polyfill, and is not used)."""
    cfg = load_mkdocs_yml()
    assert cfg["use_directory_urls"] is False, "mkdocs.yml: use_directory_urls must stay false (USB copies)"
    names = [p if isinstance(p, str) else next(iter(p)) for p in cfg["plugins"]]
    assert "offline" not in names and not cfg.get("extra", {}).get("polyfills"), \
        "the offline plugin adds https://unpkg.com/iframe-worker/shim unless a polyfill is vendored; the site needs neither"


def test_zip_layout(bundle, site):
    made, unpacked = bundle
    names = {p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*") if p.is_file()}
    texts = [t["file"] for t in load_offline()["bundle"]["readme"]]
    for root_file in ["index.html", "en/index.html", "fr/index.html", SUMS, SIGNATURE, *texts]:
        assert root_file in names, f"{root_file} missing from the zip"
    site_pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html"}
    assert site_pages <= names, f"pages missing from the zip: {sorted(site_pages - names)}"
    for pattern in load_offline()["bundle"]["exclude"]:
        assert not [n for n in names if fnmatch.fnmatch(n, pattern) or fnmatch.fnmatch(posixpath.basename(n), pattern)]
    assert made.name == "info-offline.zip"
    assert not [n for n in names if n.startswith("files/")], "the copy must not carry the site's downloads"
    assert "CHECK-COPY.txt" in names
    missing = [f"search/index.{code}.js" for code in load_languages().codes if f"search/index.{code}.js" not in names]
    assert not missing, f"search from file:// needs the index scripts (uitweg/postbuild/search_split.py): {missing}"


def _i18n_languages() -> list[dict]:
    plugins = load_mkdocs_yml()["plugins"]
    return next(p["i18n"] for p in plugins if isinstance(p, dict) and "i18n" in p)["languages"]


FILE_NAME = re.compile(r"\b(?:[\w-]+\.(?:txt|html|zip|sig)|SHA256SUMS(?:\.sig)?|allowed_signers)\b")


def test_readme_texts(bundle):
    """The read-mes a resident sees first say how to open the copy, nothing
    about checking it; the staff read-me has the checking steps; no read-me
    names a file that is not in the copy (but for the zip itself, and the
    key, which comes from the website by its address)."""
    _, unpacked = bundle
    names = {p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*") if p.is_file()}
    for t in load_offline()["bundle"]["readme"]:
        text = (unpacked / t["file"]).read_text(encoding="utf-8-sig")
        assert "index.html" in text and "info-offline.zip" in text, t["file"]
        for never in (SUMS, "ssh-keygen", "sha256sum", "verify"):
            assert never not in text, f"{t['file']} mentions {never}: the residents' read-me only says how to open the copy"
        assert b"\r\n" in (unpacked / t["file"]).read_bytes(), f"{t['file']}: Windows line ends, for every Notepad"
        # The names a reader can pick at the top of the page (as mkdocs.yml builds them).
        others = [lg["name"] for lg in _i18n_languages() if not lg.get("default")]
        assert [n for n in others if n not in text] == [], f"{t['file']} does not list every language to choose"
        assert "{" not in text, f"{t['file']}: a placeholder was not filled in"
    assert sorted(t["lang"] for t in load_offline()["bundle"]["readme"]) == sorted(load_languages().codes), \
        "one read-me per language (data/offline.yml bundle.readme, lang:)"
    staff = (unpacked / "CHECK-COPY.txt").read_text(encoding="utf-8-sig")
    for needed in ("ssh-keygen -Y verify", "sha256sum -c", "shasum -a256 -c", "certutil -hashfile", SIGNATURE):
        assert needed in staff
    for t in [*load_offline()["bundle"]["readme"], {"file": "CHECK-COPY.txt"}]:
        text = (unpacked / t["file"]).read_text(encoding="utf-8-sig")
        named = set(FILE_NAME.findall(text)) - names - {"info-offline.zip"}
        assert named <= {"allowed_signers"}, f"{t['file']} names files that are not in the copy: {sorted(named)}"
    assert "/files/allowed_signers" in staff, "the key comes from the website, by its address"


def test_search_index_has_every_language(bundle):
    """One index script per language (uitweg/postbuild/search_split.py), each with its own pages only."""
    _, unpacked = bundle
    for code in load_languages().codes:
        js = (unpacked / f"search/index.{code}.js").read_text(encoding="utf-8").strip()
        entries = json.JSONDecoder().raw_decode(js, len("uitwegSearch("))[0]   # then the empty-result texts
        folders = {page_lang(e[0]) for e in entries}
        assert folders == {code}, f"search/index.{code}.js holds pages of {folders}"


def test_every_link_is_a_file(bundle):
    """No directory URLs (Material's logo, language links, nav), nothing absolute,
    no target that is missing: what works over http must work from file://."""
    _, unpacked = bundle
    problems = []
    quick_exits = set(TABLE.quick_exit.values())
    public = site_url()   # read once: each call parses mkdocs.yml (it was 85 % of this test's time)
    for page in sorted(unpacked.rglob("*.html")):
        rel = page.relative_to(unpacked).as_posix()
        # selectolax (uitweg/core/html.py), the browser's parser: BeautifulSoup's
        # html.parser took 75 s a run for the same reads.
        tree = H.parse(page.read_text(encoding="utf-8"))
        for el in tree.css("[href]") + tree.css("[src]"):
            value = el.attributes.get("href") or el.attributes.get("src") or ""
            tag, rel_words = el.tag, (el.attributes.get("rel") or "").split()
            if value.startswith(("#", "tel:", "mailto:")):
                continue
            parts = urlsplit(value)
            if tag == "link" and "icon" in rel_words and parts.scheme == "data":
                continue  # the empty favicon (mkdocs.yml theme.favicon): inline, loads nothing
            if parts.scheme in ("http", "https"):
                if tag == "link" and set(rel_words) <= {"canonical", "alternate"}:
                    continue  # names the public address, loads nothing
                if tag != "a":
                    problems.append(f"{rel}: <{tag}> loads {value} from the network")
                elif value.startswith(public):
                    continue  # the materials page: its downloads are on the website, not in the copy
                elif tag == "a" and value not in quick_exits and value not in TABLE.websites:
                    problems.append(f"{rel}: link {value} leaves the copy")
                continue
            if parts.scheme or value.startswith("/") or parts.path.endswith("/") or not parts.path:
                problems.append(f"{rel}: <{tag}> {value} does not name a file")
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), parts.path))
            if not (unpacked / target).is_file():
                problems.append(f"{rel}: {value} -> {target} is not in the copy")
            if tag == "a" and not target.endswith(".html"):
                problems.append(f"{rel}: link {value} does not lead to an .html page")
    assert not problems, "\n".join(problems)


def page_problems(rel: str, lang: str | None, strip_links: list[str], exits: int) -> list[str]:
    problems = []
    if lang != page_lang(rel):
        problems.append(f"{rel}: <html lang=\"{lang}\">, expected {page_lang(rel)}")
    for cid in REQUIRED_STRIP:
        if tel(cid) not in strip_links:
            problems.append(f"{rel}: emergency strip has no tel: link {tel(cid)} ({cid})")
    if exits != 1:
        problems.append(f"{rel}: no quick exit link #uw-exit")
    return problems


@pytest.mark.browser
def test_crawl_from_root_offline_with_javascript(bundle, file_crawl):
    """From the root index.html every page of the sampled languages (one per
    script) is reachable by links, nothing leaves file://, and every page has
    the strip (visible on a phone and a desktop screen) and the quick exit
    (the shared crawl, crawls.py). Every page of every language, read from
    the files: tests/offline/test_copy_pages.py."""
    from light_helpers import sampled
    _, unpacked = bundle
    pages = set(sampled([p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*.html")]))
    problems = []
    for rel in file_crawl.reached:
        v = file_crawl.visits[rel]
        problems += page_problems(rel, v.lang, v.strip_links, v.exits)
        problems += [f"{rel}: the emergency strip is not visible ({screen})"
                     for screen, shown in v.strip_visible.items() if not shown]
    assert not problems, "\n".join(problems)
    seen = set(file_crawl.reached)
    assert seen == pages, f"not reachable from index.html: {sorted(pages - seen)}; links to missing pages: {sorted(seen - pages)}"
    outside = sorted({u for u in file_crawl.requests if not u.startswith("file:")})
    assert not outside, f"requests that left file://: {outside}"


@pytest.mark.browser
@pytest.mark.parametrize("code", sample_languages())
def test_crawl_each_language_offline_without_javascript(bundle, nojs_crawl, code):
    """The same with JavaScript off, what a phone with scripts disabled sees:
    from the language's home in the copy, every page of that language is
    reachable by its links (the shared no-JS crawl of the copy, crawls.py;
    that the root reaches every language is the crawl above). One language
    per script; every language from its files: tests/offline/test_copy_pages.py."""
    from crawls import reached_from
    from light_helpers import lang_of, page_in
    _, unpacked = bundle
    base = nojs_crawl.base
    pages = {rel for rel in (p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*.html"))
             if lang_of(rel) == code}
    visits = nojs_crawl.pages
    seen = set(reached_from(page_in("index.html", code), base,
                            lambda rel: visits[rel].links if rel in visits else [],   # not in the copy: named below
                            keep=lambda rel: lang_of(rel) == code))
    problems = [problem for rel in sorted(seen & set(visits))
                for problem in page_problems(rel, visits[rel].lang, visits[rel].strip_links, visits[rel].exits)]
    assert not problems, "\n".join(problems)
    assert seen == pages, f"not reachable from the {code} home: {sorted(pages - seen)}; links to missing pages: {sorted(seen - pages)}"
    outside = sorted({u for u in nojs_crawl.requests if not u.startswith("file:")})
    assert not outside, f"requests that left file://: {outside}"


# Search from file:// in every language: tests/browser/test_search.py (test_search_from_the_offline_copy).


@pytest.mark.browser
@pytest.mark.parametrize("js", [True, False], ids=["js-on", "js-off"])
def test_quick_exit_leaves_offline(bundle, chromium, js):
    """From file:// with no network the quick exit still takes the help page away."""
    _, unpacked = bundle
    table = load_contacts()
    for lang, folder in (("nl", ""), ("en", "en/")):
        ctx, requests = offline_context(chromium, js)
        page = ctx.new_page()
        page.goto((unpacked / folder / "signs.html").as_uri())
        page.click("#uw-exit")
        page.wait_for_url(lambda u: not u.startswith("file:"), timeout=10000)
        content = page.content()
        ctx.close()
        strip_title = load_languages().get(lang).ui["strip_title"]
        assert strip_title not in content, f"{folder}signs.html: the help page is still shown after the quick exit"
        outside = {u for u in requests if not u.startswith("file:")}
        assert outside == {table.quick_exit[lang]}, f"unexpected requests: {outside}"
