"""The materials page of every language and the files it offers (issue 19),
on the session's product build (`site`: made as `make site` makes it,
signed with a throwaway key). The browser test at the end opens each
language's page over deploy/nginx.conf and checks what every download link
gives; the checks before it read the built files directly."""
from __future__ import annotations

import io
import re
import shutil
import socket
import subprocess
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest
from kiwix_checks import zim_problems
from PIL import Image, ImageChops, ImageStat
from testkit import local_nginx

from uitweg.core import html as H
from uitweg.core.languages import load_languages
from uitweg.core.paths import DATA
from uitweg.core.siteconfig import site_url
from uitweg.core.yamlfile import load_data
from uitweg.gate.table_text import load_checked_contacts
from uitweg.materials.page import format_size
from uitweg.materials.settings import load_budgets, load_materials, zip_budget
from uitweg.offline import signing
from uitweg.offline.verify import check_copy

# Every test here reads the materials step's files (site/files/): none is in
# `make test-fast`, which builds the pages alone.
pytestmark = pytest.mark.slow

LANGS = load_languages()
DEFAULT = LANGS.default.code
TEXTS = load_materials()["texts"]
KIWIX = load_data(DATA / "kiwix.yml", "kiwix")[0]
# One PDF per format and language, and one more per trilingual format (data/print.yml).
FORMATS = load_data(DATA / "print.yml", "print")[0]["formats"]
PDF_COUNT = len(FORMATS) * len(LANGS.codes) + sum(1 for f in FORMATS.values() if f.get("trilingual"))


def page_of(code: str) -> str:
    return "materials.html" if code == DEFAULT else f"{code}/materials.html"


def downloads(site: Path, code: str) -> list[tuple[str, str, H.LexborNode]]:
    """(href, site path, element) of every link and image into files/ on a language's page."""
    out = []
    page = page_of(code)
    base = "" if code == DEFAULT else "../"
    for el in H.parse((site / page).read_text(encoding="utf-8")).css("a[href], img[src]"):
        value = el.attributes.get("href") or el.attributes.get("src")
        if value.startswith(base + "files/"):
            out.append((value, value[len(base):], el))
    return out


def strip_links(site: Path, code: str) -> set[str]:
    index = site / ("index.html" if code == DEFAULT else f"{code}/index.html")
    return {a.attributes["href"] for a in H.parse(index.read_text(encoding="utf-8")).css(".uw-strip a[href^='tel:']")}


@pytest.mark.parametrize("code", LANGS.codes)
def test_page_offers_every_file_with_its_size(site, code):
    """Every language's page links the zip, each pocket file, each print PDF
    (with a lazy preview of the right size), its own Kiwix file and the key;
    each file exists and the page shows its real size."""
    found = downloads(site, code)
    links = {path for _, path, el in found if el.tag == "a"}
    images = {path: el for _, path, el in found if el.tag == "img"}
    expected = {"files/info-offline.zip", "files/allowed_signers", f"files/info-{code}.zim"}
    expected |= {f"files/info-{c}.htm" for c in LANGS.codes}
    pdfs = {p.relative_to(site).as_posix() for p in (site / "files" / "print").glob("*.pdf")}
    assert len(pdfs) == PDF_COUNT and pdfs <= links, sorted(pdfs - links)
    assert expected <= links, sorted(expected - links)
    assert not [p for p in links | set(images) if not (site / p).is_file()]
    assert set(images) == {p[:-4] + ".png" for p in pdfs}
    for path, img in images.items():
        assert img.attributes.get("loading") == "lazy" and img.attributes.get("alt") == ""
        with Image.open(site / path) as im:
            assert (int(img.attributes["width"]), int(img.attributes["height"])) == im.size, path
    text = H.parse((site / page_of(code)).read_text(encoding="utf-8")).css_first("article").text()
    for path in links:
        assert format_size((site / path).stat().st_size, TEXTS[code]["decimal"]) in text, f"{code}: no size for {path}"
    assert "[size:" not in text
    fingerprint = signing.fingerprint(signing.read_allowed_signers(site / "files" / "allowed_signers"))
    assert fingerprint in text


def test_files_keep_their_budgets(site):
    budgets = load_budgets()
    assert (site / "files" / "info-offline.zip").stat().st_size <= zip_budget(len(LANGS.codes), budgets)
    assert zip_budget(10, budgets) == budgets["zip_max_bytes"] + budgets["zip_per_extra_language"]
    for code in LANGS.codes:
        assert (site / "files" / f"info-{code}.zim").stat().st_size <= budgets["zim_max_bytes"], code
    for png in (site / "files" / "print").glob("*.png"):
        assert png.stat().st_size <= budgets["preview_max_bytes"], png.name


def test_copy_and_kiwix_leave_the_downloads_out(site):
    with zipfile.ZipFile(site / "files" / "info-offline.zip") as zf:
        names = zf.namelist()
        page = zf.read("en/materials.html").decode("utf-8")
    assert not [n for n in names if n.startswith("files/") or n.endswith((".zim", ".pdf", ".htm"))]
    assert "<img" not in page.split("uw-files-print", 1)[1], "previews load from the website: not in the copy"
    assert f'href="{site_url()}files/print/poster-a4-en.pdf"' in page


def test_pocket_files_are_the_pocket_edition(site):
    for code in LANGS.codes:
        html = (site / "files" / f"info-{code}.htm").read_text(encoding="utf-8")
        assert f'<html lang="{code}"' in html and "materials.html" not in html


@pytest.mark.parametrize("code", LANGS.codes)
def test_kiwix_file(site, code):
    table, call_words = load_checked_contacts(), LANGS.all_call_words()
    problems = zim_problems(site / "files" / f"info-{code}.zim", KIWIX["languages"][code]["iso639_3"], table,
                            call_words, site_url(), strip_links(site, code))
    assert not problems, "\n".join(problems[:20])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_kiwix_serve_serves_every_main_page(site, tmp_path):
    """Debian's kiwix-serve, bound to 127.0.0.1, opens every file and serves its main page."""
    serve = shutil.which("kiwix-serve")
    assert serve, "kiwix-serve is missing: `make test` installs kiwix-tools (APT_PACKAGES in make/offline.mk)"
    port = free_port()
    zims = [site / "files" / f"info-{code}.zim" for code in LANGS.codes]
    proc = subprocess.Popen([serve, "--address=127.0.0.1", f"--port={port}", *map(str, zims)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read().decode() if proc.stderr else ""
                time.sleep(0.1)
        for code in LANGS.codes:
            main = "index.html" if code == DEFAULT else f"{code}/index.html"
            # kiwix-tools 3.3: /<book> redirects to the book's main page
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/info-{code}", timeout=20) as r:
                body, landed = r.read().decode("utf-8"), r.geturl()
            assert landed.endswith(f"/info-{code}/{main}"), (code, landed)
            assert f'lang="{code}"' in body and "uw-strip" in body, code
    finally:
        proc.terminate()
        proc.wait(timeout=10)


# -- over nginx, in a browser -----------------------------------------------

@pytest.fixture(scope="module")
def materials_nginx(site, tmp_path_factory):
    problem = local_nginx.missing()
    if problem:
        pytest.fail(problem)
    proc, (port,) = local_nginx.start([site], tmp_path_factory.mktemp("materials-nginx"))
    yield f"http://127.0.0.1:{port}/"
    proc.terminate()
    proc.wait(timeout=10)


def first_pages(pdfs: list[Path], size: tuple[int, int], tmp: Path, cache: dict) -> dict[Path, Image.Image]:
    """The first page of each PDF, rendered once at `size` (grey)."""
    out = {}
    for pdf in pdfs:
        if (pdf, size) not in cache:
            target = tmp / f"{pdf.stem}-{size[0]}x{size[1]}"
            subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-singlefile", "-gray", "-scale-to-x", str(size[0]),
                            "-scale-to-y", str(size[1]), str(pdf), str(target)], check=True)
            cache[pdf, size] = Image.open(f"{target}.pgm").convert("L")
        out[pdf] = cache[pdf, size]
    return out


def preview_matches(preview: bytes, pdf: Path, others: list[Path], tmp: Path, cache: dict) -> bool:
    """The preview is close to the first page of its PDF, and closer to it
    than to the first page of any other PDF of the same format."""
    shown = Image.open(io.BytesIO(preview)).convert("L")
    pages = first_pages([pdf, *others], shown.size, tmp, cache)
    distance = {p: ImageStat.Stat(ImageChops.difference(shown, page)).mean[0] for p, page in pages.items()}
    return distance[pdf] < 12 and all(distance[pdf] < distance[o] for o in others)


def test_each_language_page_hands_out_working_files(chromium, materials_nginx, site, tmp_path):
    """Open each materials page over nginx, follow every download link and
    check what comes back: the zip unpacks, sha256sum -c passes and ssh-keygen
    verifies it with the key the page publishes; every PDF and every Kiwix
    file is served as built; every preview shows the first page of its PDF. A file linked from several pages is
    checked once (same URL, same bytes)."""
    context = chromium.new_context()
    got: dict[str, bytes] = {}
    checked_pages = []
    for code in LANGS.codes:
        page = context.new_page()
        page.goto(materials_nginx + page_of(code))
        assert page.evaluate("document.documentElement.lang") == code
        urls = page.evaluate("""() => [...document.querySelectorAll("article a[href*='files/'], article img[src*='files/']")]
                                       .map(e => e.href || e.src)""")
        assert len(urls) >= PDF_COUNT * 2 + len(LANGS.codes) + 3, (code, len(urls))
        for url in urls:
            if url not in got:
                # Downloaded as a reader's download does, straight from the
                # server: Playwright's request API passed every byte (the
                # Kiwix files, the zip) through its driver as text.
                with urllib.request.urlopen(url, timeout=20) as response:
                    assert response.status == 200, url
                    got[url] = response.read()
        page.close()
        checked_pages.append(code)
    context.close()
    files = {url[len(materials_nginx):]: body for url, body in got.items()}
    # Served bytes are the built files.
    assert all(body == (site / path).read_bytes() for path, body in files.items())
    # The USB copy, checked as the materials page says.
    unpacked = tmp_path / "copy"
    with zipfile.ZipFile(io.BytesIO(files["files/info-offline.zip"])) as zf:
        zf.extractall(unpacked)
    (tmp_path / "allowed_signers").write_bytes(files["files/allowed_signers"])
    commands = load_materials()["commands"]
    for command in (commands["unix_signature"], commands["linux_files"]):
        result = subprocess.run(["sh", "-c", command], cwd=unpacked, capture_output=True, text=True)
        assert result.returncode == 0, (command, result.stdout, result.stderr)
    assert check_copy(unpacked, tmp_path / "allowed_signers").ok
    # Every PDF is served: its QR codes are not decoded here. The served bytes
    # are the built files (asserted above), and tests/printing/test_print.py
    # renders every page of those same files and decodes every QR code against
    # home_url; decoding them again here cost a second render of all 78 PDFs.
    pdfs = sorted(site / path for path in files if path.endswith(".pdf"))
    assert {p.name for p in pdfs} == {p.name for p in (site / "files" / "print").glob("*.pdf")}
    # Every preview shows the first page of its own PDF (rendered once at the
    # preview's size, for it and for the other PDFs of its format).
    renders, cache = tmp_path / "renders", {}
    renders.mkdir()
    for path, body in files.items():
        if path.endswith(".png"):
            pdf = site / "files" / "print" / (Path(path).stem + ".pdf")
            fmt = re.sub(r"-[a-z]+$", "", pdf.stem)
            others = [p for p in pdfs if p != pdf and re.sub(r"-[a-z]+$", "", p.stem) == fmt]
            assert preview_matches(body, pdf, others, renders, cache), path
    # Every Kiwix file: served byte for byte as built (asserted above), and
    # each built file passes zim_problems in test_kiwix_file; checking the
    # same bytes again here cost a second read of every archive.
    assert {f"files/info-{code}.zim" for code in LANGS.codes} <= set(files)
    assert checked_pages == LANGS.codes


def test_the_preview_check_sees_a_swapped_preview(site, tmp_path):
    """The check of the browser test fails when a preview belongs to another PDF."""
    prints = site / "files" / "print"
    others = [prints / "poster-a4-nl.pdf", prints / "poster-a4-ar.pdf"]
    own = (prints / "poster-a4-en.png").read_bytes()
    cache: dict = {}
    assert preview_matches(own, prints / "poster-a4-en.pdf", others, tmp_path, cache)
    assert not preview_matches(own, prints / "poster-a4-zh.pdf", [prints / "poster-a4-en.pdf"], tmp_path, cache)
