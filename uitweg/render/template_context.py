"""What templates need besides MkDocs' own context: interface strings,
language links, the emergency strip and the quick-exit target."""
from __future__ import annotations

from uitweg.contacts.model import ContactTable
from uitweg.core.languages import Languages


def alternates(current: str, urls: dict[str, str], languages: Languages) -> list[dict]:
    """One entry per language: code, name, site-root URL of the same page,
    and whether it is the current one. `urls` maps language code to URL."""
    return [
        {"code": lang.code, "name": lang.name, "dir": lang.dir, "url": urls[lang.code], "current": lang.code == current}
        for lang in languages.languages if lang.code in urls
    ]


def strip_items(table: ContactTable, languages: Languages, lang: str) -> list[dict]:
    """The emergency strip: first number of each listed contact and its label,
    which says what the number is for (`strip_label` in the contact table;
    without one, the name)."""
    items = []
    for cid in languages.strip:
        contact = table.get(cid)
        phone = contact.phones[0]
        label = contact.strip_label[lang] if contact.strip_label else contact.name[lang]
        items.append({"id": cid, "name": contact.name[lang], "label": label, "number": phone.number, "tel": phone.tel,
                      "short": phone.short, "always_open": bool(phone.always_open), "free": bool(phone.free)})
    return items


def template_context(lang: str, urls: dict[str, str], table: ContactTable, languages: Languages,
                     home: bool = True) -> dict:
    """`home`: a home page (or a static page such as 404.html), which shows
    the whole emergency strip; other pages show the compact strip on phones."""
    language = languages.get(lang)
    return {
        "lang": lang,
        "dir": language.dir,
        "language_name": language.name,
        "home": home,
        "strip_compact": languages.strip_compact,
        # One line on every page until a native speaker has reviewed the language.
        "notice": None if language.reviewed else language.ui["unreviewed_notice"],
        "ui": language.ui,
        "alternates": alternates(lang, urls, languages),
        "strip": strip_items(table, languages, lang),
        "quick_exit": table.quick_exit[lang],
        # For 404.html, which says it in every language: each one's words and home.
        "homes": [{"code": lg.code, "name": lg.name, "dir": lg.dir, "not_found": lg.ui["not_found"],
                   "to_home": lg.ui["to_home"], "url": "" if lg.code == languages.default.code else f"{lg.code}/"}
                  for lg in languages.languages],
    }
