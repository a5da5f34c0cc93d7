"""Private by construction: every built page, loaded in Chromium with
JavaScript on, asks nothing from another site, no request fails, the
Content-Security-Policy blocks nothing, and nothing is stored on the device.
The same pages opened from file:// (a USB copy) work under the same policy.
The JavaScript pass also checks the page frame at 360×640: the emergency
strip in the first screen and the quick exit first in keyboard order. The
passes are the shared crawls of tests/crawls.py (served_crawl, file_crawl)."""
from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

import pytest
from light_helpers import LANGS, PHONE, all_pages, lang_of, sampled
from testkit.network_watch import NetworkWatch

from uitweg.postbuild.csp import META_NAME
from uitweg.postbuild.headers import csp, load_headers

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def js_visits(served_crawl) -> dict:
    """Every page once, JavaScript on, phone-sized, until the network is idle
    (the shared crawl of crawls.py, each page a first visit)."""
    return served_crawl


def _problems(visits: dict, what) -> list[str]:
    return [f"{rel}: {item}" for rel, v in visits.items() for item in what(v)]


def test_no_request_leaves_the_site(js_visits, served_site):
    visits = js_visits
    origin = urlsplit(served_site)[:2]
    leaks = _problems(visits, lambda v: [u for u in v.requests
                                         if not u.startswith(("data:", "blob:", "about:")) and urlsplit(u)[:2] != origin])
    assert not leaks, "requests to another site (ship the file with the site instead):\n" + "\n".join(leaks)


def test_no_request_fails(js_visits):
    failed = _problems(js_visits, lambda v: v.failed)
    assert not failed, "failed requests:\n" + "\n".join(failed)


def test_no_console_error_and_no_csp_violation(js_visits):
    errors = _problems(js_visits, lambda v: v.console)
    assert not errors, "console errors/warnings (CSP violations show here):\n" + "\n".join(errors)


def test_every_page_runs_our_script_and_no_search_until_asked(js_visits):
    """The pass really ran the page's script; search (uitweg-search.js, an index)
    and Material's bundle are not loaded until the reader opens search."""
    for rel, v in js_visits.items():
        assert any(re.search(r"/uitweg\.[0-9a-f]{8}\.js$", u) for u in v.requests), rel
        assert not [u for u in v.requests if re.search(r"/search/|uitweg-search|bundle\.|workers/|lunr/", u)], rel


def test_nothing_is_stored_on_the_device(js_visits):
    """Checked after each page, in its own context."""
    cookies = _problems(js_visits, lambda v: v.cookies)
    assert not cookies, "cookies were set:\n" + "\n".join(cookies)
    stored = [rel for rel, v in js_visits.items() if v.storage]
    assert not stored, f"something was written to localStorage/sessionStorage (uitweg.js __md_set stores nothing): {stored}"


def test_strip_in_first_screen_with_javascript(js_visits):
    outside = _problems(js_visits, lambda v: v.strip_outside)
    assert not outside, "strip numbers below the first 360×640 screen:\n" + "\n".join(outside)


def test_quick_exit_is_first_in_keyboard_order_with_javascript(js_visits):
    wrong = {rel: v.first_tab for rel, v in js_visits.items() if v.first_tab != "uw-exit"}
    assert not wrong, f"Tab once does not reach the quick exit: {wrong}"


def test_every_page_has_the_policy_and_no_referrer(site):
    data = load_headers()
    for rel in all_pages(site):
        html = (site / rel).read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        m = re.search(rf'<meta http-equiv="{META_NAME}" content="([^"]+)">', head)
        assert m, f"{rel}: no CSP <meta> (uitweg/postbuild/csp.py, post-build)"
        assert m.group(1).startswith(csp(data, for_meta=True).split("; script-src")[0]), rel
        assert "frame-ancestors" not in m.group(1), f"{rel}: frame-ancestors is ignored in a <meta>"
        assert head.index(META_NAME) < min(i for i in (head.find("<script"), head.find("<link"), head.find("<style"))
                                           if i >= 0), \
            f"{rel}: the CSP <meta> must come before anything it governs"
        assert '<meta name="referrer" content="no-referrer">' in head, rel


@pytest.fixture(scope="module")
def file_visits(file_crawl) -> dict:
    """Every page of the USB copy (the unpacked bundle; 404.html, server only,
    is not in it) opened from file://, JavaScript on (the shared crawl)."""
    return file_crawl.visits


def test_file_copy_works_under_the_policy(file_visits):
    problems = _problems(file_visits, lambda v: v.console + v.failed + [
        u for u in v.requests if not u.startswith(("file:", "data:", "about:", "blob:"))])
    assert not problems, "from file:// (USB copy):\n" + "\n".join(problems)


def test_no_cdn_polyfill_in_browsers_without_resize_observer(chromium, served_site):
    """Material's bundle loaded a polyfill from unpkg.com when ResizeObserver was
    missing; the site no longer loads the bundle, and our scripts do not need it."""
    context = chromium.new_context(viewport=PHONE)
    context.add_init_script("delete window.ResizeObserver")
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    home = served_site + "en/index.html"
    watch = NetworkWatch(page)
    page.goto(home)
    watch.wait_until_quiet()
    page.locator("label.md-header__button[for='__search']").click()    # search too
    page.keyboard.type("payoke")
    page.locator(".md-search-result__item a").first.wait_for(timeout=10_000)
    assert [u for u in requests if not u.startswith(served_site)] == []
    assert errors == []
    context.close()


def test_every_page_of_every_language_is_served_and_checked(js_visits, site):
    assert set(js_visits) == set(all_pages(site))
    assert {lang_of(rel) for rel in js_visits} == {lang.code for lang in LANGS.languages}


def test_every_page_of_the_copy_is_checked(file_visits, site):
    """Every page of one language per script (tests/language_sample.py)."""
    # Two tests, not one: each crawl runs in its own xdist worker (conftest.py).
    assert set(file_visits) == set(sampled(all_pages(site))) - {"404.html"}


def test_the_inline_stylesheet_is_allowed_by_its_hash_only(site):
    """Each page's <style> (the site's stylesheet, inlined) is named by its
    sha256 in the page's policy, which has no 'unsafe-inline'."""
    for rel in all_pages(site):
        html = (site / rel).read_text(encoding="utf-8")
        styles = re.findall(r"<style>(.*?)</style>", html, re.S)
        assert len(styles) == 1 and len(styles[0]) > 10_000, f"{rel}: expected the site's stylesheet inline"
        digest = base64.b64encode(hashlib.sha256(styles[0].encode("utf-8")).digest()).decode()
        policy = re.search(rf'<meta http-equiv="{META_NAME}" content="([^"]+)">', html).group(1)
        style_src = next(d for d in policy.split("; ") if d.startswith("style-src "))
        assert style_src == f"style-src 'self' 'sha256-{digest}'", f"{rel}: {style_src}"


def test_a_changed_inline_style_is_refused_by_the_policy(chromium, site, tmp_path):
    """The hash is what lets the stylesheet in: one changed byte and Chromium
    refuses the whole <style> (from file://, where only the <meta> applies)."""
    html = (site / "en" / "signs.html").read_text(encoding="utf-8")
    (tmp_path / "signs.html").write_text(html.replace("<style>", "<style>b{color:red}", 1), encoding="utf-8")
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda m: messages.append(m.text))
    page.goto((tmp_path / "signs.html").as_uri())
    width = page.locator(".uw-strip").first.evaluate("e => getComputedStyle(e).maxWidth")
    context.close()
    assert any("Content Security Policy" in m and "style-src" in m for m in messages), messages
    assert width == "none", "the changed <style> was applied"   # uitweg.css sets 61rem


def test_inline_code_stops_the_build_with_file_line_and_fix(tmp_path):
    from uitweg.core.problems import BuildError
    from uitweg.postbuild.csp import add_csp_meta
    (tmp_path / "a.html").write_text('<!doctype html><html><head><meta charset="utf-8"></head>\n<body>\n'
                                     '<script>alert(1)</script>\n<p style="color:red" onclick="x()">x</p>\n'
                                     '<script id="__config" type="application/json">{}</script></body></html>',
                                     encoding="utf-8")
    with pytest.raises(BuildError) as err:
        add_csp_meta(tmp_path)
    lines = str(err.value).splitlines()[1:]
    assert lines == [
        "  a.html:3: inline <script>: move it into a file under overrides/assets/javascripts/ and load it with "
        "<script src> (the CSP allows only the site's own files)",
        "  a.html:4: <p style=…>: the CSP blocks inline style attributes; use a class in uitweg.css or a "
        "listener in uitweg.js",
        "  a.html:4: <p onclick=…>: the CSP blocks inline onclick attributes; use a class in uitweg.css or a "
        "listener in uitweg.js",
    ]


def test_inline_code_is_found_as_a_browser_reads_the_page():
    """Markup inside a comment or a script's text is no element (a browser
    runs nothing there); upper case and `/` between attributes are still
    attributes; a JSON data block is not code."""
    from uitweg.postbuild.csp import inline_problems
    page = ('<!doctype html><html><head><meta charset="utf-8">\n'
            '<!-- <p onclick="x()"> <script>alert(1)</script> -->\n'
            '<script src="a.js">\n</script><script type="application/json">{"a": "<b style=x>"}</script>\n'
            '<script>\n</script></head><body>\n'
            '<P OnClick="x()">x</P>\n<a href="#"/STYLE="color:red">y</a>\n<SCRIPT>go()</SCRIPT></body></html>')
    assert [(p.line, p.message.split(":")[0]) for p in inline_problems(page, "a.html")] == [
        (9, "inline <script>"), (7, "<p onclick=…>"), (8, "<a style=…>")]
