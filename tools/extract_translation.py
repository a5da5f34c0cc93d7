"""Write every text of one language as a translation file: the inverse of
tools/fold_translation.py.

    python tools/extract_translation.py en > translations/template-en.yml
    make extract-translation CODE=en          (writes translations/<CODE>-source.yml)

A translator starts a new language from this file: copy it, change
`language`, translate every text, leave keys, ids, anchors ("to:") and
placeholders ({url}, {zip}, {readme}, {n}…) as they are, and deliver it as
`translations/<code>.yml` for `make fold-translation CODE=<code>`.
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

# languages.yml `ui` keys that the translation file keeps apart (dates and checks).
UI_DATES = ("months", "date_format", "checked", "card_checked", "checked_summary")
CONTACT_FIELDS = ("name", "strip_label", "description", "region")


def load(name: str):
    return yaml.safe_load((DATA / f"{name}.yml").read_text(encoding="utf-8"))


class ExtractError(Exception):
    pass


def extract(code: str) -> dict:
    languages = load("languages")["languages"]
    lang = next((lg for lg in languages if lg["code"] == code), None)
    if lang is None:
        raise ExtractError(f"data/languages.yml has no language {code!r}")
    ui = dict(lang["ui"])
    notice = ui.pop("unreviewed_notice")
    dates = {k: ui.pop(k) for k in UI_DATES if k in ui}
    head = {"code": code, "name": lang["name"]}
    if lang.get("script"):
        head["script"] = lang["script"]
    if lang.get("dir") == "rtl":
        head["dir"] = "rtl"

    contacts_data = load("contacts")
    contacts = {}
    for c in contacts_data["contacts"]:
        entry = {f: c[f][code] for f in CONTACT_FIELDS if isinstance(c.get(f), dict) and code in c[f]}
        hours = [p["hours"][code] for p in c.get("phones", []) if p.get("hours")]
        if hours:
            entry["hours"] = hours
        contacts[c["id"]] = entry
    quick_exit = contacts_data["quick_exit"]

    offline = load("offline")
    readme = next((r for r in offline["bundle"]["readme"] if r["lang"] == code), None)
    if readme is None:
        raise ExtractError(f"data/offline.yml has no read-me with lang: {code}")
    exceptions = load("number_exceptions")
    kiwix = load("kiwix")["languages"][code]
    tr = {
        "language": head,
        "call_words": lang["call_words"],
        "unreviewed_notice": notice,
        "ui": ui,
        "ui_dates": dates,
        "contacts": contacts,
        "print": load("print")["texts"][code],
        "pocket_ui": offline["pocket"]["ui"][code],
        "readme_file": readme["file"],
        "readme": readme["text"],
        "glossary": {term: e[code] for term, e in load("glossary")["terms"].items() if code in e},
        "kiwix": kiwix,
        "materials": load("materials")["texts"][code],
        "units": exceptions["units"][code],
        "texting_words": exceptions["texting_words"][code],
        "time_words": exceptions.get("time_words", {}).get(code, []),
        "search_words": {e["to"]: e[code] for e in load("search_words")["entries"]},
    }
    if quick_exit.get(code, quick_exit["en"]) != quick_exit["en"]:
        tr["quick_exit_url"] = quick_exit[code]
    return tr


def dump(tr: dict) -> str:
    return yaml.safe_dump(tr, allow_unicode=True, sort_keys=False, width=100)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    try:
        sys.stdout.write(dump(extract(argv[0])))
    except ExtractError as err:
        print(err, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
