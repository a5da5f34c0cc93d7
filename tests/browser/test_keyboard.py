"""Keyboard only, JavaScript on, on a phone (360×640): Tab walks every stop of
a page, in each script family (the first language of each script,
tests/language_sample.py: the same script and CSS, different text and
direction), and each focused element must
be on screen, drawn, not covered by anything (the point under its centre is
the element itself: elementFromPoint), and show a focus indicator (an
outline or a box shadow). WCAG 2.2 AA 2.4.7 (focus visible) and 2.4.11
(focus not obscured). Search opens when its field gets focus and closes when
focus leaves it, so the overlay never covers the stops after it."""
from __future__ import annotations

import pytest
from light_helpers import LANGS, PHONE, SAMPLE_LANGS, lang_root

pytestmark = pytest.mark.browser

# One language of each script family; the page with the most Tab stops.
FAMILIES = {f"{LANGS.get(code).script or 'undeclared'}-{code}": code for code in SAMPLE_LANGS}
PAGE = "who-can-help.html"
MAX_STOPS = 600

# What the focused element looks like now: one evaluate per Tab press.
FOCUS_JS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  const r = e.getBoundingClientRect();
  const first = e.getClientRects()[0] || r;   // a link over two lines: its first part
  const cs = getComputedStyle(e);
  const name = e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\\s+/).join(".") : "")
             + " " + (e.getAttribute("href") || e.getAttribute("aria-label") || e.textContent.trim().slice(0, 30));
  const cx = first.left + first.width / 2, cy = first.top + first.height / 2;
  const hit = (cx >= 0 && cy >= 0 && cx < innerWidth && cy < innerHeight) ? document.elementFromPoint(cx, cy) : null;
  const search = document.getElementById("__search");
  return {
    name,
    drawn: e.checkVisibility({visibilityProperty: true, opacityProperty: true}) && r.width > 0 && r.height > 0,
    on_screen: r.left >= -1 && r.top >= -1 && r.right <= innerWidth + 1 && r.bottom <= innerHeight + 1,
    covered_by: hit === null ? "(off screen)" : (hit === e || e.contains(hit) || hit.contains(e) && hit.tagName === "LABEL") ? "" :
                hit.tagName.toLowerCase() + "." + String(hit.className).trim().split(/\\s+/).join("."),
    indicator: (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== "none",
    search_open: !!(search && search.checked),
    in_search: !!e.closest(".md-search"),
  };
}"""


def walk(page) -> list[dict]:
    """Every Tab stop from the top of the page until focus leaves the page or comes back."""
    stops = []
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS_JS)
        if stop is None or (stops and stop["name"] == stops[0]["name"]):
            break
        stops.append(stop)
    return stops


def problems(stops: list[dict]) -> list[str]:
    found = []
    for i, s in enumerate(stops):
        where = f"stop {i + 1} ({s['name']})"
        if not s["drawn"]:
            found.append(f"{where}: not drawn (hidden or no box)")
        elif not s["on_screen"]:
            found.append(f"{where}: not on screen")
        elif s["covered_by"]:
            found.append(f"{where}: covered by {s['covered_by']}")
        if not s["indicator"]:
            found.append(f"{where}: no visible focus indicator")
        if s["search_open"] and not s["in_search"]:
            found.append(f"{where}: search stays open while focus is outside it")
    return found


@pytest.fixture(scope="module")
def keyboard_page(chromium):
    context = chromium.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("family", list(FAMILIES))
def test_every_tab_stop_is_on_screen_visible_and_not_covered(keyboard_page, served_site, family):
    keyboard_page.goto(served_site + lang_root(FAMILIES[family]) + PAGE)
    stops = walk(keyboard_page)
    assert len(stops) > 20, f"only {len(stops)} Tab stops: {[s['name'] for s in stops]}"
    assert stops[0]["name"].startswith("a#uw-exit")
    found = problems(stops)
    assert not found, f"{FAMILIES[family]}/{PAGE}, {len(stops)} stops:\n" + "\n".join(found)
    assert any(s["in_search"] for s in stops), "the walk never reached the search field"


def test_the_walk_sees_a_hidden_a_covered_and_an_unmarked_stop(chromium):
    """The checks above fail on what they must catch (a page made to fail)."""
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_content(
        "<style>a{display:block;height:30px}.plain:focus{outline:none}"
        ".cover{position:fixed;top:0;left:0;right:0;height:80px;background:#fff}</style>"
        "<a id='uw-exit' href='#a'>first</a><div class='cover'></div>"
        "<a href='#b' style='opacity:0'>invisible</a><a class='plain' href='#c'>no ring</a>"
        "<a href='#d' style='margin-top:2000px'>far</a>")
    stops = walk(page)
    context.close()
    assert [s["name"] for s in stops] == ["a#uw-exit #a", "a #b", "a.plain #c", "a #d"]
    assert problems(stops) == ["stop 1 (a#uw-exit #a): covered by div.cover",
                               "stop 2 (a #b): not drawn (hidden or no box)",
                               "stop 3 (a.plain #c): no visible focus indicator"]


def test_the_menu_opens_by_keyboard_and_closes_when_focus_leaves(chromium, served_site):
    """With JavaScript, Material's menu button (a <label>) is a keyboard
    button: Enter opens the drawer and moves focus into it; leaving the
    drawer with Tab closes it, so it never covers the next stops."""
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(served_site + "en/signs.html")
    menu = page.locator("label.md-header__button[for='__drawer']")
    assert menu.get_attribute("role") == "button" and menu.get_attribute("aria-label")
    menu.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    stop = page.evaluate(FOCUS_JS)
    assert stop["name"].startswith("a.md-nav__button.md-logo") or ".md-nav__link" in stop["name"], stop
    assert stop["drawn"] and stop["on_screen"] and not stop["covered_by"], stop
    inside = [stop]
    for _ in range(60):   # Tab through the drawer until focus leaves it
        page.keyboard.press("Tab")
        if not page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"):
            break
        inside.append(page.evaluate(FOCUS_JS))
    found = problems(inside)
    assert not found, "in the open drawer:\n" + "\n".join(found)
    assert not page.evaluate("document.getElementById('__drawer').checked"), "the drawer stayed open"
    context.close()
