"""Print materials: the PDFs as a printer and a phone see them.

One real build (`python -m uitweg.printing`) into a temporary folder; every
page rendered at 200 dpi with pdftoppm and every QR code read with zxing-cpp;
text, page sizes and fonts read with poppler-utils.
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
    contrast_with_white,
    find_qr_codes,
    flat,
    fonts,
    page_sizes_mm,
    quiet_zone_dirty_px,
    render,
    text,
)

from uitweg.contacts.load import load_contacts
from uitweg.core.languages import load_languages
from uitweg.core.problems import BuildError
from uitweg.core.siteconfig import home_url
from uitweg.gate.numbers import callable_numbers, judge_numbers
from uitweg.printing.build import placeholder_warning
from uitweg.printing.layouts import CSS_FILE
from uitweg.printing.qr import make_qr, url_problem
from uitweg.printing.texts import PRINT_DATA, load_print_data


def find_numbers(text, table, call_words):
    """The numbers a reader could call in `text`: the table's and the refused ones."""
    return callable_numbers(judge_numbers(text, table, call_words))

ROOT = Path(__file__).resolve().parents[2]
# 150 dpi still gives every QR module at least 3.5 pixels (the smallest code
# is 20 mm wide); 200 dpi cost twice the render and decode time.
DPI = 150
SITE_URL = "https://uitweg.example/"
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
ALL_NUMBERS = ["emergency", "police", "line-1712", "child-focus", "pag-asa", "payoke", "surya"]
KEY_NUMBERS = ["emergency", "line-1712", "pag-asa"]
# Cards and stickers are carried and stuck where an exploiter may see them.
REVEALING = ["mensenhandel", "prostitu", "uitbuit", "trafficking", "exploit", "traite"]


def digits(cid: str) -> str:
    return TABLE.get(cid).phones[0].digits


def expected_url(lang: str, mkdocs_yml: Path) -> str:
    code = LANGUAGES.default.code if lang == "trilingual" else lang
    return home_url(code, LANGUAGES.default.code, mkdocs_yml)


@pytest.fixture(scope="module")
def mkdocs_yml(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("config") / "mkdocs.yml"
    path.write_text(f"site_name: Uitweg\nsite_url: {SITE_URL}\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def build(tmp_path_factory, mkdocs_yml):
    """One real build, over an older output folder holding a stale file."""
    out = tmp_path_factory.mktemp("dist") / "print"
    out.mkdir()
    (out / "stale.pdf").write_bytes(b"old")
    result = subprocess.run([sys.executable, "-m", "uitweg.printing", "--out", str(out), "--mkdocs", str(mkdocs_yml)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return out, result


@pytest.fixture(scope="module")
def pdfs(build) -> dict[str, Path]:
    out, _ = build
    return {p.name: p for p in out.glob("*.pdf")}


@pytest.fixture(scope="module")
def scans(pdfs, tmp_path_factory) -> dict[str, list[tuple[Path, list]]]:
    """name -> [(page image at DPI, QR codes found on it), …]."""
    image_dir = tmp_path_factory.mktemp("scans")
    return {name: [(image, find_qr_codes(image, DPI)) for image in render(pdf, DPI, image_dir)]
            for name, pdf in pdfs.items()}


# -- the build -------------------------------------------------------------

@pytest.mark.slow
def test_build_writes_every_format_and_language_and_nothing_else(build, pdfs):
    out, result = build
    assert set(pdfs) == set(EXPECTED)
    assert not (out / "stale.pdf").exists(), "the old output folder must be replaced as a whole"
    leftovers = [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.")]
    assert leftovers == [], "temporary folders left behind"
    lines = [line for line in result.stdout.splitlines() if line.endswith(" KB")]
    assert sorted(Path(line.split()[0]).name for line in lines) == sorted(EXPECTED), result.stdout


@pytest.mark.slow
def test_placeholder_domain_warns_but_still_builds(build, pdfs):
    _, result = build
    assert "warning" in result.stderr and "uitweg.example" in result.stderr and "mkdocs.yml" in result.stderr
    assert pdfs


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
def test_fonts_are_embedded_dejavu_only(pdfs, name):
    rows = fonts(pdfs[name])
    assert rows, "no fonts at all?"
    for row in rows:
        assert row["emb"] == "yes", f"font not embedded: {row['line']}"
        # Only the @font-face faces (DejaVu Sans, Bold; WenQuanYi for Chinese): no system fallback font.
        assert re.fullmatch(r"[A-Z]{6}\+Uitweg-(Sans|CJK)(-Bold)?", row["name"]), row["line"]


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
def test_qr_code_opens_the_home_page_of_its_language(scans, mkdocs_yml, name):
    url = expected_url(EXPECTED[name][1], mkdocs_yml)
    found = [qr for _, codes in scans[name] for qr in codes]
    check_qr_texts(found, url, name)
    assert len(found) == 1, f"{name}: {len(found)} QR codes, expected one"
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
    layout = text(pdfs[name], layout=True)
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
        assert _letters(texts[lang]["poster"]["what"]) in plain
        for line in texts[lang]["poster"]["lines"] if fmt != "tearoff-a4" else []:
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
def test_address_is_printed_in_clear(pdfs, mkdocs_yml, name):
    url = expected_url(EXPECTED[name][1], mkdocs_yml)
    host = url.split("://", 1)[1].split("/", 1)[0]
    printed = set(re.findall(re.escape(host) + r"\S*", flat(text(pdfs[name]))))
    assert printed == {url.split("://", 1)[1].rstrip("/")}, f"{name}: printed addresses {printed}"


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
def test_text_that_does_not_fit_stops_the_build_and_keeps_the_old_pdfs(tmp_path, mkdocs_yml):
    """The layout gate: an over-long text fails the build; dist/print stays as it was."""
    data = yaml.safe_load(PRINT_DATA.read_text(encoding="utf-8"))
    data["formats"] = {"sticker": data["formats"]["sticker"]}
    data["texts"]["en"]["short"]["headline"] = "Need help? " * 12
    path = tmp_path / "print.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "print"
    out.mkdir()
    (out / "keep.pdf").write_bytes(b"previous build")
    result = subprocess.run([sys.executable, "-m", "uitweg.printing", "--out", str(out), "--mkdocs", str(mkdocs_yml),
                             "--texts", str(path)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "sticker-en.pdf" in result.stderr and "do not fit" in result.stderr
    assert (out / "keep.pdf").read_bytes() == b"previous build"
    assert (tmp_path / "print.failed" / "sticker-en.pdf").exists()
    shutil.rmtree(tmp_path / "print.failed")
