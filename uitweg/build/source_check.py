"""Check one Markdown source file: numbers, links and shortcodes.

Works on the file as the editor wrote it, so each problem names its line."""
from __future__ import annotations

from urllib.parse import unquote

from uitweg.build.shortcodes import shortcode_problems
from uitweg.contacts.links import MARKDOWN_NOT_TEXT, external_problem, find_markdown_links, mask
from uitweg.contacts.phones import describe_unknown, find_numbers, line_at
from uitweg.contacts.table import ContactTable, normalise_digits
from uitweg.core.problems import Problem


def source_problems(text: str, filename: str, table: ContactTable,
                    call_words: frozenset[str]) -> list[Problem]:
    problems: list[Problem] = []
    visible = mask(text, MARKDOWN_NOT_TEXT)
    for n in find_numbers(visible, table, call_words):
        if not table.phone_by_digits(n.digits):
            problems.append(Problem(filename, line_at(text, n.start), describe_unknown(n, table)))
    for link in find_markdown_links(text):
        target = link.target
        if target.lower().startswith("tel:"):
            if not table.phone_by_digits(normalise_digits(unquote(target[4:]))):
                problems.append(Problem(filename, line_at(text, link.offset),
                                        f"tel: link {target} is not a number of the contact table; use [[phone:ID]]"))
        elif (msg := external_problem(target, table)):
            problems.append(Problem(filename, line_at(text, link.offset), msg))
    for offset, msg in shortcode_problems(text, table):
        problems.append(Problem(filename, line_at(text, offset), msg))
    return sorted(problems, key=lambda p: p.line or 0)
