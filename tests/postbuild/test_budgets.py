"""Help in the first bytes: the byte budgets of data/budgets.yml on every
built page (the HTML and CSS of the first round trip, and the whole first
visit as Chromium loads it), and the .gz/.br twins that servers send instead."""
from __future__ import annotations

import gzip
import re
from urllib.parse import unquote, urlsplit

import brotli
import pytest
import yaml
from light_helpers import all_pages

from uitweg.core import paths
from uitweg.postbuild.compress import TEXT, brotli_bytes, gzip_bytes
from uitweg.postbuild.stylesheet import LINK, local_path

BUDGETS = yaml.safe_load(paths.BUDGETS.read_text(encoding="utf-8"))


def br(data: bytes) -> int:
    return len(brotli_bytes(data))


def blocking_stylesheets(site, page, html: str):
    head = html.split("</head>", 1)[0]
    for m in re.finditer(r"<link\b[^>]*>", head):
        tag = m.group(0)
        media = re.search(r'media="([^"]*)"', tag)
        href = LINK.search(tag + "\n")
        if href and (not media or media.group(1) in ("all", "screen")):
            yield local_path(site, page, href.group(1))


def test_html_and_blocking_css_fit_one_round_trip(site):
    """The HTML (with the stylesheet inside it) and any stylesheet it still links."""
    budget = BUDGETS["first_round_trip"]
    over = []
    for rel in all_pages(site):
        page = site / rel
        html = page.read_bytes()
        css = list(blocking_stylesheets(site, page, html.decode("utf-8")))
        assert None not in css, f"{rel}: its stylesheet is not a local file"
        assert b"<style>" in html or css, f"{rel}: no stylesheet at all"
        # What nginx sends: the .br twin (test_every_text_file_has_compressed_twins
        # proves each twin is the file's, compressed at quality 11).
        sent = served_size(site, rel)
        total = sent + sum(br(f.read_bytes()) for f in css)
        if total > budget:
            over.append(f"{rel}: {total:,} bytes brotli (HTML {sent:,} + CSS "
                        f"{', '.join(f'{f.name} {br(f.read_bytes()):,}' for f in css)})")
    assert not over, (f"over the first-round-trip budget of {budget:,} bytes (data/budgets.yml); shorten the "
                      "page or trim the CSS (uitweg/postbuild/css_trim.py, data/css_keep.yml):\n" + "\n".join(over))


def stream_bytes_until(packed: bytes, size: int) -> int:
    """How many bytes of the brotli stream `packed` a browser must receive
    before it can decode the first `size` bytes of the file (a fresh decoder
    per prefix; more input never gives less output, so bisect)."""
    low, high = 0, len(packed)
    while low < high:
        mid = (low + high) // 2
        if len(brotli.Decompressor().process(packed[:mid])) >= size:
            high = mid
        else:
            low = mid + 1
    return low


def test_stream_bytes_until_is_the_shortest_prefix_that_decodes_that_far():
    text = "".join(f"<p>line {i} {i * i}</p>\n" for i in range(3000)).encode()
    packed = brotli_bytes(text)
    for size in (1, 5_000, 30_000, len(text)):
        n = stream_bytes_until(packed, size)
        assert brotli.Decompressor().process(packed[:n])[:size] == text[:size]
        assert len(brotli.Decompressor().process(packed[:n - 1])) < size
    assert stream_bytes_until(packed, 30_000) < stream_bytes_until(packed, len(text)) == len(packed)


def test_strip_arrives_in_the_first_round_trip(site):
    """Measured on the .br twin nginx sends: the bytes of that stream a
    browser needs before it can show the whole strip."""
    budget = BUDGETS["strip_within"]
    for rel in all_pages(site):
        raw = (site / rel).read_bytes()
        start = raw.find(b'<aside class="uw-strip')
        assert start > 0, f"{rel}: no emergency strip"
        end = raw.index(b"</aside>", start) + len(b"</aside>")
        assert raw.index(b"uw-strip") < raw.index(b'class="md-container"'), f"{rel}: strip after the content"
        size = stream_bytes_until((site / (rel + ".br")).read_bytes(), end)
        assert size <= budget, f"{rel}: the strip ends after {size:,} bytes of the brotli stream (budget {budget:,})"


def test_one_stylesheet_inside_every_page_and_no_file(site):
    """The first paint needs the HTML only (issue 12): every page carries the
    same trimmed stylesheet in its <head> and links none."""
    assert not list(site.rglob("*.css")), "a stylesheet file is left in the site"
    styles = set()
    for rel in all_pages(site):
        html = (site / rel).read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        found = re.findall(r"<style>(.*?)</style>", html, re.S)
        assert len(found) == 1 and f"<style>{found[0]}</style>" in head, f"{rel}: expected one <style> in <head>"
        assert not re.search(r'<link rel="stylesheet"', html), f"{rel}: still links a stylesheet"
        styles.add(found[0])
    assert len(styles) == 1, "the pages carry different stylesheets"
    assert 5_000 < br(styles.pop().encode("utf-8")) < 9_000   # trimmed (~6.6 KB), not Material's ~19 KB


def test_own_script_stays_small(site):
    scripts = list((site / "assets" / "javascripts").glob("uitweg.*.js"))
    assert len(scripts) == 1, scripts
    size = br(scripts[0].read_bytes())
    assert size <= BUDGETS["own_script"], f"{scripts[0].name}: {size:,} bytes brotli"


def text_files(site):
    return sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in TEXT)


def test_every_text_file_has_compressed_twins(site):
    files = text_files(site)
    assert len(files) > 40
    for path in files:
        data = path.read_bytes()
        for suffix, unpack, pack in ((".gz", gzip.decompress, gzip_bytes), (".br", brotli.decompress, brotli_bytes)):
            twin = path.with_name(path.name + suffix)
            if not twin.exists():   # only a file that compression would not shrink has no twin
                assert len(pack(data)) >= len(data), \
                    f"{path.relative_to(site)} has no {suffix} twin (uitweg/postbuild/compress.py)"
                continue
            packed = twin.read_bytes()
            assert unpack(packed) == data, f"{twin.relative_to(site)} is stale"
            assert len(packed) < len(data), f"{twin}: not smaller than the file"
            if path.name.startswith("uitweg.") or path.name == "index.html":   # recompressing all takes long
                assert packed == pack(data), f"{twin.relative_to(site)} is not deterministic"


def test_no_twin_without_its_file(site):
    orphans = [p for p in site.rglob("*") if p.suffix in (".gz", ".br") and not p.with_suffix("").is_file()]
    assert not orphans, orphans


@pytest.mark.parametrize("data", [b"", b"<!doctype html><p>a", "é".encode() * 5000])
def test_twins_are_deterministic(data):
    assert gzip_bytes(data) == gzip_bytes(data) and gzip_bytes(data)[4:8] == b"\0\0\0\0"   # no time
    assert brotli.decompress(brotli_bytes(data)) == data


def test_css_trim_keeps_what_can_match_and_drops_the_rest():
    from uitweg.postbuild.css_trim import Usage, trim_css
    usage = Usage(keep={"classes": ["md-search*"], "tags": ["mark"]})
    usage.add_html('<html class="no-js"><body><p class="a">x</p><input data-md-toggle="search"></body></html>')
    css = (":root{--used:red;--unused:url(data:x);--chain:var(--used)}"
           ".a{color:var(--chain)}.b{color:blue}.a:hover,.b:hover{x:1}"
           "[data-md-toggle=search]:checked~.a{y:1}[data-md-toggle=drawer]{z:1}"
           ".md-search-result mark{m:1}.md-version{v:1}:not(.b) p{n:1}"
           "@media print{.b{p:1}.a{q:1}}@keyframes spin{to{r:1}}@keyframes used{to{r:2}}.a{animation:used 1s}")
    out = trim_css(css, usage)
    assert out == (":root{--used:red;--chain:var(--used)}.a{color:var(--chain)}.a:hover{x:1}"
                   "[data-md-toggle=search]:checked~.a{y:1}.md-search-result mark{m:1}:not(.b) p{n:1}"
                   "@media print{.a{q:1}}@keyframes used{to{r:2}}.a{animation:used 1s}")


def served_size(site, path: str) -> int:
    """What nginx sends for `path` to a browser that accepts brotli: the .br twin, else the file."""
    file = site / path
    twin = file.with_name(file.name + ".br")
    return (twin if twin.is_file() else file).stat().st_size


@pytest.mark.browser
def test_whole_first_visit_fits_the_budget(chromium, served_crawl, served_site, site):
    """Every page loaded in Chromium (JS on, empty cache, phone screen): every
    request it makes until the network is idle, in brotli bytes (the shared
    crawl of tests/crawls.py opens each page as a first visit, cache off)."""
    budget = BUDGETS["first_visit"]
    over, largest = [], (0, "")
    assert set(served_crawl) == set(all_pages(site))
    for rel, visit in served_crawl.items():
        requests = visit.first_visit
        outside = [u for u in requests if not u.startswith(served_site)]
        assert not outside, f"{rel}: requests outside the site: {outside}"
        paths = [unquote(urlsplit(u).path).lstrip("/") for u in requests]
        missing = [p for p in paths if not (site / p).is_file()]
        assert not missing, f"{rel}: requests for files that do not exist: {missing}"
        # An empty cache: every page fetches the script the site shares.
        assert [p for p in paths if re.search(r"uitweg\.[0-9a-f]{8}\.js$", p)], \
            f"{rel}: uitweg.js not requested: the cache was not empty"
        size = sum(served_size(site, p) for p in paths)
        largest = max(largest, (size, rel))
        if size > budget["max_bytes"] or len(paths) > budget["max_requests"]:
            over.append(f"{rel}: {size:,} bytes in {len(paths)} requests: "
                        + ", ".join(f"{p} {served_size(site, p):,}" for p in paths))
    assert not over, (f"over the first-visit budget of {budget['max_bytes']:,} bytes brotli and "
                      f"{budget['max_requests']} requests (data/budgets.yml):\n" + "\n".join(over))
    assert largest[0] > 5000, f"implausibly small first visit: {largest}"   # the count really counted
