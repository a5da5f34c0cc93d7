"""The file lists and checking steps of the materials pages, as HTML, and the
staff read-me of the USB copy, as text: both from data/materials.yml.

docs/<lang>/materials.md holds the headings and the prose; where a list
goes it has an empty `<div class="uw-files uw-files-PART"></div>`, which
`fill_page` fills in the built page. A size the page cannot know yet (the
zip and the Kiwix files contain the pages) is a token `[size:PATH]` inside
`<span class="uw-online">`, filled once the file exists
(`fill_sizes`); the offline build drops those spans (uitweg/offline/variant.py).
"""
from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass

from uitweg.core.languages import Language, Languages
from uitweg.materials.catalog import Catalog

PARTS = ("usb", "pocket", "print", "kiwix", "check")
SLOT = re.compile(r'<div class="uw-files uw-files-([a-z]+)">\s*</div>')
SIZE_TOKEN = re.compile(r"\[size:([^\]]+)\]")
PAPER = {(210, 297): "A4", (297, 420): "A3"}


@dataclass(frozen=True)
class Facts:
    """What the page says about the build."""
    site_url: str
    date: str                      # YYYY-MM-DD
    fingerprint: str | None        # None: unsigned, and the page says nothing about a signature
    sizes: dict[str, int]          # path -> bytes, for every file already made
    staff_readme: str
    commands: dict[str, str]
    preview_sizes: dict[str, tuple[int, int]]   # preview path -> (width, height)


def e(text: str) -> str:
    return html.escape(text, quote=True)


def format_size(n: int, decimal: str) -> str:
    """"20 KB" below 100 KB, else "0,8 MB": never a number of three digits or
    more, which the output check would rightly read as a possible phone number."""
    kb = max(1, round(n / 1024))
    if kb < 100:
        return f"{kb}\u00a0KB"
    return f"{n / (1024 * 1024):.1f}\u00a0MB".replace(".", decimal)


def _size(path: str, kind: str, facts: Facts, t: dict, later: bool = False) -> str:
    known = facts.sizes.get(path)
    shown = format_size(known, t["decimal"]) if known is not None else f"[size:{path}]"
    text = f"{kind}, {shown}"
    return f' <span class="uw-online">({text})</span>' if later else f" ({text})"


def _link(rel: str, path: str, label: str, lang: str | None = None) -> str:
    attrs = f' hreflang="{lang}" lang="{lang}"' if lang else ""
    return f'<a href="{e(rel + path)}" download{attrs}>{e(label)}</a>'


def paper(fmt, decimal: str) -> str:
    """"A4, 21 × 29,7 cm": in cm, so no number has three digits (see format_size)."""
    w, h = round(fmt.width_mm, 1), round(fmt.height_mm, 1)
    name = PAPER.get((w, h))
    cm = f"{w / 10:g}\u00a0×\u00a0{h / 10:g}\u00a0cm".replace(".", decimal)
    return f"{name}, {cm}" if name else cm


def commands(facts: Facts, t: dict) -> dict[str, str]:
    c = {k: v.replace("{changed}", t["changed"]) for k, v in facts.commands.items()}
    signed = facts.fingerprint is not None
    return {
        "windows": "\n".join(([c["windows_signature"]] if signed else []) + [c["windows_files"]]),
        "mac": "\n".join(([c["unix_signature"]] if signed else []) + [c["mac_files"]]),
        "linux": "\n".join(([c["unix_signature"]] if signed else []) + [c["linux_files"]]),
    }


def render_part(part: str, lang: Language, languages: Languages, catalog: Catalog, facts: Facts,
                texts: dict, rel: str) -> str:
    """The HTML of one part of the page in `lang`; `rel` leads from the page to the site root."""
    t = texts[lang.code]
    out: list[str] = []
    if part == "usb":
        out.append(f"<ul><li>{_link(rel, catalog.zip, t['usb'])}{_size(catalog.zip, 'ZIP', facts, t, later=True)}"
                   f"<br>{e(t['usb_for'])}</li></ul>")
        inside = t["inside"].replace("{readme}", facts.staff_readme)
        if facts.fingerprint:
            inside += " " + t["inside_signed"]
        out.append(f"<p>{e(inside)}</p>")
        out.append("<ol>" + "".join(f"<li>{e(step)}</li>" for step in t["stick"]) + "</ol>")
    elif part == "pocket":
        out.append(f"<p>{e(t['pocket_for'])}</p><p>{e(t['pocket_safe'])}</p><ul>")
        for other in languages.languages:
            path = catalog.pocket[other.code]
            out.append(f"<li>{_link(rel, path, other.name, other.code)}{_size(path, 'HTML', facts, t)}</li>")
        out.append("</ul>")
    elif part == "print":
        by_format: dict[str, list] = {}
        for p in catalog.prints:
            by_format.setdefault(p.edition.format.name, []).append(p)
        for name, prints in by_format.items():
            fmt = prints[0].edition.format
            out.append(f"<p><strong>{e(t['print'].get(name, name))}</strong> {e(t['paper'])}: {e(paper(fmt, t['decimal']))}.</p>")
            out.append('<ul class="uw-prints">')
            for p in prints:
                label = t["multilingual"] if p.edition.trilingual else languages.get(p.edition.lang).name
                code = None if p.edition.trilingual else p.edition.lang
                w, h = facts.preview_sizes.get(p.preview, (0, 0))
                img = (f'<img src="{e(rel + p.preview)}" width="{w}" height="{h}" alt="" loading="lazy" '
                       f'decoding="async"> ') if w else ""
                attrs = f' hreflang="{code}" lang="{code}"' if code else ""
                out.append(f'<li><a href="{e(rel + p.pdf)}" download{attrs}>{img}{e(label)}</a>'
                           f"{_size(p.pdf, 'PDF', facts, t)}</li>")
            out.append("</ul>")
    elif part == "kiwix":
        path = catalog.kiwix[lang.code]
        out.append(f"<ul><li>{_link(rel, path, 'Kiwix: ' + lang.name)}{_size(path, 'ZIM', facts, t, later=True)}"
                   f"<br>{e(t['kiwix_for'])}</li></ul>")
    elif part == "check":
        out.append(f"<p>{e(t['check_intro'])}</p>")
        if facts.fingerprint:
            out.append(f"<p>{e(t['key_first'])}</p>")
            out.append(f"<ul><li>{_link(rel, catalog.allowed_signers, 'allowed_signers')}"
                       f"{_size(catalog.allowed_signers, t['key'], facts, t)}<br>{e(t['key_for'])}<br>"
                       f"{e(t['fingerprint'])}: <code>{e(facts.fingerprint)}</code></li></ul>")
        for system, steps in commands(facts, t).items():
            out.append(f"<p>{e(t[system])}</p><pre><code>{e(steps)}</code></pre>")
        if facts.fingerprint:
            out.append(f"<p>{e(t['good_signature'])}</p>")
        out.append(f"<p>{e(t['good_files'].replace('{changed}', t['changed']))}</p><p>{e(t['wrong'])}</p>")
        out.append(f"<p>{e(t['built'])}: <time datetime=\"{facts.date}\">{facts.date}</time></p>")
    else:
        raise KeyError(part)
    return "\n".join(out)


def fill_page(page_html: str, page_path: str, lang: Language, languages: Languages, catalog: Catalog,
              facts: Facts, texts: dict) -> tuple[str, list[str]]:
    """The built page with every slot filled; and the parts it had."""
    rel = posixpath.relpath(".", posixpath.dirname(page_path) or ".")
    rel = "" if rel == "." else rel + "/"
    found: list[str] = []

    def one(m: re.Match) -> str:
        found.append(m.group(1))
        inner = render_part(m.group(1), lang, languages, catalog, facts, texts, rel)
        return f'<div class="uw-files uw-files-{m.group(1)}">\n{inner}\n</div>'
    return SLOT.sub(one, page_html), found


def fill_sizes(page_html: str, sizes: dict[str, int], decimal: str) -> str:
    return SIZE_TOKEN.sub(lambda m: format_size(sizes[m.group(1)], decimal), page_html)


def staff_readme(languages: Languages, catalog: Catalog, facts: Facts, texts: dict) -> str:
    """The checking steps for staff, every language, as plain text."""
    out = []
    url = facts.site_url + catalog.allowed_signers
    for lang in languages.languages:
        t = texts[lang.code]
        out += [f"== {lang.name} ==", "", t["check_intro"], ""]
        if facts.fingerprint:
            out += [t["key_first"], f"  {url}", f"  {t['fingerprint']}: {facts.fingerprint}", ""]
        for system, steps in commands(facts, t).items():
            out += [t[system], "", *[f"    {line}" for line in steps.splitlines()], ""]
        if facts.fingerprint:
            out.append(t["good_signature"])
        out += [t["good_files"].replace("{changed}", t["changed"]), t["wrong"],
                t["online"].replace("{url}", facts.site_url), "", ""]
    return "\n".join(out)
