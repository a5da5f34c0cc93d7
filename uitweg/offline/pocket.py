"""The pocket edition: one self-contained HTML file per language with every
page of that language (nav order), the emergency strip and the quick exit,
small enough to send through a messaging app.

    python -m uitweg.offline.pocket SITE_DIR OUT_DIR

Built from the finished site (after the post-build steps), so it says exactly
what the site says. Every file passes the output check and its own checks
(self-contained, anchors resolve, size budget) or nothing is written.
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from uitweg.contacts.model import ContactTable
from uitweg.core.html import link_attributes
from uitweg.core.languages import Language, load_languages
from uitweg.core.problems import BuildError, line_at
from uitweg.core.siteconfig import load_mkdocs_yml
from uitweg.gate.output_check import output_problems
from uitweg.gate.table_text import load_checked_contacts
from uitweg.offline.article import PocketError, article_html, first_heading, rewrite
from uitweg.offline.settings import load_offline, pocket_budget
from uitweg.render.template_context import strip_items

TEMPLATES = Path(__file__).parent / "templates"
ID_ATTR = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)')""")


@dataclass(frozen=True)
class PocketFile:
    name: str
    lang: str
    html: str

    @property
    def size(self) -> int:
        return len(self.html.encode("utf-8"))


def nav_files(nav: list) -> list[str]:
    """Markdown files of the nav in order (plain entries, "Title: file", sections)."""
    out: list[str] = []
    for item in nav:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                out += nav_files(value) if isinstance(value, list) else [value] if isinstance(value, str) else []
    return [f for f in out if f.endswith(".md") and "://" not in f]


def site_paths(lang: Language, default: str, md_files: list[str]) -> dict[str, str]:
    """Site path of each page of a language ("en/signs.html") -> slug ("signs")."""
    prefix = "" if lang.code == default else f"{lang.code}/"
    return {prefix + f[:-3] + ".html": Path(f).stem.replace("/", "-") for f in md_files}


def render(site_dir: Path, lang: Language, pages: dict[str, str], other_pages: set[str],
           table: ContactTable, languages, ui: dict) -> str:
    sections = []
    for path, slug in pages.items():
        file = Path(site_dir) / path
        if not file.is_file():
            raise PocketError(f"{file} is missing: every page of the nav must be built for {lang.code}")
        article = article_html(file.read_text(encoding="utf-8"), path)
        sections.append({"slug": slug, "title": first_heading(article) or slug,
                         "html": rewrite(article, path, slug, pages, other_pages)})
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      keep_trailing_newline=True)
    return env.get_template("pocket.html.j2").render(
        lang=lang.code, dir=lang.dir, ui=ui, lang_ui=lang.ui, css=(TEMPLATES / "pocket.css").read_text(encoding="utf-8"),
        quick_exit=table.quick_exit[lang.code], strip=strip_items(table, languages, lang.code), pages=sections)


def pocket_problems(html: str, quick_exit: str, table: ContactTable) -> list[tuple[int, str]]:
    """Self-contained: nothing loads, links go only to tel:, mailto:, anchors
    in the file, the quick exit or a site of the contact table; ids are unique
    and every #anchor has its id."""
    problems = []
    ids: dict[str, int] = {}
    for m in ID_ATTR.finditer(html):
        value = m.group(1) if m.group(1) is not None else m.group(2)
        if value in ids:
            problems.append((line_at(html, m.start()), f"id \"{value}\" is used twice (also line {ids[value]})"))
        ids.setdefault(value, line_at(html, m.start()))
    allowed = {quick_exit} | set(table.websites)
    for line, tag, attr, value in link_attributes(html):
        if attr != "href" or tag == "link":
            problems.append((line, f"<{tag} {attr}=\"{value}\"> refers to another file; the pocket file must be self-contained"))
        elif value.startswith("#"):
            if value[1:] not in ids:
                problems.append((line, f"link {value} has no matching id in the file"))
        elif not (value.startswith(("tel:", "mailto:")) or value in allowed):
            problems.append((line, f"link {value} leaves the file; only tel:, mailto:, #anchors and the quick exit may"))
    return problems


def build_pocket(site_dir: Path) -> list[PocketFile]:
    """Render and check every language; raise PocketError listing all problems."""
    settings = load_offline()["pocket"]
    table, languages = load_checked_contacts(), load_languages()
    call_words = languages.all_call_words()
    nav = nav_files(load_mkdocs_yml()["nav"])
    md_files = [f for f in nav if f[:-3] not in settings["skip"]]
    default = languages.default.code
    paths = {lang.code: site_paths(lang, default, md_files) for lang in languages.languages}
    # Pages left out (the materials page: it offers files a pocket file cannot
    # carry): links to them keep their text only, like links to other languages.
    # They need not be in the nav (mkdocs.yml `not_in_nav`).
    skipped = {p for lang in languages.languages for p in site_paths(lang, default, [f + ".md" for f in settings["skip"]])}
    budget = pocket_budget()
    files, problems = [], []
    for lang in languages.languages:
        name = settings["file"].format(lang=lang.code)
        other = {p for code, ps in paths.items() if code != lang.code for p in ps} | skipped
        html = render(site_dir, lang, paths[lang.code], other, table, languages, settings["ui"][lang.code])
        found = output_problems(html, table, call_words) + pocket_problems(html, table.quick_exit[lang.code], table)
        problems += [f"{name}:{line}: {msg}" for line, msg in found]
        pocket = PocketFile(name, lang.code, html)
        if pocket.size > budget:
            problems.append(f"{name}: {pocket.size:,} bytes is over the budget of {budget:,} (data/budgets.yml, "
                            f"pocket.max_bytes): shorten the pages or trim templates/pocket.css")
        files.append(pocket)
    if problems:
        raise PocketError("The pocket edition has problems:\n  " + "\n  ".join(problems))
    return files


def write_pocket(site_dir: Path, out_dir: Path) -> list[tuple[Path, int]]:
    files = build_pocket(site_dir)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for f in files:
        path = out_dir / f.name
        path.write_text(f.html, encoding="utf-8")
        written.append((path, f.size))
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m uitweg.offline.pocket", description=__doc__.split("\n\n")[0])
    ap.add_argument("site_dir", type=Path)
    ap.add_argument("out_dir", type=Path)
    args = ap.parse_args(argv)
    try:
        written = write_pocket(args.site_dir, args.out_dir)
    except (PocketError, BuildError) as exc:   # BuildError: a broken data file
        print(f"error: {exc}", file=sys.stderr)
        return 1
    budget = pocket_budget()
    for path, size in written:
        print(f"{path}: {size:,} bytes (budget {budget:,})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
