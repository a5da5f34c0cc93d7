"""Translation parity by content: same pages, same contacts, same headings
and anchors in every language. `python -m uitweg.quality.parity` is the gate;
`make i18n-status` the informational table."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from uitweg.contacts.load import load_contacts
from uitweg.core.languages import load_languages
from uitweg.quality.parity import page_facts, parity_gaps

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True)


# The languages beyond nl, en, fr (data/languages.yml): in these tests each has
# a faithful copy of one of the three, so the expected gaps stay those written here.
EXTRA = [code for code in load_languages().codes if code not in ("nl", "en", "fr")]


def write_docs(root: Path, pages: dict[str, str], like: str = "en") -> Path:
    pages = dict(pages)
    for name, text in list(pages.items()):
        code, rest = name.split("/", 1)
        if code == like:
            pages.update({f"{extra}/{rest}": text for extra in EXTRA})
    for name, text in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


NL = """# Hulp

Bel 1712 of mail [[email:pag-asa]].

[[card:payoke]]

## Wie helpt? {#who-helps}

### Centra {#centres}
"""
EN = """# Help

Call 1712 or write to [[email:pag-asa]].

[[card:payoke]]

## Who helps? {#who-helps}

### Centres {#centres}
"""


def test_the_site_has_translation_parity():
    """The real docs/: the gate `make test` runs (exit 0, no gaps)."""
    result = run("-m", "uitweg.quality.parity")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Translation parity OK: ")


def test_parity_gate_names_file_line_and_fix(tmp_path):
    docs = write_docs(tmp_path / "docs", {
        "nl/help.md": NL, "en/help.md": EN,
        # fr: Payoke missing, 1712 written, an extra contact, a translated
        # anchor, a wrong level and a missing heading.
        "fr/help.md": """# Aide

Appelez 1712 ou [[email:pag-asa]]. Ou Sürya : [[phone:surya]].

## Qui aide ? {#qui-aide}
""",
        "nl/only-nl.md": "# Alleen Nederlands\n",
    })
    result = run("-m", "uitweg.quality.parity", str(docs))
    assert result.returncode == 1
    d = str(docs)
    assert result.stderr.splitlines()[1:] == [
        f"  {d}/fr/help.md: Payoke (payoke) is missing here: {d}/nl/help.md:5 names it with [[card:payoke]]. "
        "Name it in this page too (e.g. [[card:payoke]] or [[name:payoke]] at the same place), "
        "or remove it from every language.",
        f"  {d}/fr/help.md:3: names Sürya (surya) with [[phone:surya]], but {d}/nl/help.md does not. "
        f"Remove it here, or add it to {d}/nl/help.md too (every language names the same contacts).",
        f"  {d}/fr/help.md:5: heading anchor {{#qui-aide}} where {d}/nl/help.md:7 has {{#who-helps}}. "
        "Anchors are never translated: write {#who-helps} here.",
        f"  {d}/fr/help.md: heading \"### Centra {{#centres}}\" ({d}/nl/help.md:9) is missing here. "
        "Add a ### heading after line 5 with the same anchor {#centres}.",
        f"  {d}/en/only-nl.md: page is missing: {d}/nl/only-nl.md exists. Write {d}/en/only-nl.md "
        "(same file name, same headings and anchors, same contacts).",
        f"  {d}/fr/only-nl.md: page is missing: {d}/nl/only-nl.md exists. Write {d}/fr/only-nl.md "
        "(same file name, same headings and anchors, same contacts).",
    ] + [f"  {d}/{code}/only-nl.md: page is missing: {d}/nl/only-nl.md exists. Write {d}/{code}/only-nl.md "
         "(same file name, same headings and anchors, same contacts)." for code in EXTRA]


def test_contacts_count_by_shortcode_number_and_email():
    table, langs = load_contacts(), load_languages()
    facts = page_facts("Bel 02 511 64 64.\n\nOf mail admin@payoke.be.\n\n[[name:surya]] [[directory]]\n\n"
                       "```\n## not a heading {#no}\n```\n## Echt {#real}\n", table, langs.all_call_words())
    assert facts.contacts == {"pag-asa": (1, "the number 02 511 64 64"),
                              "payoke": (3, "the e-mail address admin@payoke.be"),
                              "surya": (5, "[[name:surya]]")}
    assert facts.blocks == {"[[directory]]": 5}
    assert [(h.level, h.anchor, h.line) for h in facts.headings] == [(2, "real", 10)]


def test_heading_level_and_missing_anchor_are_reported(tmp_path):
    docs = write_docs(tmp_path / "docs", {
        "nl/p.md": "# T\n\n## A {#a}\n\n## B {#b}\n",
        "en/p.md": "# T\n\n### A {#a}\n\n## B\n",
        "fr/p.md": "# T\n\n## A {#a}\n\n## B {#b}\n",
    }, like="fr")
    gaps = [str(g.problem()) for g in parity_gaps(docs)]
    d = str(docs)
    assert gaps == [
        f"{d}/en/p.md:3: heading level ### where {d}/nl/p.md:3 has ## (\"## A {{#a}}\"). Use ## here.",
        f"{d}/en/p.md:5: heading has no anchor; {d}/nl/p.md:5 has {{#b}}. Add {{#b}} at the end of this heading.",
    ]


def test_i18n_status_prints_a_table_and_exits_0(tmp_path):
    docs = write_docs(tmp_path / "docs", {"nl/help.md": NL, "en/help.md": EN, "nl/extra.md": "# X\n"})
    result = run("-m", "uitweg.quality.i18n_status", str(docs))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["page", "nl", "en", "fr", *EXTRA]
    assert lines[2].split() == ["extra.md", "ok", "missing", "missing", *["missing"] * len(EXTRA)]
    assert lines[3].split() == ["help.md", "ok", "ok", "missing", *["ok"] * len(EXTRA)]
    assert f"{3 + len(EXTRA)} gaps to close:" in lines


def test_make_i18n_status_runs(tmp_path):
    """The make target (without rebuilding .venv: -o treats it as done)."""
    # --no-print-directory: run from another make (make soak), -w would be inherited.
    result = subprocess.run(["make", "-s", "--no-print-directory", "-o", ".venv/.installed", "i18n-status",
                             f"PY={sys.executable}"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    # First the setup of every language (mkdocs.yml, data files, pages), then the page table.
    assert result.stdout.startswith("Languages: nl, en, fr, ")
    assert "Every language is in mkdocs.yml, data/*.yml and docs/." in result.stdout
    table = result.stdout.split("\n\n", 1)[1]
    assert table.split()[:4] == ["page", "nl", "en", "fr"]
