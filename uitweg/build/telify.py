"""Make every phone number in a rendered page a click-to-call link."""
from __future__ import annotations

from uitweg.contacts.phones import find_numbers
from uitweg.contacts.table import ContactTable
from uitweg.core.html_text import texts

NOT_IN = {"a", "code", "pre", "title", "head", "svg", "button", "label", "option", "kbd", "samp"}


def telify(html: str, table: ContactTable, call_words: frozenset[str]) -> str:
    """Wrap each number of the table that is not a link yet in
    <a href="tel:…" class="tel">. Unknown numbers are left for the output
    check to report."""
    out, last = [], 0
    for t in texts(html):
        if NOT_IN.intersection(t.open):
            continue
        for n in find_numbers(t.text, table, call_words):
            hit = table.phone_by_digits(n.digits)
            if not hit:
                continue
            s, e = t.start + n.start, t.start + n.end
            out.append(html[last:s])
            out.append(f'<a href="{hit[1].tel}" class="tel">{html[s:e]}</a>')
            last = e
    out.append(html[last:])
    return "".join(out)
