"""Shared Chromium crawls: every page is opened once per way a reader opens it,
and what the visit showed is recorded for the tests that read it, instead of
each test file crawling every page again.

- `served_crawl`: every page over HTTP, JavaScript on, 360×640, each as a
  first visit (cache off, storage and cookies cleared): requests until the
  network is idle (the first-visit budget) and after, failed requests, console
  errors and CSP violations, storage and cookies, the strip in the first
  screen, the first Tab stop, and what the page shows a reader at phone and
  at desktop width (SHOWN_JS). Read by tests/browser/test_privacy.py,
  tests/postbuild/test_budgets.py and the gate's oracle
  (tests/gate/test_oracle.py). (axe-core, most of a page's time, runs in
  tests/quality/test_a11y.py, one test per language, so it runs in parallel.)
- `file_crawl`: the unpacked USB bundle from file://, JavaScript on, network
  blocked: every page of the sampled languages (one per script,
  tests/language_sample.py), then which of them the links reach from the
  root index.html. Read by test_privacy.py (the copy works under the policy) and
  tests/offline/test_offline_bundle.py (reachable, language, strip, exit).
- `nojs_crawl`: the unpacked USB bundle from file:// with JavaScript off, at
  360×640, every page of the sampled languages (the bundle's pages are the
  site's files, byte for byte, and links that work from file:// work on a
  server too; 404.html, left out of the bundle, is read from the served
  site): what each page shows, its links, and on two pages of each language
  one real click on a language link. Read by tests/browser/test_nojs.py and
  the JavaScript-off checks of tests/offline/test_offline_bundle.py.

`served_crawl` opens every page of every language: the first-visit budget
(tests/postbuild/test_budgets.py) and the privacy checks count what each page
loads. The two crawls of the copy open the pages of one language per script:
what they check is the same template, script and CSS in every language of a
script, while what differs per page (language links, reachability, the
strip's numbers, lang) is read from the files for every page
(tests/quality/test_language_links.py, tests/offline/).

The fixtures are session-scoped and imported by conftest.py; a visit records,
it never asserts, so each test still fails on its own property only.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from light_helpers import (
    DESKTOP,
    LANGS,
    PHONE,
    SAMPLE_LANGS,
    VISIBLE_JS,
    all_pages,
    first_tab_stop,
    lang_of,
    sampled,
    strip_outside_viewport,
)
from testkit.network_watch import NetworkWatch

from uitweg.core import html as H
from uitweg.offline import signing


@dataclass
class Visit:
    """What one page load did and showed."""
    requests: list[str] = field(default_factory=list)      # every request of the visit
    first_visit: list[str] = field(default_factory=list)   # those made until the network was idle
    failed: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)       # errors, warnings (CSP violations), uncaught
    strip_outside: list[str] = field(default_factory=list)
    first_tab: str = ""
    storage: int = 0                                       # localStorage + sessionStorage entries
    cookies: list = field(default_factory=list)
    lang: str | None = None                                # <html lang> (file crawl)
    strip_links: list[str] = field(default_factory=list)   # tel: hrefs in the strip (file crawl)
    exits: int = 0                                         # #uw-exit links (file crawl)
    strip_visible: dict[str, bool] = field(default_factory=dict)   # viewport name → visible
    links: list[str] = field(default_factory=list)         # a[href] as the browser resolves them
    shown: dict[str, str] = field(default_factory=dict)    # viewport name → SHOWN_JS (served crawl)


# What a reader can see or hear on a page: the rendered text (innerText
# leaves out what CSS hides, so it is read at phone and at desktop width),
# the title, and the attributes a browser shows or reads aloud. Only
# Chromium's reading: the gate's oracle (tests/gate/test_oracle.py) judges
# it with libphonenumber and shares no code with the gate.
SHOWN_JS = """() => {
  const parts = [document.title, document.body ? document.body.innerText : ""];
  for (const el of document.querySelectorAll("[title],[alt],[aria-label],[aria-description],[placeholder]")) {
    for (const name of ["title", "alt", "aria-label", "aria-description", "placeholder"]) {
      if (el.hasAttribute(name)) parts.push(el.getAttribute(name));
    }
  }
  for (const m of document.querySelectorAll("meta[name=description],meta[property^='og:']")) parts.push(m.content);
  for (const ol of document.querySelectorAll("ol[start]")) parts.push(ol.getAttribute("start") + ".");
  return parts.join("\\n");
}"""


def record(target, visits: dict, current: list) -> None:
    """File every event of `target` (a page or a context) under the page being visited."""
    target.on("request", lambda r: visits[current[0]].requests.append(r.url))
    target.on("requestfailed", lambda r: visits[current[0]].failed.append(f"{r.url} ({r.failure})"))
    target.on("response", lambda r: r.status >= 400 and visits[current[0]].failed.append(f"{r.url} (HTTP {r.status})"))


def record_console(page, visits: dict, current: list) -> None:
    page.on("console", lambda m: m.type in ("error", "warning") and visits[current[0]].console.append(
        f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: visits[current[0]].console.append(f"uncaught: {e}"))


# Pages load in this many tabs at once, so their 0.5 s waits for an idle
# network overlap; each tab records its own requests.
TABS = 6


def new_tab(context, visits: dict) -> tuple:
    """A tab whose events are filed under the page it shows: (page, [rel])."""
    page = context.new_page()
    current = [""]
    record(page, visits, current)
    record_console(page, visits, current)
    return page, current


def loaded_in_batches(tabs: list, pages: list[str], url, visits: dict, after_batch=None):
    """Each page as (tab, rel), once the network is idle: a batch of pages
    starts loading in all tabs at once, so their idle waits overlap.
    `after_batch(tabs)` runs once the caller has read the whole batch."""
    watches = {id(page): NetworkWatch(page) for page, _ in tabs}
    for start in range(0, len(pages), len(tabs)):
        batch = list(zip(tabs, pages[start:start + len(tabs)], strict=False))
        for (page, current), rel in batch:
            current[0] = rel
            visits[rel] = Visit()
            page.goto(url(rel), wait_until="load")
        for (page, _), rel in batch:
            watches[id(page)].wait_until_quiet()
            yield page, rel
        if after_batch:
            after_batch([page for (page, _), _rel in batch])


@pytest.fixture(scope="session")
def served_crawl(chromium, served_site, site) -> dict[str, Visit]:
    """Every page of the site (404.html too) once over HTTP with JavaScript on."""
    visits: dict[str, Visit] = {}
    # One context for all pages (a new one per page cost 0.3 s each), with
    # every visit still a first visit: routing turns Chromium's cache off
    # (Playwright: "enabling routing disables http cache"), and storage and
    # cookies are read, then cleared, after each batch of tabs.
    context = chromium.new_context(viewport=PHONE, service_workers="block")
    context.route("**/*", lambda route: route.continue_())
    tabs = [new_tab(context, visits) for _ in range(TABS)]

    def clear(batch: list) -> None:   # storage and cookies are shared by the tabs: cleared once a batch is read
        for tab in batch:
            tab.evaluate("localStorage.clear(); sessionStorage.clear()")
        context.clear_cookies()

    for page, rel in loaded_in_batches(tabs, all_pages(site), lambda rel: served_site + rel, visits,
                                       after_batch=clear):
        visit = visits[rel]
        visit.first_visit = list(visit.requests)
        visit.strip_outside = strip_outside_viewport(page, PHONE)
        visit.first_tab = first_tab_stop(page)
        visit.storage = page.evaluate("localStorage.length + sessionStorage.length")
        visit.cookies = context.cookies()
        visit.shown["phone"] = page.evaluate(SHOWN_JS)
        page.set_viewport_size(DESKTOP)
        visit.shown["desktop"] = page.evaluate(SHOWN_JS)
        page.set_viewport_size(PHONE)
    context.close()
    return visits


@pytest.fixture(scope="session")
def keypair(tmp_path_factory) -> tuple[Path, Path]:
    """A throwaway key pair, never the repository's: (private key, allowed_signers)."""
    d = tmp_path_factory.mktemp("keys")
    signing.generate(d / "test.key", d / "allowed_signers")
    return d / "test.key", d / "allowed_signers"


@pytest.fixture(scope="session")
def bundle(site, tmp_path_factory):
    """The USB copy the session's build made (site/files/info-offline.zip,
    signed with the test key of `site_signing`), and where it was unzipped."""
    made = site / "files" / "info-offline.zip"
    unpacked = tmp_path_factory.mktemp("bundle") / "unpacked"
    with zipfile.ZipFile(made) as zf:
        zf.extractall(unpacked)
    return made, unpacked


# One evaluate per page (a Playwright call per item cost more than the reads).
STRIP_VISIBLE_JS = f"() => ({VISIBLE_JS})(document.querySelector('.uw-strip'))"
FILE_PAGE_JS = f"""() => [
  document.documentElement.lang,
  [...document.querySelectorAll(".uw-strip a[href^='tel:']")].map(e => e.getAttribute("href")),
  document.querySelectorAll("#uw-exit").length,
  [...document.querySelectorAll("a[href]")].map(e => e.href),
  ({STRIP_VISIBLE_JS})(),
]"""


@dataclass
class FileCrawl:
    base: str                       # file:///…/unpacked/
    visits: dict[str, Visit]        # every page of the copy, by path in the copy
    reached: list[str]              # pages reached by links from index.html, in crawl order
    requests: list[str]             # every request of the context (network blocked)


@pytest.fixture(scope="session")
def file_crawl(chromium, bundle) -> FileCrawl:
    """Every page of the sampled languages of the unpacked bundle from
    file://, JavaScript on, at 360×640, until the network is idle; only file: loads, every request is recorded.
    Then the pages reachable by links from the root index.html."""
    from conftest import offline_context
    _, unpacked = bundle
    base = unpacked.as_uri() + "/"
    pages = sampled(sorted(p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*.html")))
    context, requests = offline_context(chromium, js=True, viewport=PHONE)
    visits: dict[str, Visit] = {}
    tabs = [new_tab(context, visits) for _ in range(TABS)]
    for page, rel in loaded_in_batches(tabs, pages, lambda rel: base + rel, visits):
        v = visits[rel]
        (v.lang, v.strip_links, v.exits, v.links, v.strip_visible["phone"]) = page.evaluate(FILE_PAGE_JS)
        page.set_viewport_size(DESKTOP)
        v.strip_visible["desktop"] = page.evaluate(STRIP_VISIBLE_JS)
        page.set_viewport_size(PHONE)

    # Which pages of the sampled languages a reader reaches from the root
    # index.html (a link to a missing page is reached too, with an empty
    # visit: the test names it).
    reached = reached_from("index.html", base, lambda rel: visits.setdefault(rel, Visit()).links,
                           keep=lambda rel: lang_of(rel) in SAMPLE_LANGS)
    context.close()
    return FileCrawl(base, visits, reached, requests)


def reached_from(start: str, base: str, links_of, keep=lambda rel: True) -> list[str]:
    """The pages (paths under `base`) a reader reaches from `start` by
    following links as the browser resolved them, in crawl order; only
    pages for which `keep(rel)` holds are followed. A link to a page that
    was not visited is reached too (`links_of` gives its links)."""
    reached, queue = [], [start]
    while queue:
        rel = queue.pop()
        if rel in reached:
            continue
        reached.append(rel)
        for href in links_of(rel):
            if href.startswith(base):
                target = urlsplit(href).path[len(urlsplit(base).path):]
                if target.endswith(".html") and target not in reached and keep(target):
                    queue.append(target)
    return reached


def read_copy(unpacked: Path) -> dict[str, dict]:
    """The pages of an unpacked copy read from their files, for the languages
    the crawls leave out (tests/offline/test_copy_pages.py): rel → lang, the
    strip's tel: links, quick exits, every a[href] resolved as a browser
    resolves it, the chooser's links."""
    base = unpacked.as_uri() + "/"
    out = {}
    for path in sorted(unpacked.rglob("*.html")):
        rel = path.relative_to(unpacked).as_posix()
        tree = H.parse(path.read_text(encoding="utf-8"))
        here = base + rel
        html = tree.css_first("html")
        out[rel] = {
            "lang": html.attributes.get("lang") if html else None,
            "strip_links": [a.attributes.get("href") for a in tree.css(".uw-strip a[href^='tel:']")],
            "exits": len(tree.css("#uw-exit")),
            "links": [urljoin(here, a.attributes.get("href") or "") for a in tree.css("a[href]")],
            "chooser": {a.attributes.get("hreflang"): urljoin(here, a.attributes.get("href") or "")
                        for a in tree.css(".uw-langs a[hreflang]")},
        }
    return out


@dataclass
class Page:
    """What a page shows with JavaScript off (the no-JS crawl)."""
    heading: str = ""
    text_length: int = 0
    lang: str = ""
    strip_links: list[str] = field(default_factory=list)              # tel: hrefs in the strip
    exits: int = 0                                                     # #uw-exit links
    strip_outside: list[str] = field(default_factory=list)
    first_tab: str = ""
    links: list[str] = field(default_factory=list)
    tel: list[tuple[str, str, bool]] = field(default_factory=list)    # href, text, visible
    first_screen: dict = field(default_factory=dict)   # viewport name → what its first screen shows
    broken_numbers: list[str] = field(default_factory=list)   # numbers drawn over two lines at 320 px
    language_links: dict[str, str] = field(default_factory=dict)       # hreflang → absolute URL of the link
    clicked: tuple[str, str] = ("", "")                                  # (hreflang, URL after the click)


# Plain DOM reads in one evaluate: with JavaScript off, page.evaluate of
# anything with timers hangs.
# The sections shown closed (data/folded.yml) are opened first, as a reader
# opens them: their numbers too must be working links that never break.
OPEN_FOLDS = 'document.querySelectorAll("details.uw-fold").forEach(d => { d.open = true; });'
PAGE_JS = f"""() => {{
  {OPEN_FOLDS}
  const visible = {VISIBLE_JS};
  const heading = document.querySelector("article h1"), article = document.querySelector("article");
  return {{
    heading: visible(heading) ? heading.innerText : "",
    text_length: article ? article.innerText.length : 0,
    lang: document.documentElement.lang,
    strip_links: [...document.querySelectorAll(".uw-strip a[href^='tel:']")].map(e => e.getAttribute("href")),
    exits: document.querySelectorAll("#uw-exit").length,
    links: [...document.querySelectorAll("a[href]")].map(e => e.href),
    language_links: Object.fromEntries([...document.querySelectorAll(".uw-langs a[hreflang]")]
                                       .map(e => [e.getAttribute("hreflang"), e.href])),
    tel: [...document.querySelectorAll("article a[href^='tel:'], .uw-strip a[href^='tel:']")]
         .filter(a => !a.closest(".uw-strip--compact .uw-strip__more"))
         .map(a => [a.getAttribute("href"), a.innerText, visible(a)]),
  }};
}}"""

# The first screen as a reader sees it before scrolling: where the first line
# of the page's heading ends, and the tel: links drawn whole inside the screen
# (one line box, not covered: elementFromPoint at their centre is the link).
FIRST_SCREEN_JS = f"""() => {{
  const visible = {VISIBLE_JS};
  const h = document.querySelector("article h1");
  let heading = null;
  if (h && visible(h)) {{
    const range = document.createRange();
    range.selectNodeContents(h);
    const first = range.getClientRects()[0];
    heading = first ? first.bottom : null;
  }}
  const whole = [...document.querySelectorAll("a[href^='tel:']")].filter(a => {{
    const rects = a.getClientRects();
    if (!visible(a) || rects.length !== 1) return false;
    const r = rects[0];
    if (r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight) return false;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !!hit && (hit === a || a.contains(hit));
  }}).map(a => a.getAttribute("href"));
  return {{heading, whole, height: innerHeight}};
}}"""

# Every phone number drawn on more than one line box: tel: links, strip
# numbers, and the numbers the pages write in cards.
BROKEN_NUMBERS_JS = f"""() => {{
  {OPEN_FOLDS}
  const visible = {VISIBLE_JS};
  return [...document.querySelectorAll("a[href^='tel:'], .uw-strip__number")]
    .filter(e => visible(e) && e.getClientRects().length > 1)
    .map(e => e.textContent + " (" + e.getClientRects().length + " lines)");
}}"""
SMALL_PHONE = {"width": 320, "height": 568}


def read_page(page) -> Page:
    """What the page now open shows (plain DOM reads, one evaluate)."""
    p = Page(**page.evaluate(PAGE_JS))
    p.tel = [tuple(t) for t in p.tel]
    p.strip_outside = strip_outside_viewport(page, PHONE)
    p.first_screen["360x640"] = page.evaluate(FIRST_SCREEN_JS)
    page.set_viewport_size(SMALL_PHONE)
    p.first_screen["320x568"] = page.evaluate(FIRST_SCREEN_JS)
    p.broken_numbers = page.evaluate(BROKEN_NUMBERS_JS)
    page.set_viewport_size(PHONE)
    p.first_tab = first_tab_stop(page)
    return p


@dataclass
class NojsCrawl:
    base: str                       # file:///…/unpacked/
    pages: dict[str, Page]          # every page of the copy, and 404.html, by site path
    requests: list[str]             # every request of the bundle's context (network blocked)


# The pages of each language where the no-JS crawl clicks a language link:
# the home page, and the longest (the chooser after the most content).
CLICKED_PAGES = ("index.html", "who-can-help.html")


@pytest.fixture(scope="session")
def nojs_crawl(chromium, bundle, served_site) -> NojsCrawl:
    """Every page of the sampled languages of the USB copy once with
    JavaScript off, from file:// (and the served 404.html): every language
    link's target is read on every page, and on the CLICKED_PAGES of each
    language one link is really clicked (the chooser opens without
    JavaScript and the link is not covered), the next language in turn.
    The chooser is the same template on every page; a click on every page
    was 17 of the crawl's 37 CPU s."""
    from conftest import offline_context
    _, unpacked = bundle
    base = unpacked.as_uri() + "/"
    pages = sampled(sorted(p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*.html")))

    def url(rel: str) -> str:
        return served_site + rel if rel == "404.html" else base + rel

    context, requests = offline_context(chromium, js=False, viewport=PHONE)
    page = context.new_page()
    seen: dict[str, Page] = {}
    codes = LANGS.codes
    for i, rel in enumerate(pages):
        page.goto(url(rel))
        seen[rel] = read_page(page)
        others = [c for c in codes if c in seen[rel].language_links]
        if others and rel.rsplit("/", 1)[-1] in CLICKED_PAGES:
            code = others[i % len(others)]
            # Only where the click leads is read: the next goto may stop the load.
            page.locator(".uw-langs summary").click()   # the chooser opens: every language, one tap away
            with page.expect_navigation(wait_until="commit"):
                page.locator(f".uw-langs a[hreflang='{code}']").click()
            seen[rel].clicked = (code, page.url)
    context.close()
    served = chromium.new_context(viewport=PHONE, java_script_enabled=False)   # 404.html is not in the copy
    page = served.new_page()
    page.goto(url("404.html"))
    seen["404.html"] = read_page(page)
    served.close()
    return NojsCrawl(base, seen, requests)
