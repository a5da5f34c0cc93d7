"""HTML for each print format, from the contact table and data/print.yml.

The Jinja2 templates in templates/ receive plain values: texts as lists of
(lang, text) pairs, so the same template serves one language or all of them
(trilingual), and every piece of text carries its own `lang` attribute.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import jinja2

from uitweg.contacts.model import ContactTable
from uitweg.core.languages import Languages
from uitweg.printing.fonts import Face, family_list, font_face_css, load_faces
from uitweg.printing.qr import QRCode, make_qr
from uitweg.printing.sample import sample_mark_png
from uitweg.printing.texts import Format, PrintData

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
CSS_FILE = TEMPLATES / "print.css"
TRILINGUAL = "trilingual"
# The faces (one per script) come from data/print_fonts.yml (fonts.py).
# The multilingual sheets (`trilingual: true` in data/print.yml) carry these
# languages: more would not fit on a card; every language has its own edition.
MULTILINGUAL = ("nl", "en", "fr")

SMALL_NUMBER_RE = re.compile(r"(?<=\w) (?=\d{1,2}\b)|(?<=\b\d) (?=\w)|(?<=\b\d\d) (?=\w)")
Text = list  # [(lang, text), …]: one pair per language shown, duplicates dropped


@dataclass(frozen=True)
class Row:
    """One number as printed: "112  Noodgeval  [gratis] [24/7]"."""
    id: str
    number: str            # as written in Belgium, with no-break spaces: never split over two lines
    digits: str
    label: Text
    place: Text            # city of a centre, else empty
    strip_name: Text       # name on a tear-off strip; empty when the name is the number ("1712")
    badges: tuple          # (Text, …): "gratis", "24/7"
    hours: Text            # opening hours when not always open and the table knows them
    label_of: dict         # lang -> label, hours_of: lang -> hours ("" if none), for
    hours_of: dict         # layouts with one column per language


@dataclass(frozen=True)
class Edition:
    """One PDF: a format in one language, or in all of them."""
    format: Format
    lang: str              # a language code or "trilingual"
    langs: tuple[str, ...]

    @property
    def filename(self) -> str:
        return f"{self.format.name}-{self.lang}.pdf"

    @property
    def trilingual(self) -> bool:
        return self.lang == TRILINGUAL


def editions(data: PrintData, languages: Languages) -> list[Edition]:
    out = []
    for fmt in data.formats:
        out += [Edition(fmt, code, (code,)) for code in languages.codes]
        if fmt.trilingual:
            out.append(Edition(fmt, TRILINGUAL, tuple(c for c in languages.codes if c in MULTILINGUAL)))
    return out


def typo(text: str, lang: str) -> str:
    """French spacing: a no-break space before ? ! : ; so they never start a line."""
    if lang == "fr":
        for mark in "?!:;":
            text = text.replace(f" {mark}", f"\u00a0{mark}")
    # "jonger dan 18", "moins de 18 ans": a small number stays with its words.
    return SMALL_NUMBER_RE.sub("\u00a0", text)


def _text(pairs) -> Text:
    seen, out = set(), []
    for lang, text in pairs:
        if text and text not in seen:
            seen.add(text)
            out.append((lang, typo(text, lang)))
    return out


class Layouts:
    """Renders the HTML of every edition; one instance per build."""

    def __init__(self, data: PrintData, table: ContactTable, languages: Languages,
                 home_url, site_name: str = "Uitweg", sample: bool = False, faces: tuple[Face, ...] | None = None):
        self.data, self.table, self.languages = data, table, languages
        self.sample = sample  # site_url is a placeholder: every page says "sample, not for printing"
        self._marks: dict[tuple, str] = {}
        self.home_url = home_url  # lang -> URL of that language's home page
        self.site_name = site_name
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                      undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.env.filters["typo"] = typo
        self.css = CSS_FILE.read_text(encoding="utf-8")
        faces = load_faces() if faces is None else faces
        self.font_faces = font_face_css(faces)
        self.font_family = family_list(faces)

    def url(self, edition: Edition) -> str:
        """The trilingual sheets open the default language, at the site root."""
        return self.home_url(self.languages.default.code if edition.trilingual else edition.lang)

    def qr(self, edition: Edition) -> QRCode:
        return make_qr(self.url(edition))

    # -- texts -----------------------------------------------------------
    def sample_mark(self, langs) -> str:
        """The mark's picture for these languages (made once per set of languages)."""
        key = tuple(langs)
        if key not in self._marks:
            self._marks[key] = sample_mark_png(self.t(langs, "labels", "sample"), self.font_faces, self.font_family)
        return self._marks[key]

    def t(self, langs, section: str, key: str) -> Text:
        return _text((lang, self.data.texts[lang][section][key]) for lang in langs)

    def label(self, cid: str, lang: str, short: bool) -> str:
        """The role label from data/print.yml; else the name from the contact table."""
        texts = self.data.texts[lang]
        groups = ("contacts_short", "contacts") if short else ("contacts",)
        for group in groups:
            if (texts.get(group) or {}).get(cid):
                return texts[group][cid]
        return self.table.get(cid).name[lang]

    def row(self, cid: str, langs, short: bool = False) -> Row:
        contact = self.table.get(cid)
        phone = contact.phones[0]
        labels = [(lang, self.label(cid, lang, short)) for lang in langs]
        place = []
        if contact.kind == "specialised-centre" and contact.region:
            place = [(lang, contact.region[lang].split(",")[0].strip()) for lang in langs]
        badges = []
        if phone.free:
            badges.append(self.t(langs, "labels", "free"))
        if phone.always_open:
            badges.append(self.t(langs, "labels", "always_open"))
        hours = []
        if not phone.always_open and phone.hours:
            hours = [(lang, phone.hours[lang]) for lang in langs]
        names = [(lang, contact.name[lang]) for lang in langs
                 if phone.digits not in contact.name[lang].replace(" ", "")]
        return Row(id=cid, number=phone.number.replace(" ", "\u00a0"), digits=phone.digits,
                   label=_text(labels), place=_text(place), strip_name=_text(names),
                   badges=tuple(badges), hours=_text(hours),
                   label_of={lang: typo(text, lang) for lang, text in labels},
                   hours_of={lang: typo(text, lang) for lang, text in hours})

    # -- html -------------------------------------------------------------
    def html(self, edition: Edition) -> str:
        fmt, langs = edition.format, edition.langs
        qr = self.qr(edition)
        doc_lang = self.languages.default.code if edition.trilingual else edition.lang
        title_key = ("poster", "headline") if fmt.layout in ("poster", "tearoff") else ("short", "headline")
        context = {
            "fmt": fmt,
            "edition": edition,
            "langs": langs,
            "doc_lang": doc_lang,
            "doc_dir": self.languages.get(doc_lang).dir,
            "trilingual": edition.trilingual,
            "texts": self.data.texts,
            "t": lambda section, key: self.t(langs, section, key),
            "rows": lambda ids, short=False: [self.row(cid, langs, short) for cid in ids],
            "qr": qr,
            "qr_box_mm": qr.box_mm(fmt.qr_mm),
            "language_names": [(lang.code, lang.name, lang.dir) for lang in self.languages.languages],
            "site_name": self.site_name,
            "sample": self.sample_mark(langs) if self.sample else "",
            "title": f"{self.site_name} – " + " / ".join(text for _, text in self.t(langs, *title_key)),
            "css": self.css,
            "font_faces": self.font_faces,
            "font_family": self.font_family,
            "content_w": fmt.width_mm - 2 * fmt.margin_mm,
            "content_h": fmt.height_mm - 2 * fmt.margin_mm,
        }
        return self.env.get_template(f"{fmt.layout}.html.j2").render(context)
