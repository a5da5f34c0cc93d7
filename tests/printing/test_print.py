"""Print materials: the PDFs as a printer and a phone see them.

The PDFs checked are the session's product build (the `site` fixture: its
`python -m uitweg.printing` run, copied by the materials step into
site/files/print/, which is what readers download): every page rendered with
pdftoppm and every QR code read with zxing-cpp once per test run; text, page
sizes and fonts read with poppler-utils. What only a build of its own can
show (it follows the site_url of the mkdocs.yml it is given, it replaces an
old output folder) is shown by a small real build: one format, two languages.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml
from print_checks import (
    check_qr_texts,
    columns,
    contrast_with_white,
    find_qr_codes,
    flat,
    fonts,
    number_problems,
    page_sizes_mm,
    pages_lines,
    quiet_zone_dirty_px,
    render,
    text,
)

from conftest import copy_project
from uitweg.contacts.load import load_contacts
from uitweg.core.languages import load_languages
from uitweg.core.problems import BuildError
from uitweg.core.siteconfig import home_url
from uitweg.gate.numbers import callable_numbers, judge_numbers
from uitweg.printing.build import placeholder_warning
from uitweg.printing.build import render as render_edition
from uitweg.printing.fonts import Face, family_list, font_face_css, load_faces
from uitweg.printing.layouts import CSS_FILE, Layouts, editions
from uitweg.printing.qr import make_qr, url_problem
from uitweg.printing.texts import PRINT_DATA, load_print_data


def find_numbers(text, table, call_words):
    """The numbers a reader could call in `text`: the table's and the refused ones."""
    return callable_numbers(judge_numbers(text, table, call_words))

ROOT = Path(__file__).resolve().parents[2]
# 150 dpi still gives every QR module at least 3.5 pixels (the smallest code
# is 20 mm wide); 200 dpi cost twice the render and decode time.
DPI = 150
LANGUAGES = load_languages()
LANGS = LANGUAGES.codes
# The multilingual sheets carry the three national and most used languages (issue 13):
# nine would not fit on a card; every language has its own edition.
TRILINGUAL = ["nl", "en", "fr"]
TABLE = load_contacts()

# What the issue asks for, written here independently of data/print.yml:
# format -> (width mm, height mm, pages, smallest QR code in mm, has a trilingual edition)
FORMATS = {
    "poster-a4": (210, 297, 1, 35, False),
    "poster-a3": (297, 420, 1, 35, True),
    "tearoff-a4": (210, 297, 1, 35, False),
    "card": (85.6, 54, 2, 20, True),
    "sticker": (70, 70, 1, 20, True),
}
EXPECTED = {f"{name}-{lang}.pdf": (name, lang)
            for name, spec in FORMATS.items()
            for lang in LANGS + (["trilingual"] if spec[4] else [])}
# Faces the PDFs may embed ("Uitweg-<face>"), and the face a language's own script
# needs beyond DejaVu (Latin, Cyrillic, Arabic, Persian): named here, not read from data/print_fonts.yml.
FACES = ("Sans", "CJK", "Thai", "Ethiopic")
SCRIPT_FACE = {"zh": "CJK", "th": "Thai", "ti": "Ethiopic"}
ALL_NUMBERS = ["emergency", "police", "line-1712", "child-focus", "pag-asa", "payoke", "surya"]
KEY_NUMBERS = ["emergency", "line-1712", "pag-asa"]
# Cards and stickers are carried and stuck where an exploiter may see them.
REVEALING = ["mensenhandel", "prostitu", "uitbuit", "trafficking", "exploit", "traite"]


def digits(cid: str) -> str:
    return TABLE.get(cid).phones[0].digits


def expected_url(lang: str, mkdocs_yml: Path) -> str:
    code = LANGUAGES.default.code if lang == "trilingual" else lang
    return home_url(code, LANGUAGES.default.code, mkdocs_yml)


def scan(pdfs: dict[str, Path], image_dir: Path) -> dict[str, list[tuple[Path, list]]]:
    """name -> [(page image at DPI, QR codes found on it), …]."""
    return {name: [(image, find_qr_codes(image, DPI)) for image in render(pdf, DPI, image_dir)]
            for name, pdf in pdfs.items()}


def check_address_printed(pdf: Path, url: str, name: str) -> None:
    """The addresses on `url`'s host printed in clear on the PDF are `url`
    alone, without its scheme."""
    host = url.split("://", 1)[1].split("/", 1)[0]
    printed = set(re.findall(re.escape(host) + r"\S*", flat(text(pdf))))
    assert printed == {url.split("://", 1)[1].rstrip("/")}, f"{name}: printed addresses {printed}"


# The session's print build (tests/conftest.py build_command) reads site_url
# from the project's own mkdocs.yml; home_url, not the print code, says where
# each QR code must lead.
MKDOCS_YML = ROOT / "mkdocs.yml"


@pytest.fixture(scope="module")
def pdfs(site) -> dict[str, Path]:
    """The session's print PDFs as the materials page hands them out."""
    return {p.name: p for p in (site / "files" / "print").glob("*.pdf")}


@pytest.fixture(scope="module")
def scans(pdfs, tmp_path_factory) -> dict[str, list[tuple[Path, list]]]:
    return scan(pdfs, tmp_path_factory.mktemp("scans"))


# -- the build -------------------------------------------------------------

@pytest.mark.slow
def test_the_product_has_every_format_and_language_and_nothing_else(pdfs):
    assert set(pdfs) == set(EXPECTED)


# The small build: a copy of the project with two languages, its
# data/print.yml cut to one format (a sticker per language and the
# trilingual one: 3 PDFs, about 1 s), into a folder holding a stale file,
# with a site_url that is not the project's (another host, a path, no
# closing slash).
SMALL_LANGS = (LANGUAGES.default.code, "en")
SMALL_FORMAT = "sticker"
SMALL_SITE_URL = "https://hulp.test/x"
SMALL_EXPECTED = {name: edition for name, edition in EXPECTED.items()
                  if edition[0] == SMALL_FORMAT and edition[1] in SMALL_LANGS + ("trilingual",)}


@pytest.fixture(scope="module")
def small_project(tmp_path_factory) -> Path:
    """A copy of the sources with the two languages of SMALL_LANGS."""
    return copy_project(tmp_path_factory.mktemp("small") / "project", languages=SMALL_LANGS)


def one_format(project: Path, fmt: str, dest: Path, **change) -> Path:
    """The project's data/print.yml with format `fmt` alone (its settings
    updated with `change`), written to `dest`."""
    data = yaml.safe_load((project / "data" / "print.yml").read_text(encoding="utf-8"))
    data["formats"] = {fmt: {**data["formats"][fmt], **change}}
    dest.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dest


@pytest.fixture(scope="module")
def small_config(tmp_path_factory, small_project) -> tuple[Path, Path]:
    """(mkdocs.yml, print.yml) of the small build."""
    folder = tmp_path_factory.mktemp("small-config")
    mkdocs = folder / "mkdocs.yml"
    mkdocs.write_text(f"site_name: Uitweg\nsite_url: {SMALL_SITE_URL}\n", encoding="utf-8")
    return mkdocs, one_format(small_project, SMALL_FORMAT, folder / "print.yml")


@pytest.fixture(scope="module")
def small_build(tmp_path_factory, small_project, small_config):
    """A real build of one format, over an older output folder holding a stale file."""
    mkdocs, texts = small_config
    out = tmp_path_factory.mktemp("dist") / "print"
    out.mkdir()
    (out / "stale.pdf").write_bytes(b"old")
    result = subprocess.run([sys.executable, "-m", "uitweg.printing", "--out", str(out), "--mkdocs", str(mkdocs),
                             "--texts", str(texts)], cwd=small_project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return out, result


@pytest.mark.slow
def test_the_build_replaces_the_old_folder_and_writes_what_it_says(small_build):
    out, result = small_build
    assert sorted(p.name for p in out.iterdir()) == sorted(SMALL_EXPECTED)
    assert not (out / "stale.pdf").exists(), "the old output folder must be replaced as a whole"
    leftovers = [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.")]
    assert leftovers == [], "temporary folders left behind"
    lines = [line for line in result.stdout.splitlines() if line.endswith(" KB")]
    assert sorted(Path(line.split()[0]).name for line in lines) == sorted(SMALL_EXPECTED), result.stdout


@pytest.mark.slow
def test_the_build_follows_the_site_url_of_the_mkdocs_yml_it_is_given(small_build, small_config, tmp_path):
    """Every QR code and printed address of the small build leads to the home
    page of its language under SMALL_SITE_URL, not under the project's address."""
    out, _ = small_build
    mkdocs, _ = small_config
    assert not expected_url("en", mkdocs).startswith(expected_url(LANGUAGES.default.code, MKDOCS_YML))
    found = scan({name: out / name for name in SMALL_EXPECTED}, tmp_path)
    for name, (_, lang) in SMALL_EXPECTED.items():
        url = expected_url(lang, mkdocs)
        assert url.startswith(SMALL_SITE_URL + "/")
        codes = [qr for _, page in found[name] for qr in page]
        check_qr_texts(codes, url, name)
        check_address_printed(out / name, url, name)


@pytest.mark.slow
def test_placeholder_domain_warns_but_still_builds(small_build):
    out, result = small_build
    assert "warning" in result.stderr and "hulp.test" in result.stderr and "mkdocs.yml" in result.stderr
    assert list(out.glob("*.pdf"))


def test_only_reserved_domains_warn():
    assert placeholder_warning("https://uitweg.example/")
    assert placeholder_warning("https://uitweg.test/")
    assert placeholder_warning("https://www.uitweg.be/") is None


# -- paper -----------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_count_and_size(pdfs, name):
    width, height, pages, _, _ = FORMATS[EXPECTED[name][0]]
    sizes = page_sizes_mm(pdfs[name])
    assert len(sizes) == pages
    for w, h in sizes:
        # 1 pt tolerance
        assert abs(w - width) <= 0.36 and abs(h - height) <= 0.36, f"page is {w:.1f} x {h:.1f} mm"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fonts_are_embedded_and_only_the_print_faces(pdfs, name):
    rows = fonts(pdfs[name])
    assert rows, "no fonts at all?"
    for row in rows:
        assert row["emb"] == "yes", f"font not embedded: {row['line']}"
        # Only the @font-face faces (DejaVu, WenQuanYi, Loma, Abyssinica SIL): no system fallback
        # font, which Pango would take for a letter none of the faces has.
        assert re.fullmatch(rf"[A-Z]{{6}}\+Uitweg-({'|'.join(FACES)})(-Bold)?", row["name"]), row["line"]
    # A card has no list of language names: the faces it embeds are those of its own script.
    fmt, lang = EXPECTED[name]
    if fmt == "card":
        names = {re.sub(r"^[A-Z]{6}\+Uitweg-|-Bold$", "", row["name"]) for row in rows}
        wanted = {"Sans"} | ({SCRIPT_FACE[lang]} if lang in SCRIPT_FACE else set())
        assert names == wanted, f"{name}: faces {sorted(names)}, expected {sorted(wanted)}"


@pytest.mark.slow
def test_accented_letters_come_out_right(pdfs):
    assert "Sürya" in text(pdfs["poster-a4-fr.pdf"])
    assert "êtres" in text(pdfs["poster-a4-fr.pdf"]) and "spécialisée" in text(pdfs["card-fr.pdf"])
    assert "België" in text(pdfs["poster-a4-nl.pdf"])


def _letters(s: str) -> str:
    """Letters only, in compatibility form: pdftotext breaks lines, marks bidi runs
    and may give Arabic presentation forms."""
    return "".join(ch for ch in flat(s) if ch.isalpha())


@pytest.mark.slow   # needs every PDF rendered (~20 CPU seconds): left to `make test`
@pytest.mark.parametrize("lang", LANGS)
def test_each_languages_poster_has_its_own_headline(pdfs, lang):
    # The headline as the translator wrote it, against the text of the rendered PDF.
    headline = yaml.safe_load(PRINT_DATA.read_text(encoding="utf-8"))["texts"][lang]["poster"]["headline"]
    for name in (f"poster-a4-{lang}.pdf", f"tearoff-a4-{lang}.pdf"):
        assert _letters(headline) in _letters(text(pdfs[name])), f"{name}: no {headline!r}"


def test_css_colours_stay_dark_enough_for_black_and_white_printing():
    css = CSS_FILE.read_text(encoding="utf-8")
    colours = set(re.findall(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b", css))
    assert colours, "no colours found: did the stylesheet move?"
    for colour in colours:
        assert contrast_with_white(colour) >= 7, f"{colour} is too light on white paper"


# -- QR codes --------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_qr_code_opens_the_home_page_of_its_language(scans, name):
    url = expected_url(EXPECTED[name][1], MKDOCS_YML)
    found = [qr for _, codes in scans[name] for qr in codes]
    check_qr_texts(found, url, name)
    assert url_problem(found[0].text) is None  # https, no query, no tracking


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_qr_code_is_big_and_robust_enough_to_scan(scans, name):
    smallest = FORMATS[EXPECTED[name][0]][3]
    for image, codes in scans[name]:
        for qr in codes:
            assert qr.width_mm >= smallest, f"{name}: QR code is {qr.width_mm:.1f} mm wide, needs {smallest} mm"
            assert qr.ec_level in ("M", "Q", "H"), f"{name}: error correction {qr.ec_level}"
            dirty = quiet_zone_dirty_px(image, qr)
            assert dirty == 0, f"{name}: {dirty} dark pixels in the 4-module quiet zone"


def test_a_wrong_address_in_a_qr_code_is_caught(tmp_path):
    """The check that guards the QR codes fails for a code that opens another page."""
    import weasyprint
    svg = make_qr("https://uitweg.example/en/").svg.replace("<svg ", '<svg width="100%" height="100%" ')
    html = f'<html><body style="margin:0"><div style="width:30mm;height:30mm">{svg}</div></body></html>'
    pdf = tmp_path / "wrong.pdf"
    weasyprint.HTML(string=html).write_pdf(pdf)
    image = render(pdf, DPI, tmp_path)[0]
    found = find_qr_codes(image, DPI)
    check_qr_texts(found, "https://uitweg.example/en/", "control")  # the real text passes…
    with pytest.raises(AssertionError, match="opens 'https://uitweg.example/en/'"):
        check_qr_texts(found, "https://uitweg.example/", "nl sheet")  # …and a different one fails
    with pytest.raises(AssertionError, match="no readable QR code"):
        check_qr_texts([], "https://uitweg.example/", "blank sheet")


def test_ink_in_the_quiet_zone_is_seen(tmp_path):
    """The quiet-zone check finds a line drawn 1 mm from the symbol (inside its 4 modules)."""
    import weasyprint
    qr = make_qr("https://uitweg.example/")
    svg = qr.svg.replace("<svg ", '<svg width="100%" height="100%" ')
    box = qr.box_mm(20)
    symbol_right = box - (box - 20) / 2
    html = (f'<html><body style="margin:5mm"><div style="position:relative;width:{box}mm;height:{box}mm">{svg}'
            f'<div style="position:absolute;top:0;bottom:0;left:{symbol_right + 1}mm;border-left:0.3mm solid #000">'
            f'</div></div></body></html>')
    pdf = tmp_path / "ink.pdf"
    weasyprint.HTML(string=html).write_pdf(pdf)
    image = render(pdf, DPI, tmp_path)[0]
    [found] = find_qr_codes(image, DPI)
    assert quiet_zone_dirty_px(image, found) > 0


def test_tracking_parameters_are_refused():
    with pytest.raises(ValueError, match="tracking"):
        make_qr("https://uitweg.example/?utm_source=poster")
    with pytest.raises(ValueError, match="https"):
        make_qr("http://uitweg.example/")


# -- text ------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_number_comes_from_the_contact_table(pdfs, name):
    layout = columns(text(pdfs[name], layout=True))
    numbers = find_numbers(layout, TABLE, LANGUAGES.all_call_words())
    assert numbers, "no phone numbers found"
    unknown = [n.text for n in numbers if TABLE.phone_by_digits(n.digits) is None]
    assert unknown == [], f"{name}: numbers not in data/contacts.yml: {unknown}"
    found = {n.digits for n in numbers}
    fmt = EXPECTED[name][0]
    wanted = KEY_NUMBERS if fmt == "sticker" else ALL_NUMBERS
    missing = [cid for cid in wanted if digits(cid) not in found]
    assert missing == [], f"{name}: missing numbers of {missing}"
    if fmt == "sticker":
        assert 2 <= len(found) <= 4, f"a sticker shows the 2-4 most important numbers, not {sorted(found)}"
    # Written as in the table ("02 511 64 64"), never re-typed.
    plain = flat(text(pdfs[name]))
    for cid in wanted:
        assert TABLE.get(cid).phones[0].number in plain


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_message_is_in_the_right_language(pdfs, name):
    fmt, lang = EXPECTED[name]
    texts = yaml.safe_load(PRINT_DATA.read_text(encoding="utf-8"))["texts"]
    section = "short" if fmt in ("card", "sticker") else "poster"
    # Letters only: pdftotext moves spaces around punctuation inside Arabic runs.
    plain = _letters(text(pdfs[name]))
    shown = TRILINGUAL if lang == "trilingual" else [lang]
    for code in LANGS:
        headline = _letters(texts[code][section]["headline"])
        if code in shown:
            assert headline in plain, f"{name}: {code} headline {headline!r} missing"
            if section == "poster":
                assert _letters(texts[code]["labels"]["scan"]) in plain
        else:
            assert headline not in plain, f"{name}: the {code} headline is on a {lang} sheet"
    if section == "poster" and lang != "trilingual":
        paragraphs = [texts[lang]["poster"]["what"]] + (texts[lang]["poster"]["lines"] if fmt != "tearoff-a4" else [])
        for line in paragraphs:
            if LANGUAGES.get(lang).dir == "rtl":
                # pdftotext gives the wrapped lines of a right-to-left paragraph in
                # another order and may split a word at a vowel mark: every letter of
                # the line must be on the page (the headline above is checked whole).
                missing = Counter(_letters(line)) - Counter(plain)
                assert not missing, f"{line}: {missing}"
            else:
                assert _letters(line) in plain


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if EXPECTED[n][0] in ("card", "sticker")))
def test_cards_and_stickers_stay_discreet(pdfs, name):
    plain = text(pdfs[name]).lower()
    assert [w for w in REVEALING if w in plain] == []


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if EXPECTED[n][0] not in ("card", "sticker")))
def test_posters_say_what_it_is_and_where_help_is_free(pdfs, name):
    plain = flat(text(pdfs[name]))
    texts = yaml.safe_load(PRINT_DATA.read_text(encoding="utf-8"))["texts"]
    lang = EXPECTED[name][1]
    for code in (TRILINGUAL if lang == "trilingual" else [lang]):
        assert flat(texts[code]["labels"]["free"]) in plain
        assert flat(texts[code]["labels"]["always_open"]) in plain


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_address_is_printed_in_clear(pdfs, name):
    url = expected_url(EXPECTED[name][1], MKDOCS_YML)
    check_address_printed(pdfs[name], url, name)


# -- data/print.yml --------------------------------------------------------

def _values(node):
    if isinstance(node, dict):
        for value in node.values():
            yield from _values(value)
    elif isinstance(node, list):
        for value in node:
            yield from _values(value)
    elif isinstance(node, str):
        yield node


def test_print_texts_hold_no_numbers_or_addresses():
    raw = PRINT_DATA.read_text(encoding="utf-8")
    # Every value except contact ids ("line-1712" is an id, not a number).
    values = [v for v in _values(yaml.safe_load(raw)) if v not in TABLE.ids]
    assert len(values) > 50, "the texts were not read"
    for value in values:
        assert find_numbers(value, TABLE, LANGUAGES.all_call_words()) == [], value
        assert not re.search(r"[\w.+-]+@[\w-]+\.\w|https?://|www\.", value), value
    load_print_data(TABLE, LANGUAGES)  # and it loads clean


def test_a_number_typed_into_the_texts_stops_the_build(tmp_path):
    data = yaml.safe_load(PRINT_DATA.read_text(encoding="utf-8"))
    data["texts"]["nl"]["short"]["line"] = "Bel 02 511 64 46 of 1712."
    data["texts"]["en"]["labels"]["scan"] = "Mail info@pag-asa.be"
    path = tmp_path / "print.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(BuildError) as err:
        load_print_data(TABLE, LANGUAGES, path)
    message = str(err.value)
    assert "'02 511 64 46'" in message and "'1712'" in message and "info@pag-asa.be" in message
    assert re.search(r"print\.yml:\d+:", message), "problems must name the line"


def test_missing_text_unknown_id_and_small_qr_are_reported(tmp_path):
    data = yaml.safe_load(PRINT_DATA.read_text(encoding="utf-8"))
    del data["texts"]["fr"]["short"]["headline"]
    data["formats"]["card"]["help"].append("no-such-centre")
    data["formats"]["card"]["qr_mm"] = 15
    path = tmp_path / "print.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(BuildError) as err:
        load_print_data(TABLE, LANGUAGES, path)
    message = str(err.value)
    assert "fr: `short.headline` must be a text" in message
    assert "unknown contact id 'no-such-centre'" in message
    assert "qr_mm 15 is too small" in message


@pytest.mark.slow
def test_text_that_does_not_fit_stops_the_build_and_keeps_the_old_pdfs(tmp_path, small_project):
    """The layout gate: an over-long text fails the build; dist/print stays as it was."""
    # The build renders every language of each format in the file: the small
    # project's sticker format without its trilingual edition (2 PDFs) is the
    # least that holds sticker-en.
    path = one_format(small_project, "sticker", tmp_path / "print.yml", trilingual=False)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["texts"]["en"]["short"]["headline"] = "Need help? " * 12
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "print"
    out.mkdir()
    (out / "keep.pdf").write_bytes(b"previous build")
    result = subprocess.run([sys.executable, "-m", "uitweg.printing", "--out", str(out), "--texts", str(path)],
                            cwd=small_project, capture_output=True, text=True)
    assert result.returncode == 1
    assert "sticker-en.pdf" in result.stderr and "do not fit" in result.stderr
    assert (out / "keep.pdf").read_bytes() == b"previous build"
    assert (tmp_path / "print.failed" / "sticker-en.pdf").exists()
    shutil.rmtree(tmp_path / "print.failed")


# -- scripts: every letter from a real glyph -------------------------------

THAI_LETTERS = "กขคงจฉช"
ETHIOPIC_LETTERS = "ሀለሐመሠረሰ"
KHMER_LETTERS = "កខគឃងចឆ"   # no face has Khmer, and no font on the build machine either
DEJAVU = Face("Sans", "fonts-dejavu-core", Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))


def _letter_shapes(tmp_path: Path, letters: str, faces) -> list[bytes]:
    """Each letter printed alone in a cell, as the pixels of its ink (trimmed)."""
    import weasyprint
    from PIL import Image, ImageOps
    cells = "".join(f'<div style="position:absolute;left:{5 + 15 * i}mm;top:5mm;width:15mm;height:15mm">{ch}</div>'
                    for i, ch in enumerate(letters))
    html = (f"<html><head><style>{font_face_css(faces)} @page {{ size: {10 + 15 * len(letters)}mm 25mm; margin: 0 }}"
            f" body {{ font-family: {family_list(faces)}; font-size: 24pt }}</style></head><body>{cells}</body></html>")
    pdf = tmp_path / "letters.pdf"
    weasyprint.HTML(string=html).write_pdf(pdf)
    [page] = render(pdf, 100, tmp_path)
    image = Image.open(page).convert("L")
    px_per_mm = 100 / 25.4
    shapes = []
    for i in range(len(letters)):
        x = (5 + 15 * i) * px_per_mm
        cell = image.crop((round(x), round(5 * px_per_mm), round(x + 15 * px_per_mm), round(20 * px_per_mm)))
        box = ImageOps.invert(cell).getbbox()
        shapes.append(cell.crop(box).tobytes() if box else b"")
    return shapes


@pytest.mark.parametrize("letters", [THAI_LETTERS, ETHIOPIC_LETTERS], ids=["thai", "ethiopic"])
def test_thai_and_ethiopic_letters_print_as_real_glyphs(tmp_path, letters):
    """With the faces of data/print_fonts.yml every letter has ink of its own; an empty
    box (.notdef, "tofu") looks the same for every letter it stands in for."""
    faces = load_faces()
    shapes = _letter_shapes(tmp_path, letters, faces)
    assert all(shapes), "a letter printed no ink at all"
    assert len(set(shapes)) == len(letters), "some letters look the same: empty boxes instead of glyphs"
    used = {row["name"].split("+", 1)[1] for row in fonts(tmp_path / "letters.pdf")}
    assert used & {"Uitweg-Thai", "Uitweg-Ethiopic"}, f"not set in a print face: {used}"


def test_the_glyph_check_sees_empty_boxes(tmp_path):
    """The control: letters no font has print as identical boxes, which the check above refuses."""
    (tmp_path / "khmer").mkdir()
    shapes = _letter_shapes(tmp_path / "khmer", KHMER_LETTERS, [DEJAVU])
    assert all(shapes) and len(set(shapes)) == 1


def test_a_letter_no_face_has_stops_the_build_and_the_others_get_their_face(tmp_path):
    """One edition through the build's own render step: the Khmer letters (no face)
    are named, the Thai and Ethiopic ones are set in their faces."""
    data = yaml.safe_load(PRINT_DATA.read_text(encoding="utf-8"))
    data["texts"]["en"]["short"]["line"] = f"{THAI_LETTERS[:3]} {ETHIOPIC_LETTERS[:3]} {KHMER_LETTERS[:2]}"
    path = tmp_path / "print.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    texts = load_print_data(TABLE, LANGUAGES, path)
    layouts = Layouts(texts, TABLE, LANGUAGES, lambda code: expected_url(code, MKDOCS_YML))
    [edition] = [e for e in editions(texts, LANGUAGES) if e.filename == "sticker-en.pdf"]
    problems = render_edition(layouts, edition, tmp_path / edition.filename)
    missing = [p for p in problems if "no print font" in p]
    assert len(missing) == 1, problems
    assert "U+1780" in missing[0] and "U+1781" in missing[0]
    assert "U+0E01" not in missing[0] and "U+1200" not in missing[0]   # Thai and Ethiopic have faces
    assert "data/print_fonts.yml" in missing[0] and "make/print.mk" in missing[0]
    used = {row["name"].split("+", 1)[1] for row in fonts(tmp_path / edition.filename)}
    assert {"Uitweg-Thai", "Uitweg-Ethiopic"} <= used, used


def test_every_font_package_is_installed_by_make():
    """The faces' Debian packages are the print packages of make/print.mk (build and install line)."""
    packages = {face.package for face in load_faces()}
    makefile = (ROOT / "make" / "print.mk").read_text(encoding="utf-8")
    for variable in ("APT_PACKAGES", "BUILD_PACKAGES"):
        listed = set(re.search(rf"^{variable} \+=(.*)$", makefile, re.M).group(1).split())
        assert packages <= listed, f"{variable} lacks {packages - listed}"
    install = set(re.search(r"install-system-packages\.sh(.*)$", makefile, re.M).group(1).split())
    assert packages <= install, f"make print does not install {packages - install}"


# -- numbers as a reader sees them -------------------------------------------

def _printed_numbers(fmt: str) -> list[str]:
    spec = yaml.safe_load(PRINT_DATA.read_text(encoding="utf-8"))["formats"][fmt]
    ids = dict.fromkeys(spec.get("help", []) + spec.get("centres", []) + spec.get("strip", []))
    return [TABLE.get(cid).phones[0].number for cid in ids]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_number_reads_whole_left_to_right_and_alone(pdfs, name):
    """Issue 24: a number never breaks over two lines, its groups read left to right in
    order in every language (Arabic and Persian too), and no other digits touch it.
    Read from where poppler says each word is drawn, not from the PDF's text order."""
    fmt, lang = EXPECTED[name]
    rtl = lang != "trilingual" and LANGUAGES.get(lang).dir == "rtl"
    problems = [p for number in _printed_numbers(fmt) for p in number_problems(pdfs[name], number, rtl)]
    assert problems == []


def _number_check_pdf(tmp_path: Path, body: str) -> Path:
    import weasyprint
    css = CSS_FILE.read_text(encoding="utf-8")
    html = (f'<html><head><style>@font-face {{ font-family: S; src: url("{DEJAVU.regular.as_uri()}") }}'
            f"{css} body {{ font-family: S; font-size: 14pt }}</style></head><body>{body}</body></html>")
    pdf = tmp_path / f"numbers-{len(list(tmp_path.glob('*.pdf')))}.pdf"
    weasyprint.HTML(string=html).write_pdf(pdf)
    return pdf


def test_the_number_check_sees_broken_reversed_and_touching_numbers(tmp_path):
    persian = "کمک وجود دارد"
    broken = _number_check_pdf(tmp_path, '<p style="width: 62mm">Bel het nummer 02 511 64 64 nu</p>')
    assert any("not whole" in p for p in number_problems(broken, "02 511 64 64", False))
    reversed_ = _number_check_pdf(tmp_path, f'<p dir="rtl">{persian} 02 511 64 64 {persian}</p>')
    assert any("not whole" in p for p in number_problems(reversed_, "02 511 64 64", True))
    touching = _number_check_pdf(tmp_path, f'<p dir="rtl">{persian} <span class="tel">03 201 16 90</span><b>24/7</b></p>')
    assert any("touches" in p for p in number_problems(touching, "03 201 16 90", True))
    # The stylesheet's number span keeps the same numbers whole and in order.
    kept = _number_check_pdf(tmp_path, f'<p style="width: 62mm">Bel het nummer <span class="tel">02 511 64 64</span> nu</p>'
                                       f'<p dir="rtl">{persian} <span class="tel" dir="ltr">02 511 64 64</span> {persian}</p>')
    assert number_problems(kept, "02 511 64 64", True) == []


# -- right to left: the sheet mirrored -----------------------------------------

RTL = [code for code in LANGS if LANGUAGES.get(code).dir == "rtl"]
LTR_REFERENCE = LANGUAGES.default.code


def _qr_centre_x(scans, name: str) -> float:
    """Where the QR code is across its page: 0 left edge, 1 right edge."""
    for image, codes in scans[name]:
        for qr in codes:
            from PIL import Image
            return (qr.box[0] + qr.box[2]) / 2 / Image.open(image).width
    raise AssertionError(f"{name}: no QR code")


def _word_centre_x(pdf: Path, word: str) -> float:
    width, _, lines = pages_lines(pdf)[0]
    [found] = [w for line in lines for w in line.words if w.text == word]
    return (found.x0 + found.x1) / 2 / width


@pytest.mark.slow
@pytest.mark.parametrize("lang", RTL)
def test_right_to_left_editions_are_mirrored(pdfs, scans, lang):
    """Issue 24: the Arabic (and Persian) editions are the mirror image of the others:
    the QR code on the other side, the first number card top right, headings from the right."""
    ref = LTR_REFERENCE
    for fmt, ltr_side in (("card", "right"), ("sticker", "right"), ("poster-a4", "left"), ("tearoff-a4", "right")):
        assert (_qr_centre_x(scans, f"{fmt}-{ref}.pdf") > 0.5) == (ltr_side == "right"), f"{fmt}-{ref}: QR side"
        assert (_qr_centre_x(scans, f"{fmt}-{lang}.pdf") > 0.5) == (ltr_side == "left"), f"{fmt}-{lang}: QR not mirrored"
    emergency = TABLE.get("emergency").phones[0].number
    assert _word_centre_x(pdfs[f"poster-a4-{ref}.pdf"], emergency) < 0.5
    assert _word_centre_x(pdfs[f"poster-a4-{lang}.pdf"], emergency) > 0.5, "the first number card is not top right"
    # The headline (the biggest text above the numbers) starts at the right margin.
    for code, side in ((ref, "left"), (lang, "right")):
        width, height, lines = pages_lines(pdfs[f"poster-a4-{code}.pdf"])[0]
        top = [line for line in lines if not line.vertical and line.words[0].y1 < height * 0.3]
        biggest = max(line.size(line.words[0]) for line in top)
        headline = [line for line in top if line.size(line.words[0]) > 0.8 * biggest]
        margin_pt = yaml.safe_load(PRINT_DATA.read_text(encoding="utf-8"))["formats"]["poster-a4"]["margin"] * 72 / 25.4
        for line in headline:
            x0, x1 = min(w.x0 for w in line.words), max(w.x1 for w in line.words)
            edge = x0 - margin_pt if side == "left" else width - margin_pt - x1
            assert abs(edge) < 6, f"poster-a4-{code}: headline line {x0:.0f}-{x1:.0f} pt does not start on the {side}"
