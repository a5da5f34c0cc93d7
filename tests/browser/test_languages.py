"""Every language in a real browser (Debian Chromium, 360×640, JavaScript off):
the language chooser in the first screen, listing each language in its own
script with its own lang (and dir), on the pages of one language per script
(tests/language_sample.py: the chooser, strip and CSS are the same in every
language of a script; every page of every language keeps the strip in the
first screen in the served crawl, tests/browser/test_privacy.py); and in
every right-to-left language, every phone number shown in the table's digit
order, read from where the browser really draws each digit (the digits sit
in each language's own sentences, so every such language)."""
from __future__ import annotations

import re

import pytest
from language_sample import sample_languages

from uitweg.contacts.load import load_contacts
from uitweg.core.languages import load_languages

PHONE = {"width": 360, "height": 640}
LANGUAGES = load_languages()
TABLE = load_contacts()
TABLE_DIGITS = {p.digits for c in TABLE.contacts for p in c.phones}

# For each digit of each tel: link (in a strip chip: of its number, not its label), its box as drawn.
DRAWN_DIGITS = """
() => [...document.querySelectorAll('a[href^="tel:"]')].filter(a => a.offsetParent !== null).map(a => {
  const out = [];
  const walker = document.createTreeWalker(a.querySelector('.uw-strip__number') || a, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      if (!/[0-9]/.test(node.data[i])) continue;
      const range = document.createRange();
      range.setStart(node, i); range.setEnd(node, i + 1);
      const r = range.getClientRects()[0];
      if (r) out.push([node.data[i], r.left, r.top]);
    }
  }
  return {href: a.getAttribute('href'), digits: out};
})
"""


def home(lang: str) -> str:
    return "index.html" if lang == LANGUAGES.default.code else f"{lang}/index.html"


def visual_order(digits: list) -> str:
    """The digits as a reader sees them: line by line, left to right."""
    return "".join(d for d, _, _ in sorted(digits, key=lambda t: (round(t[2]), t[1])))


@pytest.fixture(scope="module")
def phone_page(chromium):
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
    yield context.new_page()
    context.close()


RTL = [lang.code for lang in LANGUAGES.languages if lang.dir == "rtl"]


@pytest.mark.parametrize("code", RTL)
@pytest.mark.parametrize("rel", ["index.html", "who-can-help.html", "what-you-can-do.html"])
def test_right_to_left_numbers_are_drawn_in_the_order_of_the_table(phone_page, served_site, rel, code):
    phone_page.goto(f"{served_site}{code}/{rel}")
    assert phone_page.get_attribute("html", "dir") == "rtl"
    links = phone_page.evaluate(DRAWN_DIGITS)
    assert links, "no phone links drawn"
    wrong = [f"{link['href']}: drawn as {visual_order(link['digits'])}"
             for link in links if visual_order(link["digits"]) not in TABLE_DIGITS]
    assert not wrong, "numbers drawn in another order than data/contacts.yml:\n" + "\n".join(wrong)


def test_the_digit_order_check_sees_a_reversed_number(phone_page):
    """The check above fails on what it must catch: a number in Arabic text without isolation."""
    phone_page.set_content('<html dir="rtl"><body><p>اتصل بالرقم <a href="tel:+3225116464">02 511 64 64</a> الآن</p>'
                           '<p>اتصل بالرقم <a href="tel:+3225116464" dir="ltr">02 511 64 64</a> الآن</p></body></html>')
    plain, isolated = phone_page.evaluate(DRAWN_DIGITS)
    assert visual_order(plain["digits"]) != "025116464"
    assert visual_order(isolated["digits"]) == "025116464"


@pytest.mark.parametrize("lang", sample_languages(LANGUAGES))
@pytest.mark.parametrize("page_name", ["index.html", "browse-safely.html"])
def test_every_language_is_in_the_first_screen_in_its_own_script(phone_page, served_site, lang, page_name):
    rel = home(lang).replace("index.html", page_name)
    phone_page.goto(served_site + rel)
    summary = phone_page.locator(".uw-langs summary")
    box = summary.bounding_box()
    assert box and box["y"] + box["height"] <= PHONE["height"], "the language chooser is not in the first screen"
    assert summary.locator("[lang]").inner_text().strip() == LANGUAGES.get(lang).name
    summary.click()   # one tap opens every language, without JavaScript
    chooser = phone_page.locator(".uw-langs li > *")
    found = {}
    for i in range(chooser.count()):
        item = chooser.nth(i)
        box = item.bounding_box()
        assert box and box["y"] + box["height"] <= PHONE["height"], f"{item.inner_text()} is below the first screen"
        found[item.get_attribute("lang")] = (item.inner_text().strip(), item.get_attribute("dir"))
    # The oracle is data/languages.yml: its name for each language, written in that language.
    assert found == {lg.code: (lg.name, "rtl" if lg.dir == "rtl" else None) for lg in LANGUAGES.languages}
    strip = phone_page.locator(".uw-strip__call").first.bounding_box()
    assert strip["y"] + strip["height"] <= PHONE["height"], "the chooser pushed the emergency strip below the first screen"
    notice = phone_page.locator(".uw-notice")
    if LANGUAGES.get(lang).reviewed:
        assert notice.count() == 0
    else:
        assert notice.count() == 1 and notice.inner_text().strip() == LANGUAGES.get(lang).ui["unreviewed_notice"]
        assert notice.evaluate("n => n.closest('[lang]').getAttribute('lang')") == lang
        assert re.search(r"\S", notice.inner_text())
