"""Accessibility gates on the built site: the page language (<html lang>),
hreflang links between translations, and axe-core results in words an
editor can act on. The browser side (Playwright, Debian chromium) is in
tests/quality/test_a11y.py; these are plain functions over files and axe's JSON.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from uitweg.core import html, paths
from uitweg.core.languages import Languages, load_languages
from uitweg.core.problems import Problem, line_at
from uitweg.quality.settings import origin, page_language

AXE_JS = paths.ROOT / "node_modules" / "axe-core" / "axe.min.js"


@dataclass(frozen=True)
class Head:
    """<html lang> and the <link rel="alternate" hreflang> of <head>, with lines."""
    lang: str | None
    lang_line: int
    alternates: list[tuple[str, str, int]]   # (hreflang, href, line)


def read_head(path: Path) -> Head:
    """Read as a browser does (uitweg.core.html); lines are for messages."""
    text = Path(path).read_text(encoding="utf-8")
    tree = html.parse(text)
    root = tree.css_first("html")
    lang = root.attributes.get("lang") if root is not None else None
    located = list(html.located_attributes(text, {"lang", "hreflang"}.__contains__))
    lang_line = next((line for line, tag, name, _ in located if (tag, name) == ("html", "lang")),
                     html.line_of(text, "<html") or 1)
    # Both walk the same parse in document order: the n-th <link hreflang> has the n-th line.
    lines = [line for line, tag, name, _ in located if (tag, name) == ("link", "hreflang")]
    links = [n for n in html.elements(tree) if n.tag == "link" and "hreflang" in n.attributes]
    alternates = []
    for link, line in zip(links, lines, strict=True):
        rel = (link.attributes.get("rel") or "").lower().split()   # rel tokens ignore case
        if "alternate" in rel and "head" in html.ancestors(link):
            alternates.append((link.attributes.get("hreflang") or "", link.attributes.get("href") or "", line))
    return Head(lang, lang_line, alternates)


def lang_problems(site_dir: Path, pages: list[Path], languages: Languages | None = None,
                  label: str = "site") -> list[Problem]:
    """Each page's <html lang> must be the language of its folder."""
    languages = languages or load_languages()
    problems = []
    for path in pages:
        rel = path.relative_to(site_dir).as_posix()
        want = page_language(rel, languages)
        head = read_head(path)
        lang, line = head.lang, head.lang_line
        if lang != want:
            problems.append(Problem(f"{label}/{rel}", line, f"<html lang=\"{lang or ''}\"> but this page is in {want!r}: "
                                    "screen readers would read it with the wrong voice. The language comes from the "
                                    "i18n plugin settings in mkdocs.yml (reconfigure_material) and the folder "
                                    f"docs/{want}/; this page is {origin(rel, languages)}."))
    return problems


def alternate_problems(site_dir: Path, pages: list[Path], site_url: str,
                       languages: Languages | None = None, label: str = "site") -> list[Problem]:
    """Each page links every language version of itself (and x-default, the
    default language) with <link rel="alternate" hreflang>, and every such
    link opens an existing page in that language."""
    languages = languages or load_languages()
    wanted = languages.codes + ["x-default"]
    problems = []
    for path in pages:
        rel = path.relative_to(site_dir).as_posix()
        head = read_head(path)
        where = f"{label}/{rel}"
        fix = "The links come from overrides/main.html (block extrahead, uitweg.alternates)."
        found = {code for code, _, _ in head.alternates}
        for code in wanted:
            if code not in found:
                problems.append(Problem(where, None, f"no <link rel=\"alternate\" hreflang=\"{code}\"> in <head>. {fix}"))
        for code, href, line in head.alternates:
            target_lang = languages.default.code if code == "x-default" else code
            if target_lang not in languages.codes:
                problems.append(Problem(where, line, f"hreflang=\"{code}\" is not a language of data/languages.yml. {fix}"))
                continue
            target = _local_target(href, rel, site_url)
            if target is None:
                problems.append(Problem(where, line, f"hreflang=\"{code}\" link {href} points outside the site. {fix}"))
            elif not (site_dir / target).is_file():
                problems.append(Problem(where, line, f"hreflang=\"{code}\" link {href} opens {target}, which was not "
                                        f"built. Write the {target_lang!r} version of this page, or fix the link. {fix}"))
            elif page_language(target, languages) != target_lang:
                problems.append(Problem(where, line, f"hreflang=\"{code}\" link {href} opens {target}, which is a "
                                        f"{page_language(target, languages)!r} page. {fix}"))
    return problems


def _local_target(href: str, rel: str, site_url: str) -> str | None:
    """Site-relative path of a link from page `rel`, or None if it leaves the site."""
    if site_url and href.startswith(site_url):
        return href[len(site_url):].split("#")[0] or "index.html"
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    joined = urljoin("/" + rel, href).split("#")[0]
    return joined.lstrip("/") or "index.html"


def axe_options(tags: list[str]) -> dict:
    """axe.run options: only WCAG 2.x A and AA rules, violations only."""
    return {"runOnly": {"type": "tag", "values": list(tags)}, "resultTypes": ["violations"]}


def axe_problems(violations: list[dict], rel: str, html: str, mode: str,
                 languages: Languages | None = None, label: str = "site") -> list[Problem]:
    """One problem per failing element: rule, impact, the element, axe's fix
    advice and its help page; the line is found by the element's HTML."""
    problems = []
    for v in violations:
        for node in v.get("nodes", []):
            snippet = node.get("html", "")
            offset = html.find(snippet[:80]) if snippet else -1
            line = line_at(html, offset) if offset >= 0 else None
            target = " ".join(str(t) for t in node.get("target", []))
            advice = " ".join((node.get("failureSummary") or "").split())
            problems.append(Problem(f"{label}/{rel}", line,
                                    f"[{mode}] {v.get('id')} ({v.get('impact')}): {v.get('help')} — element {target} "
                                    f"{snippet[:120]!s}. {advice} See {v.get('helpUrl')}. This page is "
                                    f"{origin(rel, languages)}; colours and layout are in overrides/assets/stylesheets/."))
    return problems
