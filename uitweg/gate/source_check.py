"""Check one Markdown source file: numbers, links and shortcodes.

Works on the file as the editor wrote it, so each problem names its line.
What a reader will not see is taken out without moving any character:
link targets, attribute lists and shortcodes become spaces; inline tags
(`<span>`, `<b>`) and emphasis marks (`**`, `_`, backticks) become
zero-width, so `02 **511** 64 65` is judged as the reader sees it.
"""
from __future__ import annotations

import re

from uitweg.contacts.model import ContactTable
from uitweg.core.html import INLINE
from uitweg.core.problems import Problem, line_at
from uitweg.gate.bidi import bidi_problems
from uitweg.gate.links import MARKDOWN_NOT_TEXT, find_markdown_links, link_problem, mask
from uitweg.gate.normalise import browser_url, normalise_text
from uitweg.gate.numbers import describe, judge_numbers
from uitweg.gate.output_check import address_problems, tel_problem
from uitweg.gate.shortcode_syntax import shortcode_problems

ZW = "\u200b"
TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)\b[^>]*>")
COMMENT_MARK = re.compile(r"<!--|-->")
EMPHASIS = re.compile(r"[*_~`]+")
MD_LINK_TEXT = re.compile(r"\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?")


# An inline link: the reader sees its text only, run on with the text around it.
MD_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")


def reader_view(text: str) -> str:
    """The Markdown source with what a reader does not see taken out, same length."""
    visible = MD_LINK.sub(lambda m: ZW + m.group(1) + ZW * (len(m.group(0)) - len(m.group(1)) - 1), text)
    visible = mask(visible, MARKDOWN_NOT_TEXT[:2] + MARKDOWN_NOT_TEXT[3:])   # keep tags for now
    visible = COMMENT_MARK.sub(lambda m: " " * len(m.group(0)), visible)
    visible = TAG.sub(lambda m: (ZW if m.group(1).lower() in INLINE else " ") * len(m.group(0)), visible)
    return EMPHASIS.sub(lambda m: ZW * len(m.group(0)), visible)


# A line that starts a new block: a list item, heading, table row, quote,
# fence, definition, HTML block, or a blank line.
BLOCK_START = re.compile(r"^\s{0,3}(?:[-*+]\s|\d+[.)]\s|#|\||>|```|~~~|:|<|---|\s*$)")


def join_paragraph_lines(text: str, visible: str) -> str:
    """`visible` with each line break inside a paragraph read as a space, as
    a browser shows it (same length). A hard break (two spaces or a
    backslash at the end of the line in `text`) stays a break."""
    lines, written = visible.split("\n"), text.split("\n")
    out = []
    for i, line in enumerate(lines[:-1]):
        go_on = bool(line.strip()) and not written[i].lstrip().startswith(("#", "|", "---")) \
            and not written[i].endswith(("  ", "\\")) and not BLOCK_START.match(written[i + 1])
        out.append(line + (" " if go_on else "\n"))
    return "".join(out) + lines[-1]


def page_language(filename: str) -> str | None:
    """docs/nl/about.md -> "nl"."""
    parts = filename.split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "docs" else None


def source_problems(text: str, filename: str, table: ContactTable,
                    call_words: frozenset[str]) -> list[Problem]:
    problems: list[Problem] = []
    visible = join_paragraph_lines(text, reader_view(text))
    for f in judge_numbers(visible, table, call_words, filename, lang=page_language(filename)):
        if f.refused:
            problems.append(Problem(filename, line_at(text, f.start), describe(f, table)))
    for offset, msg in bidi_problems(text):
        problems.append(Problem(filename, line_at(text, offset), msg))
    tel_texts = {m.start(2): m.group(1) for m in MD_LINK_TEXT.finditer(text)}
    for link in find_markdown_links(text):
        target = browser_url(link.target)
        if target.startswith("tel:"):
            shown = tel_texts.get(link.offset, target[4:])
            if (msg := tel_problem(target, shown, table, call_words)):
                problems.append(Problem(filename, line_at(text, link.offset), msg))
        elif (msg := link_problem(link.target, table, decoded=False)):
            problems.append(Problem(filename, line_at(text, link.offset), msg))
    # E-mail and web addresses as a reader sees them (`hulp&#64;…`, fullwidth `＠`).
    norm = normalise_text(visible)
    for found in address_problems(norm.text, table):
        line = line_at(text, norm.source_span(*found.span)[0])
        if not any(p.line == line and found.needle.lower() in p.message.lower() for p in problems):
            problems.append(Problem(filename, line, found.message))   # not already named as a link
    for offset, msg in shortcode_problems(text, table):
        problems.append(Problem(filename, line_at(text, offset), msg))
    return sorted(set(problems), key=lambda p: (p.line or 0, p.message))
