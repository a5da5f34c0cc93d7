"""Shared fixtures: one real strict build of the site per test session, and
Debian's Chromium driven by Playwright (never `playwright install`)."""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# One real build of accepted changes shared by two test folders (builds.py).
from builds import accepted_build  # noqa: F401

# The shared crawls (one Chromium pass per way of opening the site) and the
# USB bundle they open; defined in crawls.py, used across test folders.
from crawls import bundle, file_crawl, keypair, nojs_crawl, served_crawl  # noqa: F401
from testkit.project_copy import copy_sources

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-quic"]


def mkdocs_build(project: Path, site_dir: Path, check: bool = True) -> subprocess.CompletedProcess:
    """A real, strict `mkdocs build` of `project` into `site_dir`; the post-build
    steps run inside it (hooks/uitweg_hooks.py, on_post_build)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                            cwd=project, capture_output=True, text=True, env=env)
    if check and result.returncode != 0:
        raise AssertionError(f"mkdocs build failed:\n{result.stderr[-4000:]}")
    return result


def copy_project(dest: Path, languages: tuple[str, ...] | None = None) -> Path:
    """A copy of the sources (no built files) to break on purpose. Compiled
    bytecode comes along: each build of a copy would compile it again.
    With `languages` (the default one first) only those languages stay in
    the copy (tools/testkit/trim_languages.py): a test builds the languages
    its property needs, not all of them (each costs a build ~11 s of CPU)."""
    return copy_sources(ROOT, dest, languages=languages)


# With pytest-xdist the controller starts the one build of the site before
# the workers start (pytest_configure), and every worker reads it (a build per
# worker cost two builds' CPU). The build writes its exit code last.
# Test builds use the user's cache of compressed twins like any build
# (uitweg/postbuild/twin_cache.py: an entry is used only after it decompresses
# to the file; test_budgets checks every twin again).
SHARED_SITE = "UITWEG_TEST_SITE_DIR"


def site_key(folder: Path) -> tuple[Path, Path]:
    """A throwaway signing key for a test build (never the repository's):
    (private key, allowed_signers)."""
    from uitweg.offline import signing
    key, allowed = folder / "keys" / "test.key", folder / "keys" / "allowed_signers"
    if not key.exists():
        signing.generate(key, allowed)
    return key, allowed


# `make test-fast` sets UITWEG_TEST_BUILD=pages: the session's build is the
# pages alone (`mkdocs build`: the gate and the post-build steps, no print run
# and no materials step), and the tests that need the materials are `slow`,
# so not selected (pytest_collection_modifyitems refuses them otherwise).
TEST_BUILD = "UITWEG_TEST_BUILD"


def pages_only() -> bool:
    return os.environ.get(TEST_BUILD, "").strip() == "pages"


def build_command(folder: Path) -> str:
    """The shell command of the product build, as `make site` runs it: `mkdocs
    build`, then the materials step (uitweg/materials), signed with a test
    key; the print PDFs are built at the same time as the site. With
    UITWEG_TEST_BUILD=pages, `mkdocs build` alone."""
    q = lambda p: shlex.quote(str(p))  # noqa: E731
    key, allowed = site_key(folder)
    py = shlex.quote(sys.executable)
    if pages_only():
        return (f"{py} -m mkdocs build --strict --site-dir {q(folder / 'site')} > {q(folder / 'log')} 2>&1;"
                f" echo $? > {q(folder / 'status.tmp')} && mv {q(folder / 'status.tmp')} {q(folder / 'status')}")
    return (f"{py} -m uitweg.printing --out {q(folder / 'print')} > {q(folder / 'print.log')} 2>&1 & p=$!; "
            f"{py} -m mkdocs build --strict --site-dir {q(folder / 'site')} > {q(folder / 'log')} 2>&1"
            f" && wait $p && {py} -m uitweg.materials {q(folder / 'site')} --key {q(key)} --allowed-signers {q(allowed)}"
            f" --print-dir {q(folder / 'print')} >> {q(folder / 'log')} 2>&1; s=$?; wait; echo $s > {q(folder / 'status.tmp')}"
            f" && mv {q(folder / 'status.tmp')} {q(folder / 'status')}")


def pytest_configure(config):
    if getattr(config.option, "numprocesses", None) and not hasattr(config, "workerinput"):
        import tempfile
        folder = Path(tempfile.mkdtemp(prefix="uitweg-test-site-"))
        os.environ[SHARED_SITE] = str(folder)   # the workers inherit it
        config._uitweg_site_build = (folder, subprocess.Popen(["sh", "-c", build_command(folder)], cwd=ROOT,
                                                              env=dict(os.environ, NO_MKDOCS_2_WARNING="1")))


def pytest_unconfigure(config):
    started = getattr(config, "_uitweg_site_build", None)
    if started:
        folder, process = started
        process.wait()
        shutil.rmtree(folder, ignore_errors=True)


def shared_site_build() -> Path | None:
    """The controller's build of the site, once it is done; None without xdist."""
    import time
    folder = os.environ.get(SHARED_SITE)
    if not folder:
        return None
    status, deadline = Path(folder) / "status", time.monotonic() + 900
    while not status.exists():
        if time.monotonic() > deadline:
            raise AssertionError(f"the shared site build ({folder}) did not finish in 15 minutes")
        time.sleep(0.2)
    if status.read_text().strip() != "0":
        log = (Path(folder) / "log").read_text(encoding="utf-8", errors="replace")
        raise AssertionError(f"mkdocs build failed:\n{log[-4000:]}")
    return Path(folder) / "site"


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The whole product, built once per test run from the real sources as
    `make site` builds it: the site with every file its materials page
    offers, signed with a test key (`site_signing`). Read only: tests that
    change a site copy it first."""
    shared = shared_site_build()
    if shared:
        return shared
    folder = tmp_path_factory.getbasetemp() / "uitweg-site"
    folder.mkdir(exist_ok=True)
    result = subprocess.run(["sh", "-c", build_command(folder)], cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    if (folder / "status").read_text().strip() != "0" or result.returncode:
        raise AssertionError(f"the product build failed:\n{(folder / 'log').read_text(errors='replace')[-4000:]}")
    return folder / "site"


@pytest.fixture(scope="session")
def site_signing(site) -> tuple[Path, Path]:
    """(private key, allowed_signers) the session's site was signed with."""
    return site_key(site.parent)


@pytest.fixture(scope="session")
def html_pages(site) -> list[Path]:
    """Every content page of every language (not 404.html; the downloads in
    files/ are no pages: their names end in .htm, .zip, .pdf …)."""
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


@pytest.fixture(scope="session")
def chromium():
    """A headless Debian Chromium, shared by the session's browser tests."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: run `make test`, which installs it")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def served_site(site):
    """The built site over HTTP on 127.0.0.1 (a random free port): its base URL."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


def offline_context(browser, js: bool, viewport: dict | None = None):
    """A context where only file:// loads; every request is recorded."""
    size = {"viewport": viewport} if viewport else {}
    ctx = browser.new_context(java_script_enabled=js, service_workers="block", **size)
    requests: list[str] = []
    ctx.on("request", lambda r: requests.append(r.url))
    ctx.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    return ctx, requests


# Shared fixtures that every worker may make for itself (a few seconds each;
# `site` only waits for the controller's build).
# Every other module- or session-scoped fixture is made once: the tests that
# use it run in one xdist worker (see pytest_collection_modifyitems).
EVERY_WORKER = {"site", "site_signing", "html_pages", "chromium", "served_site", "keypair", "bundle"}
# xdist hands groups out in the order of the tests: after the tests that
# need no build, the groups holding these fixtures (the longest, about 100 s
# down to 20 s) go first, so that no worker starts a long one when the
# others are nearly done.
LONGEST_FIRST = ("served_crawl", "file_crawl", "scans", "nojs_crawl", "accepted_build", "signed_zip",
                 "nginx", "planted", "report")


# Fixtures made from the materials step's files, or that build a product of
# their own (a signed zip, the pocket files): a test that uses one is `slow`,
# so `make test-fast`, which builds the pages alone, leaves it out.
PRODUCT_FIXTURES = {"bundle", "site_signing", "signed_zip", "pocket"}


@pytest.hookimpl(tryfirst=True)   # before xdist reads the groups
def pytest_collection_modifyitems(config, items):
    """Every test that drives Chromium is a `browser` test, marked or not,
    and every test of PRODUCT_FIXTURES a `slow` one: `make test-fast`
    deselects them.

    `make test` runs the tests in parallel (pytest-xdist, --dist loadgroup).
    Tests that share an expensive fixture (a crawl of every page, a set of
    print PDFs, a build of broken copies) get one xdist group, so the fixture
    is made once; tests linked through any such fixture share the group."""
    parent: dict[str, str] = {}

    def find(name: str) -> str:
        while parent.setdefault(name, name) != name:
            name = parent[name]
        return name

    shared: dict[int, list[str]] = {}
    for i, item in enumerate(items):
        if "chromium" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
        if PRODUCT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
        info = getattr(item, "_fixtureinfo", None)
        names = [name for name, defs in (info.name2fixturedefs.items() if info else ())
                 if name not in EVERY_WORKER and defs[-1].scope in ("module", "session")
                 and defs[-1].baseid]   # baseid "" = a plugin's fixture (tmp_path_factory, …)
        shared[i] = names
        for name in names[1:]:
            parent[find(name)] = find(names[0])
    rank: dict[str, int] = {}
    waits: dict[str, bool] = {}   # group → one of its tests needs the session's build
    for i, item in enumerate(items):
        if shared[i]:
            group = find(shared[i][0])
            item.add_marker(pytest.mark.xdist_group(group))
            waits[group] = waits.get(group, False) or "site" in item.fixturenames
            for n, name in enumerate(LONGEST_FIRST):
                if name in item.fixturenames:
                    rank[group] = min(rank.get(group, n), n)
    # A stable sort: first the tests that do not need the session's build
    # (about 70 CPU s: the workers run them while the controller builds, where
    # they used to wait ~40 s), then by group, longest first; a group's tests
    # stay together and in order.
    order = {}
    for i, item in enumerate(items):
        group = find(shared[i][0]) if shared[i] else None
        needs_site = waits[group] if group else "site" in item.fixturenames
        order[id(item)] = (needs_site, rank.get(group, len(LONGEST_FIRST)))
    items.sort(key=lambda item: order[id(item)])


def check_groups_took_effect(config, items) -> None:
    """pytest-xdist marks a grouped test by adding "@group" to its id; with
    pytest 9.2.0 that silently stopped (pytest-xdist issue 1386), and every
    worker then made every crawl again. Refuse to run rather than run slow."""
    if not getattr(config.option, "loadgroup", False):
        return
    lost = [item.nodeid for item in items if item.get_closest_marker("xdist_group") and "@" not in item.nodeid]
    if lost:
        pytest.exit(f"pytest-xdist did not group {len(lost)} tests (e.g. {lost[0]}): check the pytest and "
                    "pytest-xdist versions in requirements-test.txt", returncode=3)


def every_language(table_yaml: str) -> str:
    """A hand-written contact table with {nl: …, en: …, fr: …} maps, given the
    English text for every other language of data/languages.yml (the table
    needs a text per language)."""
    import re

    from uitweg.core.languages import load_languages
    extra = [c for c in load_languages().codes if c not in ("nl", "en", "fr")]
    return re.sub(r'(\{nl: "[^"]*", en: ("[^"]*"), fr: "[^"]*")\}',
                  lambda m: m.group(1) + "".join(f", {c}: {m.group(2)}" for c in extra) + "}", table_yaml)


def check_pages_only_selection(items) -> None:
    """A build of the pages alone has no materials (zip, pocket, Kiwix, print):
    a test that needs them (marked slow) would fail on a missing file."""
    if not pages_only():
        return
    slow = [item.nodeid for item in items if item.get_closest_marker("slow")]
    if slow:
        pytest.exit(f"{TEST_BUILD}=pages builds the pages alone, and {len(slow)} selected tests need the whole "
                    f"product (e.g. {slow[0]}): add -m 'not slow', or unset {TEST_BUILD}", returncode=4)


def pytest_collection_finish(session):
    check_groups_took_effect(session.config, session.items)
    check_pages_only_selection(session.items)
