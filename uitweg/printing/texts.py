"""data/print.yml: the formats and texts of the print materials; load and check.

Every problem (missing text, unknown contact id, a QR code too small to scan,
a phone number typed into a text) is collected with its line, then one
BuildError stops the build, as for the contact table.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from uitweg.contacts.model import ContactTable
from uitweg.core import paths
from uitweg.core.languages import Languages
from uitweg.core.problems import BuildError, Problem
from uitweg.core.yamlfile import line_of, load_data
from uitweg.gate.addresses import emails, web_addresses
from uitweg.gate.normalise import reader_text
from uitweg.gate.numbers import callable_numbers, judge_numbers

PRINT_DATA = paths.DATA / "print.yml"

LAYOUTS = ("poster", "tearoff", "card", "sticker")
# Smallest QR code (without quiet zone) that scans at the distance each layout
# is read from: about a tenth of the distance, 2 cm in the hand.
MIN_QR_MM = {"poster": 35, "tearoff": 35, "card": 20, "sticker": 20}
# Contact lists each layout needs.
LISTS = {"poster": ("help", "centres"), "tearoff": ("help", "centres", "strip"),
         "card": ("help", "centres"), "sticker": ("help",)}
# Text keys every language needs: section -> keys ("[]" marks a list of lines).
TEXT_KEYS = {
    "poster": ("headline", "what", "lines[]", "help_title", "centres_title"),
    "short": ("headline", "line", "centres_title", "centres_line"),
    "tearoff": ("tear", "strip_headline"),
    "labels": ("free", "always_open", "scan", "sample"),
}
# Optional labels per contact id: on posters, and on cards and stickers.
LABEL_GROUPS = ("contacts", "contacts_short")


@dataclass(frozen=True)
class Format:
    name: str                       # "poster-a4": file names are "<name>-<lang>.pdf"
    layout: str
    width_mm: float
    height_mm: float
    margin_mm: float
    text_pt: float
    qr_mm: float
    trilingual: bool
    help: tuple[str, ...]
    centres: tuple[str, ...] = ()
    strip: tuple[str, ...] = ()
    strips: int = 0

    @property
    def pages(self) -> int:
        return 2 if self.layout == "card" else 1


@dataclass(frozen=True)
class PrintData:
    formats: tuple[Format, ...]
    texts: dict                     # lang -> {section -> {key -> text}}
    path: Path



def load_print_data(table: ContactTable, languages: Languages, path: Path | str = PRINT_DATA) -> PrintData:
    path = Path(path)
    shown = paths.shown(path)
    data, lines = load_data(path, "print")  # YAML and structure; the checks below need the table
    problems: list[Problem] = []

    def add(keypath: tuple, message: str) -> None:
        problems.append(Problem(shown, line_of(lines, keypath), message))

    if not isinstance(data, dict) or not isinstance(data.get("formats"), dict) or not isinstance(data.get("texts"), dict):
        raise BuildError([Problem(shown, 1, "needs two sections: `formats:` and `texts:`")], "The print texts are not valid")

    formats = [f for name, spec in data["formats"].items() if (f := _format(name, spec, table, add))]
    texts = data["texts"]
    for code in languages.codes:
        if code not in texts:
            add(("texts",), f"no texts for language {code!r}; add `{code}:` with the same keys as the others")
    for code, sections in texts.items():
        if code not in languages.codes:
            add(("texts", code), f"unknown language {code!r}; data/languages.yml has {', '.join(languages.codes)}")
            continue
        _check_texts(code, sections, table, add)
    _check_no_contact_data(texts, table, languages, add)
    if problems:
        raise BuildError(problems, f"The print texts {shown} are not valid")
    return PrintData(tuple(formats), texts, path)


def _format(name: str, spec, table: ContactTable, add) -> Format | None:
    base = ("formats", name)
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", str(name)):
        add(base, f"format name {name!r} must be lower case letters, digits and dashes (it becomes the file name)")
        return None
    if not isinstance(spec, dict):
        add(base, f"format {name!r} must be a mapping of layout, page, margin, text_pt, qr_mm, trilingual, help")
        return None
    ok = True
    layout = spec.get("layout")
    if layout not in LAYOUTS:
        add(base + ("layout",), f"format {name!r}: layout {layout!r} is not one of {', '.join(LAYOUTS)}")
        return None
    page = spec.get("page")
    if not (isinstance(page, list) and len(page) == 2 and all(_positive(v) for v in page)):
        add(base + ("page",), f"format {name!r}: page must be [width, height] in mm, e.g. [210, 297]")
        ok = False
    for key in ("margin", "text_pt", "qr_mm"):
        if not _positive(spec.get(key)):
            add(base + (key,), f"format {name!r}: {key} must be a positive number")
            ok = False
    if ok and spec["qr_mm"] < MIN_QR_MM[layout]:
        add(base + ("qr_mm",), f"format {name!r}: qr_mm {spec['qr_mm']} is too small to scan; a {layout} needs at least {MIN_QR_MM[layout]} mm")
        ok = False
    if not isinstance(spec.get("trilingual"), bool):
        add(base + ("trilingual",), f"format {name!r}: trilingual must be true or false")
        ok = False
    lists = {}
    for key in LISTS[layout]:
        ids = spec.get(key)
        if not isinstance(ids, list) or not ids:
            add(base + (key,), f"format {name!r}: layout {layout} needs `{key}:`, a list of contact ids of data/contacts.yml")
            ok = False
            continue
        for i, cid in enumerate(ids):
            try:
                contact = table.get(cid)
            except KeyError:
                add(base + (key, i), f"format {name!r}: unknown contact id {cid!r}; data/contacts.yml has {', '.join(table.ids)}")
                ok = False
                continue
            if not contact.phones:
                add(base + (key, i), f"format {name!r}: contact {cid!r} has no phone number in data/contacts.yml; print materials list numbers")
                ok = False
        lists[key] = tuple(ids)
    strips = spec.get("strips", 0)
    if layout == "tearoff" and not (isinstance(strips, int) and 3 <= strips <= 12):
        add(base + ("strips",), f"format {name!r}: strips must be a whole number from 3 to 12")
        ok = False
    if not ok:
        return None
    return Format(name=name, layout=layout, width_mm=float(page[0]), height_mm=float(page[1]),
                  margin_mm=float(spec["margin"]), text_pt=float(spec["text_pt"]), qr_mm=float(spec["qr_mm"]),
                  trilingual=spec["trilingual"], strips=strips if layout == "tearoff" else 0, **lists)


def _positive(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0


def _check_texts(code: str, sections, table: ContactTable, add) -> None:
    base = ("texts", code)
    if not isinstance(sections, dict):
        add(base, f"texts of {code!r} must be a mapping of sections ({', '.join(TEXT_KEYS)}, contacts)")
        return
    for section, keys in TEXT_KEYS.items():
        values = sections.get(section)
        if not isinstance(values, dict):
            add(base, f"{code}: missing section `{section}:` with {', '.join(k.rstrip('[]') for k in keys)}")
            continue
        for key in keys:
            is_list = key.endswith("[]")
            key = key.rstrip("[]")
            value = values.get(key)
            if is_list:
                good = isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value)
                what = "a list of lines"
            else:
                good = isinstance(value, str) and value.strip()
                what = "a text"
            if not good:
                add(base + (section, key) if key in values else base + (section,),
                    f"{code}: `{section}.{key}` must be {what}")
    for group in LABEL_GROUPS:
        labels = sections.get(group) or {}
        if not isinstance(labels, dict):
            add(base + (group,), f"{code}: `{group}:` must map contact ids to labels")
            continue
        for cid, label in labels.items():
            if cid not in table.ids:
                add(base + (group, cid), f"{code}: label for unknown contact id {cid!r}; data/contacts.yml has {', '.join(table.ids)}")
            elif not (isinstance(label, str) and label.strip()):
                add(base + (group, cid), f"{code}: label of {cid!r} must be a text")


def _strings(node, keypath=()):
    if isinstance(node, str):
        yield keypath, node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from _strings(v, keypath + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _strings(v, keypath + (i,))


def _check_no_contact_data(texts: dict, table: ContactTable, languages: Languages, add) -> None:
    """Numbers and addresses live in data/contacts.yml only, never in texts."""
    call_words = languages.all_call_words()
    for keypath, text in _strings(texts, ("texts",)):
        for number in callable_numbers(judge_numbers(text, table, call_words)):
            add(keypath, f"phone number {number.text!r} typed in a text; numbers come from data/contacts.yml "
                         f"(list the contact id under `formats:` instead)")
        seen = reader_text(text)
        for _, _, found in emails(seen):
            add(keypath, f"e-mail address {found!r} in a text; e-mail addresses live in data/contacts.yml only")
        if web_addresses(seen):
            add(keypath, "web address in a text; the printed address comes from site_url in mkdocs.yml")
