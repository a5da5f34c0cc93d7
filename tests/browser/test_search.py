"""Search only when asked for, one language at a time (issue 12).

In Chromium, served over http and from the unzipped offline bundle (file://):
no search file is requested before the reader opens search; opening it (the
search button on a phone, the field on a desktop, the / key) loads the search
script and the index of the page's language only; then typing a contact's
name (as written in data/contacts.yml, or folded: no capitals, hyphens or
accents) finds the contact's entry in the directory of that language."""
from __future__ import annotations

import re
from urllib.parse import urldefrag, urlsplit

import pytest
from light_helpers import DESKTOP, LANGS, PHONE, SAMPLE_LANGS, TABLE, lang_of, page_in
from testkit.network_watch import NetworkWatch

from conftest import offline_context

pytestmark = pytest.mark.browser

SEARCH_FILE = re.compile(r"/(search/|assets/javascripts/(uitweg-search|workers/|lunr/|bundle\.))")
# Contacts the reader must find by name, typed as a reader might.
CONTACTS = {"pag-asa": "pag asa", "payoke": "Payoke", "child-focus": "child focus", "surya": "surya"}


def contact_name(cid: str, lang: str) -> str:
    name = TABLE.get(cid).name
    return name.get(lang) if isinstance(name, dict) else name


def open_and_search(page, query: str, how: str) -> list[str]:
    if how == "button":
        page.locator("label.md-header__button[for='__search']").click()
    elif how == "field":
        page.locator("input.md-search__input").click()
    else:
        page.keyboard.press("/")
    page.keyboard.type(query)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    return [a.get_attribute("href") for a in results.all()]


def check_visit(page, requests: list[str], start: str, lang: str, base: str, how: str,
                contacts: dict[str, str] = CONTACTS) -> None:
    """Open search the reader's way, search the first contact, then the
    others in the field."""
    watch = NetworkWatch(page)
    page.goto(start)
    watch.wait_until_quiet()
    early = [u for u in requests if SEARCH_FILE.search(u)]
    assert not early, f"{start}: search files requested before the reader opened search: {early}"
    for cid, typed in contacts.items():
        hrefs = open_and_search(page, typed, how) if cid == next(iter(contacts)) else None
        if hrefs is None:
            field = page.locator("input.md-search__input")
            field.fill(typed)
            page.locator(".md-search-result__item a").first.wait_for(timeout=10_000)
            hrefs = [a.get_attribute("href") for a in page.locator(".md-search-result__item a").all()]
        in_lang = [urldefrag(h).url[len(base):] for h in hrefs if h.startswith(base)]
        assert in_lang and all(lang_of(r) == lang for r in in_lang), \
            f"{start}: search for {typed!r} gave links outside {lang}: {hrefs}"
        assert any(h.endswith(f"who-can-help.html#contact-{cid}") for h in hrefs), \
            f"{start}: {typed!r} did not find the directory entry of {contact_name(cid, lang)!r}: {hrefs}"
    loaded = [u for u in requests if SEARCH_FILE.search(u)]
    indexes = sorted({urlsplit(u).path.rsplit("/", 1)[-1] for u in loaded if "/search/" in u})
    assert indexes == [f"index.{lang}.js"], f"{start}: indexes loaded {indexes}, expected only index.{lang}.js"
    assert len([u for u in loaded if "uitweg-search" in u]) == 1, loaded
    assert not [u for u in loaded if re.search(r"workers/|lunr/|bundle\.", u)], loaded


# Over http. The field, where every contact is searched, in SAMPLE_LANGS
# (light_helpers.py: one language per script: each script's words and
# index). The other two ways of opening search are the same script and
# markup in every language: the phone button in the default language and in
# the first right-to-left one of the sample (the header is mirrored), the /
# key in the default language.
RTL_SAMPLE = [code for code in SAMPLE_LANGS if LANGS.get(code).dir == "rtl"][:1]
WAYS = [pytest.param(how, viewport, code, id=f"{name}-{code}")
        for how, viewport, name, codes in (("field", DESKTOP, "desktop-field", SAMPLE_LANGS),
                                           ("button", PHONE, "phone-button", [LANGS.default.code, *RTL_SAMPLE]),
                                           ("key", DESKTOP, "slash-key", [LANGS.default.code]))
        for code in codes]


@pytest.mark.parametrize("how, viewport, code", WAYS)
def test_search_served_loads_late_and_finds_contacts(chromium, served_site, code, how, viewport):
    context = chromium.new_context(viewport=viewport)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page.on("console", lambda m: m.type in ("error", "warning") and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    # Every contact once per language (in the field); the other two ways of
    # opening search each find the first one.
    contacts = CONTACTS if how == "field" else dict(list(CONTACTS.items())[:1])
    check_visit(page, requests, served_site + page_in("signs.html", code), code, served_site, how, contacts)
    if how == "button":   # a result is a working link to a page of the same language
        page.locator(".md-search-result__item a").first.click()
        page.wait_for_load_state()
        landed = urldefrag(page.url).url[len(served_site):]
        assert lang_of(landed) == code and landed.endswith(".html"), f"{code}: the first result went to {page.url}"
    assert not errors, errors
    context.close()


@pytest.fixture(scope="module")
def unpacked(bundle):
    """The unzipped USB bundle of the session (tests/crawls.py)."""
    return bundle[1]


# From file:// only the way the script and the index load differs from the
# site over http, and it is the same script and index format in every
# language: tried in the default language and in the first right-to-left one
# of the sample. Over http every sampled language is searched (above), every
# language's index is read in test_index_holds_only_its_language_as_plain_text,
# and its everyday words are searched in
# test_everyday_words_lead_to_the_right_section.
@pytest.mark.parametrize("code", [LANGS.default.code, *RTL_SAMPLE])
def test_search_from_the_offline_copy(chromium, unpacked, code):
    context, requests = offline_context(chromium, js=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    base = unpacked.as_uri() + "/"
    check_visit(page, requests, base + page_in("index.html", code), code, base, "field")   # desktop viewport
    assert not [u for u in requests if not u.startswith("file:")], requests
    assert not errors, errors
    context.close()


def test_without_javascript_the_search_box_is_hidden(chromium, served_site):
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + "en/index.html")
    assert not page.locator("label.md-header__button[for='__search']").is_visible()
    assert not page.locator(".md-search").is_visible()
    context.close()


def test_index_holds_only_its_language_as_plain_text(site):
    import json
    for lang in LANGS.languages:
        js = (site / "search" / f"index.{lang.code}.js").read_text(encoding="utf-8")
        assert js.startswith("uitwegSearch(") and js.rstrip().endswith(");")
        entries = json.JSONDecoder().raw_decode(js, len("uitwegSearch("))[0]   # then the empty-result texts
        assert {lang_of(e[0]) for e in entries} == {lang.code}
        assert not [e for e in entries if "<p>" in e[2] or "<li>" in e[2]], "HTML left in the index text"
    assert not (site / "search" / "search_index.json").exists()
    assert not list((site / "assets" / "javascripts").glob("bundle.*"))


# Everyday words (data/search_words.yml): in every language, each entry's
# first word, typed in the search field, puts the section it leads to first.
# The oracle is the data file's own target, read here, not the index the build wrote.
def _words_cases():
    from uitweg.quality.search_words import load_search_words
    data = load_search_words()[0]
    return [(lang.code, [(entry[lang.code][0], entry["to"]) for entry in data["entries"]]) for lang in LANGS.languages]


@pytest.fixture(scope="module")
def desktop_tab(chromium):
    """One desktop tab for the tests below that only open a page and search
    it (each load starts search afresh): a new tab per test was a new
    renderer, about 0.2 CPU s each."""
    context = chromium.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def phone_tab(chromium):
    context = chromium.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("code,cases", _words_cases(), ids=[c for c, _ in _words_cases()])
def test_everyday_words_lead_to_the_right_section(desktop_tab, served_site, code, cases):
    page = desktop_tab
    root = "" if code == LANGS.default.code else f"{code}/"
    page.goto(served_site + root + "index.html")
    page.locator("input.md-search__input").click()
    wrong = []
    for word, to in cases:
        page.locator("input.md-search__input").fill(word)
        first = page.locator(".md-search-result__item a").first
        first.wait_for(timeout=10_000)
        target = root + to.replace(".md#", ".html#")
        if first.get_attribute("href") != served_site + target:
            wrong.append(f"{word!r}: first result {first.get_attribute('href')}, expected {target}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("code", SAMPLE_LANGS)
def test_an_empty_result_shows_the_numbers_and_who_can_help(phone_tab, served_site, code):
    page = phone_tab
    root = "" if code == LANGS.default.code else f"{code}/"
    page.goto(served_site + root + "signs.html")
    page.locator("label.md-header__button[for='__search']").click()
    empty = page.locator(".uw-search-empty")
    page.keyboard.type("qqxzq")
    empty.wait_for(state="visible", timeout=10_000)
    assert page.locator(".md-search-result__item").count() == 0
    assert empty.inner_text().startswith(LANGS.get(code).ui["search_empty"])
    tels = [a.get_attribute("href") for a in empty.locator("a[href^='tel:']").all() if a.is_visible()]
    assert tels and tels[0] == TABLE.get(LANGS.strip[0]).phones[0].tel
    help_link = empty.locator(f"a:text-is('{LANGS.get(code).ui['who_can_help']}')")
    assert help_link.get_attribute("href").endswith(root + "who-can-help.html") or \
        page.evaluate("h => new URL(h, location.href).href", help_link.get_attribute("href")) == \
        served_site + root + "who-can-help.html"
    page.locator("input.md-search__input").fill("")
    page.keyboard.type("a")   # something found: the block goes
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert not empty.is_visible()
