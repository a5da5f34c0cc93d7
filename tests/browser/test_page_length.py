"""Long pages stay short enough on a phone (issue 24), in every language;
and what is folded still opens without JavaScript, in the sampled languages
(one per script, tests/language_sample.py: the same markup and CSS in every
language of a script; that every language folds the same sections is read
from the built files below). Debian Chromium at 360×640, JavaScript off;
the limits are in data/budgets.yml (phone_screens)."""
from __future__ import annotations

import pytest
from language_sample import sample_languages

from uitweg.core import html as H
from uitweg.core import paths
from uitweg.core.languages import load_languages
from uitweg.core.yamlfile import load_data
from uitweg.render.folding import load_folded

PHONE = {"width": 360, "height": 640}
LANGUAGES = load_languages()
SCREENS = load_data(paths.BUDGETS, "budgets")[0].get("phone_screens", {})
FOLDED = load_folded()[0]


def url(base: str, lang: str, page: str) -> str:
    prefix = "" if lang == LANGUAGES.default.code else f"{lang}/"
    return f"{base}{prefix}{page.removesuffix('.md')}.html"


@pytest.fixture(scope="module")
def phone(chromium):
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("page, limit", sorted(SCREENS.items()))
def test_long_pages_fit_their_number_of_phone_screens(phone, served_site, page, limit):
    over = {}
    for code in LANGUAGES.codes:
        phone.goto(url(served_site, code, page))
        screens = phone.evaluate("document.documentElement.scrollHeight") / PHONE["height"]
        if screens > limit:
            over[code] = round(screens, 1)
    assert not over, f"{page} is longer than {limit} phone screens (data/budgets.yml phone_screens): {over}"


@pytest.mark.parametrize("page, anchors", sorted(FOLDED.items()))
def test_folded_sections_open_without_javascript_and_links_reach_them(phone, served_site, page, anchors):
    for code in sample_languages(LANGUAGES):
        for anchor in anchors:
            phone.goto(url(served_site, code, page) + f"#{anchor}")
            heading = phone.locator(f"#{anchor}")
            section = phone.locator(f"details.uw-fold:has(#{anchor})")
            assert heading.is_visible(), f"{code}/{page}#{anchor}: the heading is not shown"
            assert heading.bounding_box()["y"] < PHONE["height"], f"{code}/{page}#{anchor}: the link does not land on it"
            assert section.evaluate("d => !d.open"), f"{code}/{page}#{anchor}: folded sections start closed"
            hidden = section.locator(":scope > :not(summary)").first
            assert not hidden.is_visible()
            heading.click()
            assert section.evaluate("d => d.open") and hidden.is_visible(), f"{code}/{page}#{anchor}: does not open"


@pytest.mark.parametrize("page, anchors", sorted(FOLDED.items()))
def test_every_language_folds_the_listed_sections(site, page, anchors):
    """In the built files of every language, each section of data/folded.yml
    is a closed <details class="uw-fold"> whose summary holds its heading."""
    missing = []
    for code in LANGUAGES.codes:
        built = site / url("", code, page)
        tree = H.parse(built.read_text(encoding="utf-8"))
        for anchor in anchors:
            fold = [d for d in tree.css("details.uw-fold") if d.css_first(f"summary #{anchor}")]
            if len(fold) != 1 or "open" in fold[0].attributes:
                missing.append(f"{built.relative_to(site)}#{anchor}")
    assert not missing, f"not folded (closed, heading in its summary): {missing}"
