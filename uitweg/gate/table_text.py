"""Contact table text is text: names, descriptions, regions, hours, address
and any other text field of data/contacts.yml may hold no markup, no phone
number (numbers belong in `phones`), no web or e-mail address (they belong
in `websites` and `emails`); and every web address of the table (`websites`,
`quick_exit`) is plain ASCII https with an ordinary host name, so a
lookalike (Cyrillic "а" for Latin "a", punycode `xn--`) or a `user@host`
address that sends readers elsewhere cannot be entered.

Default deny: every string of an entry is judged except the fields that are
data, not text (listed in NOT_TEXT). The text is normalised as a reader sees
it (`normalise.py`) before judging, so entities and other digit scripts
change nothing. Each problem is (key path, message); `load_checked_contacts`
turns the key path into `data/contacts.yml:LINE: entry 'id', field '…'`.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from uitweg.contacts.load import load_contacts, located, shown_path
from uitweg.contacts.model import ContactTable
from uitweg.core import paths
from uitweg.core.filecache import cached_loader
from uitweg.core.languages import load_languages
from uitweg.core.problems import BuildError
from uitweg.core.yamlfile import load_with_lines
from uitweg.gate.normalise import WORD_CHAR, reader_text
from uitweg.gate.numbers import judge_numbers

# Fields that hold data checked elsewhere (numbers, addresses, dates, the
# seed file), not text shown to readers as prose.
NOT_TEXT = {"id", "kind", "number", "emails", "websites", "source", "sources", "verified", "checked",
            "free", "always_open"}
TAG = re.compile(r"<\s*[/!?A-Za-z]|&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
MARKDOWN = re.compile(r"\]\s*\(|\[\[|!\[|`")
URL = re.compile(r"\b[a-z][a-z0-9+.-]*:/*[^\s]|\bwww\.", re.IGNORECASE)
HOST = re.compile(r"\b(?:[a-z0-9-]+\.)+[a-z]{2,}\b", re.IGNORECASE)
EMAIL = re.compile(r"\S@\S")
HOSTNAME = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$")
# Words with a dot that are not host names ("o.a.", "e.g.", "bv.").
ABBREVIATION = re.compile(r"^(?:[a-z]{1,3}\.)+[a-z]{1,3}$", re.IGNORECASE)

WHAT_TO_DO = "write plain text here"


def _strings(value, path: tuple) -> Iterator[tuple[tuple, str]]:
    """(key path, text) of every string under `value`, skipping data fields."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            if key not in NOT_TEXT:
                yield from _strings(child, path + (key,))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _strings(child, path + (i,))


def text_problem(text: str) -> str | None:
    """What makes `text` more than plain text, or None."""
    if TAG.search(text):
        return (f"{text!r} contains markup (a tag or an entity such as &amp;); {WHAT_TO_DO}: "
                "the site shows it exactly as written, type the character itself")
    if MARKDOWN.search(text):
        return f"{text!r} contains Markdown or a shortcode (links, images, code, [[…]]); {WHAT_TO_DO}"
    if (mixed := _mixed_script_word(text)):
        return (f"{text!r}: the word {mixed!r} mixes alphabets ({', '.join(sorted(_scripts(mixed)))}), "
                "which is how lookalike names are made; type it again in one alphabet")
    seen = reader_text(text)
    if EMAIL.search(seen):
        return f"{text!r} contains an e-mail address; put it in the entry's `emails` and {WHAT_TO_DO}"
    if URL.search(seen) or any(not ABBREVIATION.match(m.group(0)) for m in HOST.finditer(seen)):
        return (f"{text!r} contains a web address; put it in the entry's `websites` (with its source) "
                f"and {WHAT_TO_DO}")
    return None


def _scripts(word: str) -> set[str]:
    """The alphabets of the letters of `word` ("LATIN", "CYRILLIC", …)."""
    return {unicodedata.name(c, "?").split(" ")[0] for c in word if c.isalpha()}


def _mixed_script_word(text: str) -> str | None:
    # A word with its combining marks (Thai "ที่PAG" is one word, as "ทPAG" is).
    for word in re.findall(rf"{WORD_CHAR}+", text):
        if len(_scripts(word)) > 1:
            return word
    return None


def number_problems(text: str, table) -> list[str]:
    """Phone-like digit runs in a text field. A long number never belongs in
    text (it is in `phones`, where the site writes and links it); a short run
    must be a short number of the table or be explained (a year, a postcode
    with its place, a house number, a quantity), as on a page."""
    out = []
    for f in judge_numbers(text, table, load_languages().all_call_words()):
        if f.refused or (f.known and not f.short):
            out.append(f"{text!r} contains the number {f.text.strip()}; phone numbers belong in the entry's "
                       "`phones` (the site shows them with a call link). Remove it from this text; if it is "
                       "not a phone number, write it with its unit or place (\"365 dagen\", \"1020 Brussel\")")
    return out


def url_problem(url: str) -> str | None:
    """A web address of the table: ASCII https, an ordinary host, no userinfo."""
    if any(ord(c) < 0x21 or ord(c) > 0x7E for c in url) or "\\" in url:
        shown = "".join(c if 0x21 <= ord(c) <= 0x7E else f"<U+{ord(c):04X} {unicodedata.name(c, '?')}>"
                        for c in url)
        return (f"{shown} has characters outside plain ASCII (a lookalike letter, a space or a backslash); "
                "type the address again by hand from the organisation's own site")
    if (bad := set(url) & set("<>\"'`{}|^")):
        return f"{url!r} contains {' '.join(sorted(bad))}, which a web address never has; check it"
    parts = urlsplit(url)
    if "@" in parts.netloc:
        return (f"{url!r} has a user part (`…@host`): a browser goes to the host after the @, not to the "
                "name before it; write only https://host/…")
    host = parts.netloc
    if parts.port is not None or ":" in host:
        return f"{url!r} names a port; write the address without ':port'"
    if not HOSTNAME.match(host):
        return f"{url!r} has no ordinary host name (lower-case letters, digits, dashes and dots); check it"
    if any(label.startswith("xn--") for label in host.split(".")):
        return (f"{url!r} is an internationalised (punycode xn--) host, which can imitate another site; "
                "use the organisation's plain ASCII address")
    return None


def table_text_problems(data: dict, table) -> list[tuple[tuple, str]]:
    """(key path, message) for every text field of the table that is not
    plain text, and every lookalike or userinfo web address."""
    problems: list[tuple[tuple, str]] = []
    for i, entry in enumerate(data.get("contacts") or []):
        base = ("contacts", i)
        for path, text in _strings(entry, base):
            msg = text_problem(text)
            if msg:
                problems.append((path, msg))
                continue
            problems += [(path, m) for m in number_problems(text, table)]
        for j, url in enumerate(entry.get("websites") or []):
            if (msg := url_problem(url)):
                problems.append((base + ("websites", j), msg))
    for code, url in (data.get("quick_exit") or {}).items():
        if (msg := url_problem(url)):
            problems.append((("quick_exit", code), f"quick-exit address for {code!r}: {msg}"))
    return problems


@cached_loader   # once per build, not once per language (static-i18n re-runs on_config)
def load_checked_contacts(path: Path | str = paths.CONTACTS, languages=None) -> ContactTable:
    """The contact table, loaded and validated (`uitweg.contacts.load`), with
    its texts judged by the gate; a BuildError names each problem's line."""
    path = Path(path)
    table = load_contacts(path, languages)
    data, lines = load_with_lines(path)
    shown = shown_path(path)
    problems = [located(shown, data, lines, keypath, message) for keypath, message in table_text_problems(data, table)]
    if problems:
        raise BuildError(problems, f"The contact table {shown} is not valid")
    return table
