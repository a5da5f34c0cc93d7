"""JavaScript optional: with JavaScript off, every page shows its content, the
strip and the quick exit come first, the language links lead to the same
page in the other language, and every number is a click-to-call link. Every
page of one language per script (tests/language_sample.py), in Chromium, at
360×640, from the USB copy (file://: the same files a server sends; the
shared crawl, tests/crawls.py); the language links and the strip of every
page of every language are read from the files in
tests/offline/test_copy_pages.py. That the links reach every
page of each language from its home is checked on this same crawl in
tests/offline/test_offline_bundle.py
(test_crawl_each_language_offline_without_javascript). (With JavaScript off,
page.evaluate of anything with timers hangs: only plain DOM reads here.)"""
from __future__ import annotations

import pytest
from crawls import CLICKED_PAGES, read_copy, read_page
from light_helpers import LANGS, PHONE, SAMPLE_LANGS, TABLE, TEL, all_pages, lang_of, page_in, sampled

from uitweg.contacts.model import national_digits

pytestmark = pytest.mark.browser


def test_the_crawl_saw_every_page(nojs_crawl, site):
    assert sorted(nojs_crawl.pages) == sampled(all_pages(site))


def test_the_files_give_the_links_the_browser_follows(nojs_crawl, bundle):
    """The file reader of tests/offline/test_copy_pages.py, which checks the
    languages the crawl leaves out, finds on each crawled page exactly the
    links Chromium resolved there."""
    files = read_copy(bundle[1])
    differ = [rel for rel, p in nojs_crawl.pages.items() if rel != "404.html" and files[rel]["links"] != p.links]
    assert not differ, f"the file reader and Chromium disagree on the links of {differ}"
    assert {rel: files[rel]["chooser"] for rel in nojs_crawl.pages if rel != "404.html"} == \
        {rel: p.language_links for rel, p in nojs_crawl.pages.items() if rel != "404.html"}


def test_every_page_shows_its_content(nojs_crawl):
    empty = [rel for rel, p in nojs_crawl.pages.items()
             if not p.heading or (p.text_length < 40 and rel != "404.html")]
    assert not empty, f"no visible heading or text without JavaScript: {empty}"


def test_strip_in_first_screen_without_javascript(nojs_crawl):
    outside = [f"{rel}: {o}" for rel, p in nojs_crawl.pages.items() for o in p.strip_outside]
    assert not outside, "strip numbers below the first 360×640 screen:\n" + "\n".join(outside)


# The page's own heading and a whole click-to-call number before any scrolling
# (issue 24): the first line of the heading within the top 400 px of a
# 360×640 phone and within the first screen of a 320×568 one.
HEADING_WITHIN = {"360x640": 400, "320x568": 568}


def first_screen_problems(rel: str, p) -> list[str]:
    found = []
    for screen, limit in HEADING_WITHIN.items():
        seen = p.first_screen.get(screen, {})
        if seen.get("heading") is None or seen["heading"] > limit:
            found.append(f"{rel} at {screen}: heading's first line ends at {seen.get('heading')} px (limit {limit})")
        if not seen.get("whole"):
            found.append(f"{rel} at {screen}: no whole tel: link in the first screen")
    return found


def test_every_page_shows_its_heading_and_a_number_in_the_first_screen(nojs_crawl):
    found = [f for rel, p in nojs_crawl.pages.items() for f in first_screen_problems(rel, p)]
    assert not found, "\n".join(found)


def test_no_number_breaks_across_lines(nojs_crawl):
    """At 320 px, the narrowest phone: every tel: link and strip number on one line."""
    broken = [f"{rel}: {b}" for rel, p in nojs_crawl.pages.items() for b in p.broken_numbers]
    assert not broken, "phone numbers drawn over two lines at 320 px:\n" + "\n".join(broken)


def test_quick_exit_is_first_in_keyboard_order_without_javascript(nojs_crawl):
    wrong = {rel: p.first_tab for rel, p in nojs_crawl.pages.items() if p.first_tab != "uw-exit"}
    assert not wrong, f"Tab once does not reach the quick exit: {wrong}"


def test_language_links_lead_to_the_same_page(nojs_crawl):
    base = nojs_crawl.base
    clicked = []
    for rel, p in nojs_crawl.pages.items():
        if rel == "404.html":
            continue
        others = {lang.code for lang in LANGS.languages} - {lang_of(rel)}
        assert set(p.language_links) == others, f"{rel}: language links {sorted(p.language_links)}"
        for code, url in p.language_links.items():
            assert url == base + page_in(rel, code), f"{rel}: the {code} link points to {url}"
        if rel.rsplit("/", 1)[-1] in CLICKED_PAGES:
            code, url = p.clicked
            assert url == base + page_in(rel, code), f"{rel}: clicking the {code} link went to {url}"
            clicked.append(rel)
    assert len(clicked) == len(CLICKED_PAGES) * len(SAMPLE_LANGS), f"clicked on {clicked}"


def test_every_number_is_a_working_tel_link(nojs_crawl):
    for rel, p in nojs_crawl.pages.items():
        assert p.tel, f"{rel}: no click-to-call link"
        for href, text, visible in p.tel:
            assert TEL.match(href), f"{rel}: {href} is not a dialable tel: link"
            assert TABLE.phone_by_digits(national_digits(href[4:])), f"{rel}: {href} not in the contact table"
            assert visible, f"{rel}: the link {text!r} ({href}) is hidden"


def test_the_drawer_opens_without_javascript(chromium, served_site):
    """On a phone the navigation sits in Material's drawer: a CSS checkbox."""
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + "en/index.html")
    nav_link = page.locator(".md-nav--primary a.md-nav__link[href='signs.html']")
    page.locator("label.md-header__button[for='__drawer']").click()
    nav_link.click()
    assert page.url == served_site + "en/signs.html"
    context.close()


# With JavaScript on, search in each language (served and from file://):
# tests/browser/test_search.py.


def test_the_page_reader_sees_hidden_and_off_screen_numbers(chromium, tmp_path):
    """read_page itself, on a page made to fail: a strip number below the
    first screen, one hidden, a hidden heading; what the tests above rely on."""
    html = tmp_path / "made.html"
    html.write_text(
        "<!doctype html><html><head><style>.low{display:block;margin-top:2000px}.gone{visibility:hidden}</style></head><body>"
        "<div class='uw-strip'><a href='tel:112'>112 Emergency</a>"
        "<a class='gone' href='tel:1712'>1712</a><a class='low' href='tel:101'>101 Police</a></div>"
        "<article><h1 class='gone'>Title</h1><p>Text <a href='tel:112'>112</a></p>"
        "<p style='width:5em'>Call <a href='tel:+3225116464'>02 511 64 64</a></p></article>"
        "<nav class='uw-langs'><a hreflang='fr' href='fr/made.html'>FR</a></nav></body></html>", encoding="utf-8")
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(html.as_uri())
    p = read_page(page)
    context.close()
    assert p.heading == ""
    assert [o.split()[0] for o in p.strip_outside] == ["1712", "101"]
    assert p.strip_outside[0] == "1712 at None"
    assert ("tel:1712", "", False) in p.tel and ("tel:112", "112", True) in p.tel   # innerText: hidden text is ""
    assert p.language_links == {"fr": (tmp_path / "fr" / "made.html").as_uri()}
    assert p.first_tab.startswith("a tel:112")
    assert first_screen_problems("made.html", p) == [
        "made.html at 360x640: heading's first line ends at None px (limit 400)",
        "made.html at 320x568: heading's first line ends at None px (limit 568)"]   # 112 is whole, on screen
    assert len(p.broken_numbers) == 1 and p.broken_numbers[0].startswith("02 511 64 64 (")


def test_the_first_screen_check_sees_a_low_heading_and_no_whole_number(chromium, tmp_path):
    html = tmp_path / "low.html"
    html.write_text("<!doctype html><html><body><div style='height:600px'></div><article><h1>Title</h1>"
                    "<p>Call <a href='tel:112'>112</a></p></article></body></html>", encoding="utf-8")
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(html.as_uri())
    p = read_page(page)
    context.close()
    problems = first_screen_problems("low.html", p)
    assert [x.split(":")[0] for x in problems] == ["low.html at 360x640"] * 2 + ["low.html at 320x568"] * 2
