"""Translation parity, by content (not by dates): every page exists in every
language, names the same contacts, and has the same headings and anchors.

    python -m uitweg.quality.parity [DOCS_DIR]     exit 1 and file:line messages on gaps

Contacts a page names: shortcode ids ([[card:pag-asa]]), phone numbers of the
table written as digits ("bel 1712"), tel: links and e-mail addresses. Each
language version is compared with the first language of data/languages.yml
that has the page (Dutch, unless the Dutch page is missing).
"""
from __future__ import annotations

import difflib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from uitweg.contacts.load import load_contacts
from uitweg.contacts.model import ContactTable, national_digits
from uitweg.core import paths
from uitweg.core.languages import Languages, load_languages
from uitweg.core.problems import BuildError, Problem, line_at
from uitweg.gate.links import MARKDOWN_NOT_TEXT, find_markdown_links, mask
from uitweg.gate.numbers import callable_numbers, judge_numbers
from uitweg.gate.shortcode_syntax import SHORTCODE

HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
ATTR_LIST = re.compile(r"\s*\{:?\s*([^}]*)\}\s*$")
FENCE = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1[ \t]*$", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Heading:
    level: int
    anchor: str | None
    title: str
    line: int

    @property
    def key(self) -> tuple[int, str | None]:
        return self.level, self.anchor

    def markdown(self) -> str:
        return "#" * self.level + " " + self.title + (f" {{#{self.anchor}}}" if self.anchor else "")


@dataclass
class PageFacts:
    """What parity compares in one Markdown file."""
    contacts: dict[str, tuple[int, str]] = field(default_factory=dict)  # id -> (line, how it is named)
    headings: list[Heading] = field(default_factory=list)
    blocks: dict[str, int] = field(default_factory=dict)                # [[directory]] -> line


@dataclass(frozen=True)
class Gap:
    page: str        # "signs.md"
    lang: str        # language whose file has the gap
    file: str        # "docs/en/signs.md"
    line: int | None
    message: str
    missing_page: bool = False

    def problem(self) -> Problem:
        return Problem(self.file, self.line, self.message)


def page_facts(text: str, table: ContactTable, call_words: frozenset[str]) -> PageFacts:
    facts = PageFacts()
    text = FENCE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)

    def name(cid: str, offset: int, how: str) -> None:
        line = line_at(text, offset)
        if cid not in facts.contacts or line < facts.contacts[cid][0]:
            facts.contacts[cid] = (line, how)

    for m in SHORTCODE.finditer(text):
        if m.group(2):
            name(m.group(2), m.start(), m.group(0))
        else:
            facts.blocks.setdefault(m.group(0), line_at(text, m.start()))
    visible = mask(text, MARKDOWN_NOT_TEXT)
    for n in callable_numbers(judge_numbers(visible, table, call_words)):
        hit = table.phone_by_digits(n.digits)
        if hit:
            name(hit[0].id, n.start, f"the number {n.text}")
    emails = table.emails
    for link in find_markdown_links(text):
        target = link.target
        if target.lower().startswith("tel:"):
            hit = table.phone_by_digits(national_digits(unquote(target[4:])))
            if hit:
                name(hit[0].id, link.offset, f"the link {target}")
        elif target.lower().startswith("mailto:"):
            address = unquote(target[7:]).split("?")[0].lower()
            if address in emails:
                name(emails[address].id, link.offset, f"the e-mail address {address}")
    for m in HEADING.finditer(text):
        title, anchor = m.group(2), None
        attrs = ATTR_LIST.search(title)
        if attrs:
            title = title[:attrs.start()]
            ids = re.findall(r"#([\w-]+)", attrs.group(1))
            anchor = ids[0] if ids else None
        facts.headings.append(Heading(len(m.group(1)), anchor, title.strip(), line_at(text, m.start())))
    return facts


def _contact_name(table: ContactTable, cid: str, lang: str) -> str:
    try:
        return f"{table.get(cid).name.get(lang, cid)} ({cid})"
    except KeyError:
        return cid


def compare(page: str, ref_lang: str, ref: PageFacts, lang: str, other: PageFacts,
            table: ContactTable, docs: str = "docs") -> list[Gap]:
    """Gaps of `other` (language `lang`) against the reference version."""
    ref_file, file = f"{docs}/{ref_lang}/{page}", f"{docs}/{lang}/{page}"
    gaps: list[Gap] = []

    def gap(line: int | None, message: str) -> None:
        gaps.append(Gap(page, lang, file, line, message))

    for cid, (ref_line, how) in sorted(ref.contacts.items(), key=lambda kv: kv[1][0]):
        if cid not in other.contacts:
            gap(None, f"{_contact_name(table, cid, lang)} is missing here: {ref_file}:{ref_line} names it "
                      f"with {how}. Name it in this page too (e.g. [[card:{cid}]] or [[name:{cid}]] "
                      "at the same place), or remove it from every language.")
    for cid, (line, how) in sorted(other.contacts.items(), key=lambda kv: kv[1][0]):
        if cid not in ref.contacts:
            gap(line, f"names {_contact_name(table, cid, lang)} with {how}, but {ref_file} does not. "
                      f"Remove it here, or add it to {ref_file} too (every language names the same contacts).")
    for block, ref_line in ref.blocks.items():
        if block not in other.blocks:
            gap(None, f"{block} is missing here: {ref_file}:{ref_line} has it. Add {block} on a line of its own at the same place.")
    for block, line in other.blocks.items():
        if block not in ref.blocks:
            gap(line, f"{block} is here but not in {ref_file}. Remove it here, or add it to {ref_file} too.")
    for line, message in heading_gaps(ref.headings, other.headings, ref_file):
        gap(line, message)
    return gaps


def heading_gaps(ref: list[Heading], other: list[Heading], ref_file: str) -> list[tuple[int | None, str]]:
    """(line in `other`, message) for each heading that differs in level,
    anchor or place from the reference list."""
    out: list[tuple[int | None, str]] = []
    gap = lambda line, message: out.append((line, message))  # noqa: E731
    matcher = difflib.SequenceMatcher(None, [h.key for h in ref], [h.key for h in other], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        # Pair headings in place (a translated anchor, a wrong level); what is
        # left over is missing here or extra here.
        paired = min(i2 - i1, j2 - j1) if op == "replace" else 0
        for r, o in zip(ref[i1:i1 + paired], other[j1:j1 + paired], strict=True):
            if r.level != o.level:
                gap(o.line, f"heading level {'#' * o.level} where {ref_file}:{r.line} has {'#' * r.level} "
                            f"(\"{r.markdown()}\"). Use {'#' * r.level} here.")
            if r.anchor != o.anchor:
                if r.anchor and o.anchor:
                    gap(o.line, f"heading anchor {{#{o.anchor}}} where {ref_file}:{r.line} has {{#{r.anchor}}}. "
                                f"Anchors are never translated: write {{#{r.anchor}}} here.")
                elif r.anchor:
                    gap(o.line, f"heading has no anchor; {ref_file}:{r.line} has {{#{r.anchor}}}. "
                                f"Add {{#{r.anchor}}} at the end of this heading.")
                else:
                    gap(o.line, f"heading anchor {{#{o.anchor}}} is not in {ref_file}:{r.line}. "
                                "Remove it here, or add the same anchor in every language.")
        i1, j1 = i1 + paired, j1 + paired
        before = other[j1 - 1].line if j1 > 0 else None
        for r in ref[i1:i2]:
            where = f"after line {before}" if before else "before the first heading"
            gap(None, f"heading \"{r.markdown()}\" ({ref_file}:{r.line}) is missing here. "
                      f"Add a {'#' * r.level} heading {where}"
                      + (f" with the same anchor {{#{r.anchor}}}." if r.anchor else "."))
        for o in other[j1:j2]:
            gap(o.line, f"heading \"{o.markdown()}\" is not in {ref_file}. Every language has the same "
                        "headings in the same order: remove it here, or add it to every language.")
    return out


def pages_by_language(docs_dir: Path, languages: Languages) -> dict[str, set[str]]:
    """Markdown files (relative to docs/<lang>/) of each language."""
    return {code: {p.relative_to(docs_dir / code).as_posix() for p in sorted((docs_dir / code).rglob("*.md"))}
            for code in languages.codes}


def parity_gaps(docs_dir: Path = paths.DOCS, table: ContactTable | None = None,
                languages: Languages | None = None) -> list[Gap]:
    """Every gap between the language versions of every page."""
    languages = languages or load_languages()
    table = table or load_contacts(languages=languages)
    call_words = languages.all_call_words()
    docs_dir = Path(docs_dir)
    docs = paths.shown(docs_dir)
    by_lang = pages_by_language(docs_dir, languages)
    gaps: list[Gap] = []
    for page in sorted(set().union(*by_lang.values())):
        have = [code for code in languages.codes if page in by_lang[code]]
        ref_lang = have[0]
        for code in languages.codes:
            if code not in have:
                gaps.append(Gap(page, code, f"{docs}/{code}/{page}", None,
                                f"page is missing: {docs}/{ref_lang}/{page} exists. Write {docs}/{code}/{page} "
                                "(same file name, same headings and anchors, same contacts).", missing_page=True))
        facts = {code: page_facts((docs_dir / code / page).read_text(encoding="utf-8"), table, call_words)
                 for code in have}
        for code in have[1:]:
            gaps += compare(page, ref_lang, facts[ref_lang], code, facts[code], table, docs)
    return gaps



def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1 or (args and not Path(args[0]).is_dir()):
        print("usage: python -m uitweg.quality.parity [DOCS_DIR]   (default: docs/)", file=sys.stderr)
        return 2
    docs_dir = Path(args[0]) if args else paths.DOCS
    try:
        gaps = parity_gaps(docs_dir)
    except BuildError as err:
        print(err, file=sys.stderr)
        return 1
    if gaps:
        print(BuildError([g.problem() for g in gaps], "The translations differ (see `make i18n-status`)"),
              file=sys.stderr)
        return 1
    pages = len(set().union(*pages_by_language(docs_dir, load_languages()).values()))
    print(f"Translation parity OK: {pages} pages in {', '.join(load_languages().codes)}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
