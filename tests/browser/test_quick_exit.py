"""Quick exit (after GOV.UK "Exit this page", dev-notes/light.md, "Quick exit"):
on every page, labelled in the page's language, to the neutral site of the
contact table; with JavaScript it blanks the page and replaces the history
entry, Shift three times does the same, a USB copy without network lands on
an empty page; without JavaScript it is a plain link. The bar stays on screen,
hides nothing that has focus, and is left out of print. No real network: the
neutral site is answered by page.route."""
from __future__ import annotations

import re
import time
from html import unescape

import pytest
from light_helpers import DESKTOP, LANGS, PHONE, SAMPLE_LANGS, TABLE, all_pages, lang_of, lang_root

pytestmark = pytest.mark.browser

NEUTRAL_PAGE = "<!doctype html><title>Weather</title><p>Sunny.</p>"
START = "https://start.invalid/"


def neutral_url(code: str) -> str:
    return TABLE.quick_exit[code]


def answer_neutral_sites(context) -> None:
    """Answer the neutral sites (and a start page) with a tiny local page."""
    context.route(re.compile(r"^https://(www\.meteo\.be|start\.invalid)/.*"),
                  lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE))


def wait_until(page, expression: str, timeout: float = 10.0) -> None:
    """Poll `expression` with page.evaluate (wait_for_function evals, which the CSP forbids)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        page.wait_for_timeout(50)


def test_every_page_has_the_exit_and_the_explanation(site):
    for rel in all_pages(site):
        html = (site / rel).read_text(encoding="utf-8")
        code = re.search(r'<html lang="(\w+)"', html).group(1)
        ui = LANGS.get(code).ui
        exit_link = re.search(r'<a class="uw-exit" id="uw-exit" href="([^"]+)" rel="([^"]+)"[^>]*>([^<]+)</a>', html)
        assert exit_link, f"{rel}: no quick-exit link"
        assert exit_link.group(1) == neutral_url(code), f"{rel}: exit goes to {exit_link.group(1)}"
        assert set(exit_link.group(2).split()) >= {"nofollow", "noreferrer"}, rel
        assert exit_link.group(3) == ui["quick_exit"], rel
        help_link = re.search(r'<a class="uw-exit-help" href="([^"]+)">([^<]+)</a>', html)
        assert help_link and help_link.group(2) == ui["quick_exit_help"], f"{rel}: no 'how does this work' link"
        href, _, anchor = help_link.group(1).partition("#")
        assert anchor == "quick-exit", f"{rel}: the explanation link goes to {help_link.group(1)}"
        if rel != "404.html":
            target = (site / rel).parent / href
            assert target.resolve() == (site / lang_root(code) / "browse-safely.html").resolve(), \
                f"{rel}: the explanation link goes to {help_link.group(1)}"
            assert target.is_file(), f"{rel}: {target} does not exist"
            assert 'id="quick-exit"' in target.read_text(encoding="utf-8"), f"{target}: no #quick-exit section"
        # What screen readers hear on each Shift press, in the page's language.
        status = re.search(r'<p class="uw-exit-status" id="uw-exit-status" aria-live="polite" '
                           r'data-press-2="([^"]+)" data-press-1="([^"]+)" data-expired="([^"]+)">', html)
        assert status, f"{rel}: no live region for the Shift presses"
        assert [unescape(t) for t in status.groups()] == [ui["exit_press_2"], ui["exit_press_1"], ui["exit_expired"]], rel


# Every page's exit link names its language's neutral site, and its live
# region holds its language's words (the test above); the click and the Shift
# presses run the same script in every language: tried in SAMPLE_LANGS, one
# tab each.
@pytest.mark.parametrize("code", SAMPLE_LANGS)
def test_click_and_shift_leave_and_replace_the_history_entry(chromium, served_site, code):
    """The click leaves for the neutral site, and Back does not return to
    the site's page. Then Shift, like GOV.UK's Exit this page: the live
    region says how many presses are left, and when the five seconds ran out
    (the page's clock is driven by Playwright, so the test does not wait);
    the third press leaves at once, and again Back does not return."""
    context = chromium.new_context(viewport=PHONE)
    answer_neutral_sites(context)
    page = context.new_page()
    page.clock.install()
    site_page = served_site + lang_root(code) + "signs.html"
    page.goto(START)
    page.goto(site_page)
    page.locator("#uw-exit").click()
    page.wait_for_url(neutral_url(code))
    page.go_back()
    assert page.url == START, f"Back returned to {page.url}: the site page is still in the history"
    page.goto(site_page)
    ui = LANGS.get(code).ui
    status = page.locator("#uw-exit-status")
    assert status.get_attribute("aria-live") == "polite" and status.inner_text() == ""
    page.keyboard.press("Shift")
    assert status.text_content() == ui["exit_press_2"]
    page.keyboard.press("Shift")
    assert status.text_content() == ui["exit_press_1"]
    page.clock.fast_forward(5100)
    assert status.text_content() == ui["exit_expired"]
    page.keyboard.press("Shift")   # counting starts again
    assert status.text_content() == ui["exit_press_2"]
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_url(neutral_url(code))   # the third press leaves at once
    page.go_back()
    assert page.url == START, f"after Shift, Back returned to {page.url}: the site page is still in the history"
    context.close()


def test_the_page_is_blank_at_once_and_back_shows_it_again(chromium, served_site):
    context = chromium.new_context(viewport=PHONE)
    answer_neutral_sites(context)
    page = context.new_page()
    page.goto(served_site + "index.html")
    # A page that comes back from the back/forward cache fires pageshow: it must show again.
    shown = page.evaluate("""() => {
        document.documentElement.classList.add('uw-leaving');
        document.body.hidden = true;
        window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}));
        return !document.body.hidden && !document.documentElement.classList.contains('uw-leaving');
    }""")
    assert shown, "pageshow does not remove the blank"
    # The click blanks the page in the same task, before anything is fetched.
    blank = page.evaluate("""() => {
        document.getElementById('uw-exit').click();
        return document.body.hidden && document.documentElement.classList.contains('uw-leaving')
            && getComputedStyle(document.body).visibility === 'hidden';
    }""")
    assert blank, "the page is not blanked at once"
    page.wait_for_url(neutral_url("nl"))
    context.close()


def test_shift_three_times_leaves(chromium, served_site):
    context = chromium.new_context(viewport=PHONE)
    answer_neutral_sites(context)
    page = context.new_page()
    page.clock.install()
    page.goto(served_site + "en/index.html")
    # Shift held for capital letters does not count.
    page.locator("label.md-header__button[for='__search']").click()
    for _ in range(3):
        page.keyboard.down("Shift")
        page.keyboard.press("KeyA")
        page.keyboard.up("Shift")
    page.keyboard.press("Escape")
    # Two presses, then a pause longer than 5 seconds: the count starts again.
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.run_for(5_100)
    page.keyboard.press("Shift")
    assert page.url == served_site + "en/index.html", "left too early"
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_url(neutral_url("en"))
    context.close()


def test_without_javascript_it_is_a_plain_link(chromium, served_site):
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
    answer_neutral_sites(context)
    page = context.new_page()
    page.goto(served_site + "fr/index.html")
    page.locator("#uw-exit").click()
    page.wait_for_url(neutral_url("fr"))
    context.close()


def test_offline_copy_lands_on_an_empty_page(chromium, site):
    """From a USB copy with no network the neutral site cannot load: about:blank."""
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    context.set_offline(True)
    page.goto((site / "index.html").as_uri())
    page.locator("#uw-exit").click()
    page.wait_for_url("about:blank")
    assert not [u for u in requests if u.startswith("http")], requests
    context.close()


def test_bar_is_sticky_big_enough_and_not_printed(chromium, served_site):
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(served_site + "who-can-help.html")
    for selector in ("#uw-exit", ".uw-exit-help"):
        box = page.locator(selector).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, f"{selector} is {box}: WCAG 2.5.8 wants 24×24 px"
    page.mouse.wheel(0, 3000)
    wait_until(page, "window.scrollY > 2000")
    box = page.locator("#uw-exit").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], f"exit scrolled away: {box}"
    page.emulate_media(media="print")
    assert not page.locator("#uw-exit").is_visible(), "the quick exit is printed"
    context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_sticky_bar_hides_no_focused_element(chromium, served_site, viewport):
    """WCAG 2.4.11: tabbing through a long page, the focused element is never under the bar."""
    context = chromium.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(served_site + "who-can-help.html")
    hidden = []
    for _ in range(80):
        page.keyboard.press("Tab")
        r = page.evaluate("""async () => {
            // Material scrolls smoothly: measure once the scrolling has stopped.
            for (let last = -1; last !== scrollY; ) {
                last = scrollY;
                await new Promise(ok => requestAnimationFrame(() => requestAnimationFrame(ok)));
            }
            const e = document.activeElement, bar = document.querySelector('.uw-top');
            const b = e.getBoundingClientRect();
            return {inBar: bar.contains(e), top: b.top, bottom: b.bottom, h: b.height, w: b.width,
                    barBottom: bar.getBoundingClientRect().bottom,
                    what: e.tagName + ' ' + (e.getAttribute('href') || e.id || '')};
        }""")
        if r["what"].startswith(("BODY", "HTML")):   # focus went to the browser's own UI
            continue
        if not r["inBar"] and r["h"] > 0 and r["w"] > 0 and r["bottom"] > 0 and r["top"] < r["barBottom"] - 1:
            hidden.append(r["what"])
    assert not hidden, f"focused but (partly) under the quick-exit bar: {hidden}"
    context.close()


def test_every_language_has_its_neutral_site(site):
    langs = {lang_of(rel) for rel in all_pages(site)}
    assert langs == set(TABLE.quick_exit), f"quick_exit in the contact table: {sorted(TABLE.quick_exit)}"
