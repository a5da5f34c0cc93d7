"""Accessibility gate: axe-core (WCAG 2.x A and AA) on every page of every
language with the site's scripts blocked, and with them running on every
page of the default language and two pages of each other sampled language
(one per script); the page language; hreflang links between translations."""
from __future__ import annotations

import pytest
from language_sample import sample_languages
from light_helpers import lang_of

from uitweg.core.languages import load_languages
from uitweg.core.problems import BuildError
from uitweg.core.siteconfig import site_url
from uitweg.quality.a11y import AXE_JS, alternate_problems, axe_options, axe_problems, lang_problems
from uitweg.quality.settings import load_gates


def test_every_page_has_the_language_of_its_folder(site, html_pages):
    problems = lang_problems(site, html_pages)
    assert not problems, str(BuildError(problems, "Pages with the wrong <html lang>"))


def test_every_page_links_its_translations_with_hreflang(site, html_pages):
    assert len(html_pages) >= len(load_languages().codes)
    problems = alternate_problems(site, html_pages, site_url())
    assert not problems, str(BuildError(problems, "hreflang links are missing or broken"))


EXTRA = [code for code in load_languages().codes if code not in ("nl", "en", "fr")]


def test_hreflang_check_finds_a_missing_and_a_wrong_link(tmp_path):
    """The check itself: a page without x-default and with a link to a page
    that was not built."""
    (tmp_path / "en").mkdir()
    (tmp_path / "index.html").write_text("<html lang=nl><head>\n"
                                         '<link rel="alternate" hreflang="nl" href="index.html">\n'
                                         '<link rel="alternate" hreflang="en" href="en/index.html">\n'
                                         '<link rel="alternate" hreflang="fr" href="fr/index.html">\n'
                                         # The other languages of data/languages.yml, present and built.
                                         + "".join(f'<link rel="alternate" hreflang="{c}" href="{c}/index.html">\n'
                                                   for c in EXTRA) +
                                         "</head><body></body></html>", encoding="utf-8")
    for code in EXTRA:
        (tmp_path / code).mkdir()
        (tmp_path / code / "index.html").write_text(f"<html lang={code}><head></head></html>", encoding="utf-8")
    (tmp_path / "en" / "index.html").write_text("<html lang=nl><head></head></html>", encoding="utf-8")
    problems = [str(p) for p in alternate_problems(tmp_path, [tmp_path / "index.html"], "https://x.example/")]
    assert problems == [
        'site/index.html: no <link rel="alternate" hreflang="x-default"> in <head>. '
        "The links come from overrides/main.html (block extrahead, uitweg.alternates).",
        'site/index.html:4: hreflang="fr" link fr/index.html opens fr/index.html, which was not built. '
        "Write the 'fr' version of this page, or fix the link. "
        "The links come from overrides/main.html (block extrahead, uitweg.alternates).",
    ]
    wrong = [str(p) for p in lang_problems(tmp_path, [tmp_path / "en" / "index.html"])]
    assert len(wrong) == 1 and wrong[0].startswith("site/en/index.html:1: <html lang=\"nl\"> but this page is in 'en'")


def test_hreflang_links_are_read_where_a_browser_puts_them(tmp_path):
    """Text before a <link> ends <head> in a browser (no <body> tag needed):
    that link is not a head link. `REL=Alternate` and an entity in href are
    read as a browser reads them; the lines are those of the source."""
    others = "".join(f'<link rel="alternate" hreflang="{c}" href="{c}/index.html">\n' for c in EXTRA + ["en", "fr"])
    (tmp_path / "index.html").write_text(
        "<html lang=nl><head><title>t</title>\n"
        "<link REL=Alternate hreflang=nl href='ind&#101;x.html'>\n" + others +
        "</head>Some text\n"
        '<link rel="alternate" hreflang="x-default" href="index.html">\n', encoding="utf-8")
    for code in EXTRA + ["en", "fr"]:
        (tmp_path / code).mkdir()
        (tmp_path / code / "index.html").write_text(f"<html lang={code}></html>", encoding="utf-8")
    problems = [str(p) for p in alternate_problems(tmp_path, [tmp_path / "index.html"], "https://x.example/")]
    assert problems == ['site/index.html: no <link rel="alternate" hreflang="x-default"> in <head>. '
                        "The links come from overrides/main.html (block extrahead, uitweg.alternates)."]
    (tmp_path / "index.html").write_text(
        "<html lang=nl><head><title>t</title>\n"
        "<link REL=Alternate hreflang=nl href='ind&#101;x.html'>\n"
        "<link rel=alternate hreflang=en href=en/gone.html>\n", encoding="utf-8")
    problems = [str(p) for p in alternate_problems(tmp_path, [tmp_path / "index.html"], "https://x.example/")]
    assert [p for p in problems if "no <link" not in p] == [   # nl: REL=Alternate, href index.html
        'site/index.html:3: hreflang="en" link en/gone.html opens en/gone.html, which was not built. '
        "Write the 'en' version of this page, or fix the link. "
        "The links come from overrides/main.html (block extrahead, uitweg.alternates)."]


def axe_report(results: dict[str, list[dict]], site, mode: str) -> tuple[list, str]:
    """Every violation as a problem with file, line and fix, and the rules in brief."""
    problems, rules = [], {}
    for rel, violations in results.items():
        problems += axe_problems(violations, rel, (site / rel).read_text(encoding="utf-8"), mode)
        for v in violations:
            rules.setdefault(v["id"], set()).add(rel)
    summary = "; ".join(f"{rule} on {len(pages_)} page(s)" for rule, pages_ in sorted(rules.items()))
    return problems, f"Accessibility (axe-core, WCAG 2.2 AA, {mode}): {summary}"


# axe's own default window.
AXE_VIEWPORT = {"width": 1280, "height": 720}


def axe_context(chromium, **options):
    """A context that loads axe-core into every page before the page's own
    scripts (an init script: not subject to the page's CSP, and cheaper than
    evaluating axe's 650 KB source after each load)."""
    assert AXE_JS.is_file(), "axe-core is missing: run `make test` (npm ci installs it)"
    context = chromium.new_context(**options)
    context.add_init_script(path=str(AXE_JS))
    return context


def run_axe(page, options: dict) -> list[dict]:
    """axe-core's violations on the page now open, nothing focused."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    return page.evaluate("options => axe.run(document, options).then(r => r.violations)", options)


def language_pages(site, html_pages, code: str) -> list:
    """The pages of one language; the 404 page (served at the root) is Dutch."""
    pages = [p for p in html_pages + [site / "404.html"] if lang_of(p.relative_to(site).as_posix()) == code]
    assert pages, f"no page in {code}"
    return pages


# With the scripts running, the other sampled languages are read on these
# pages: the home page, and the longest, with every kind of block the
# scripts touch (cards, folded sections, click-to-call, the search header).
SCRIPTED_PAGES = ("index.html", "who-can-help.html")


def scripted_pages(site, html_pages, code: str) -> list:
    """Every page of the default language; the SCRIPTED_PAGES of another."""
    pages = language_pages(site, html_pages, code)
    if code == load_languages().default.code:
        return pages
    chosen = [p for p in pages if p.name in SCRIPTED_PAGES and p.parent == site / code]
    assert len(chosen) == len(SCRIPTED_PAGES), f"{code}: expected {SCRIPTED_PAGES}, found {chosen}"
    return chosen


@pytest.mark.browser
@pytest.mark.parametrize("code", sample_languages())
def test_axe_finds_no_wcag_violations_with_javascript(chromium, served_site, site, html_pages, code):
    """The site's scripts running and its policy on, one test per language
    so they run in parallel: every page of the default language (what the
    scripts do to a page's own blocks), and the SCRIPTED_PAGES of each other
    language of the sample (one per script, tests/language_sample.py: what
    the scripts add, search and toggles and announcements, is the same code
    on every page of a script). The run without JavaScript below reads
    every page of every language, labels and all. (Every page of six
    languages cost 44 CPU s of the suite's 570.)"""
    options = axe_options(load_gates()["axe"]["tags"])
    context = axe_context(chromium, viewport=AXE_VIEWPORT, service_workers="block")
    page = context.new_page()
    results = {}
    try:
        for path in scripted_pages(site, html_pages, code):
            rel = path.relative_to(site).as_posix()
            page.goto(served_site + rel, wait_until="load")
            results[rel] = run_axe(page, options)
    finally:
        context.close()
    problems, title = axe_report(results, site, "js")
    assert not problems, str(BuildError(problems, title))


@pytest.mark.browser
@pytest.mark.parametrize("code", load_languages().codes)
def test_axe_finds_no_wcag_violations_without_javascript(chromium, served_site, site, html_pages, code):
    """Every page of a language (one test per language, so they run in
    parallel), one browser. Without JavaScript: axe itself needs JS, so the
    site's own scripts are blocked instead (inline scripts still run)."""
    options = axe_options(load_gates()["axe"]["tags"])
    context = axe_context(chromium)
    blocked: list[str] = []
    context.route("**/*.js", lambda route: (blocked.append(route.request.url), route.abort()))
    page = context.new_page()
    pages = language_pages(site, html_pages, code)
    results = {}
    try:
        for path in pages:
            rel = path.relative_to(site).as_posix()
            page.goto(served_site + rel, wait_until="load")
            results[rel] = run_axe(page, options)
    finally:
        context.close()
    assert len(results) == len(pages)
    assert blocked, "the no-JS run must block the site's scripts"
    problems, title = axe_report(results, site, "no-js")
    assert not problems, str(BuildError(problems, title))


@pytest.mark.browser
@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_axe_runs_find_planted_violations(chromium, tmp_path, js):
    """The two runs above, on a page made to fail: axe is loaded the same way
    and must report grey-on-white text and an image without a text."""
    page_file = tmp_path / "bad.html"
    page_file.write_text("<!doctype html><html lang=en><head><title>x</title>"
                         "<style>p{color:#bbb;background:#fff}</style></head><body><main>"
                         "<p>Grey text</p><img src='data:,'></main></body></html>", encoding="utf-8")
    context = axe_context(chromium, viewport=AXE_VIEWPORT, java_script_enabled=True)
    if not js:
        context.route("**/*.js", lambda route: route.abort())
    page = context.new_page()
    page.goto(page_file.as_uri())
    found = {v["id"] for v in run_axe(page, axe_options(load_gates()["axe"]["tags"]))}
    context.close()
    assert {"color-contrast", "image-alt"} <= found


def test_axe_problem_names_file_line_and_fix():
    html = "<html>\n<body>\n<p class=\"low\">Grey text</p>\n</body></html>"
    violation = {"id": "color-contrast", "impact": "serious",
                 "help": "Elements must meet minimum color contrast ratio thresholds",
                 "helpUrl": "https://dequeuniversity.com/rules/axe/4.11/color-contrast",
                 "nodes": [{"html": "<p class=\"low\">Grey text</p>", "target": [".low"],
                            "failureSummary": "Fix any of the following:\n  Element has insufficient color contrast of 2.1"}]}
    [problem] = axe_problems([violation], "en/signs.html", html, "no-js")
    assert problem.file == "site/en/signs.html" and problem.line == 3
    assert str(problem).startswith("site/en/signs.html:3: [no-js] color-contrast (serious): Elements must meet")
    assert "Element has insufficient color contrast of 2.1" in problem.message
    assert "built from docs/en/signs.md" in problem.message
