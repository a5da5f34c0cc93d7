"""Six stub languages in a scratch copy of the project, to measure what more
languages cost before their translations land (issue 23).

    python tools/stub_languages.py DEST [--languages vi,th,...]

Copies the project (sources only: no .git, .venv, site, node_modules) to
DEST, then adds each stub language the way a real one is added
(guides/adding-a-language.md): its texts are English ones, taken with
`tools/extract_translation.py en` and folded with `tools/fold_translation.py`,
under its own code and its name in its own script (Tiếng Việt, Shqip,
Magyar, ไทย, ትግርኛ, فارسی right to left); its pages are copies of docs/en/,
its ordinary sentences for the gate's tests those of English; mkdocs.yml
builds it. A language
Material has no interface file for (Tigrinya) gets a copy of Material's
English one in the copy's overrides/.

The copy is for measuring only: English pages under other codes, built
with the copy's own tools. Run what you want to measure in DEST with this
checkout's venv, e.g.

    cd DEST && make -o .venv/.installed PY=$PWD/../gate/.venv/bin/python site

Nothing is written outside DEST; DEST must not exist yet.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from testkit.project_copy import copy_sources

ROOT = Path(__file__).resolve().parent.parent

# code: (name in its own script, ISO 15924 script, direction, ISO 639-3 for Kiwix)
STUBS = {
    "vi": ("Tiếng Việt", "Latn", "ltr", "vie"),
    "sq": ("Shqip", "Latn", "ltr", "sqi"),
    "hu": ("Magyar", "Latn", "ltr", "hun"),
    "th": ("ไทย", "Thai", "ltr", "tha"),
    "ti": ("ትግርኛ", "Ethi", "ltr", "tir"),
    "fa": ("فارسی", "Arab", "rtl", "fas"),
}


class StubError(Exception):
    pass


def run(dest: Path, *args: str) -> str:
    result = subprocess.run([sys.executable, *args], cwd=dest, capture_output=True, text=True)
    if result.returncode != 0:
        raise StubError(f"{' '.join(args)} failed in {dest}:\n{result.stdout[-2000:]}{result.stderr[-3000:]}")
    return result.stdout


def translation(dest: Path, code: str, spec: tuple) -> dict:
    """English's texts under the stub's code and name."""
    name, script, direction, iso3 = spec
    tr = yaml.safe_load(run(dest, "tools/extract_translation.py", "en"))
    tr["language"] = {"code": code, "name": name, "script": script, **({"dir": "rtl"} if direction == "rtl" else {})}
    tr["readme_file"] = f"README-{code}.txt"
    if isinstance(tr.get("kiwix"), dict):
        tr["kiwix"] = dict(tr["kiwix"], iso639_3=iso3, title=f"Uitweg – {name}")
    return tr


def add_to_mkdocs(dest: Path, code: str, name: str) -> None:
    """One more entry under plugins.i18n.languages, after the last one."""
    path = dest / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    entries = list(re.finditer(r"^        - locale: \S+\n(?:          .*\n)+", text, re.M))
    if not entries:
        raise StubError("mkdocs.yml: no plugins.i18n.languages entries found")
    end = entries[-1].end()
    entry = f"        - locale: {code}\n          name: {name}\n          build: true\n"
    path.write_text(text[:end] + entry + text[end:], encoding="utf-8")


def add_script(dest: Path, code: str, script: str) -> None:
    """`script:` after the language's name in data/languages.yml, if the fold did not write it."""
    path = dest / "data" / "languages.yml"
    text = path.read_text(encoding="utf-8")
    m = re.search(rf'^  - code: "?{code}"?\n    name: .*\n', text, re.M)
    if not m:
        raise StubError(f"data/languages.yml: no entry for {code} after folding")
    if not re.match(r"    script:", text[m.end():]):
        text = text[:m.end()] + f"    script: {script}\n" + text[m.end():]
    path.write_text(text, encoding="utf-8")


def material_language_file(dest: Path, code: str) -> None:
    import material
    theirs = Path(material.__file__).parent / "templates" / "partials" / "languages"
    ours = dest / "overrides" / "partials" / "languages"
    if not (theirs / f"{code}.html").is_file() and not (ours / f"{code}.html").is_file():
        ours.mkdir(parents=True, exist_ok=True)
        english = (theirs / "en.html").read_text(encoding="utf-8")
        # Material reads <html lang> from the file's "language" entry.
        (ours / f"{code}.html").write_text(english.replace('"language": "en"', f'"language": "{code}"'),
                                           encoding="utf-8")


def add_stub(dest: Path, code: str, spec: tuple) -> None:
    """One stub language: spec is (name, ISO 15924 script, direction, ISO 639-3)."""
    if (dest / "docs" / code).exists():
        raise StubError(f"{code} is already a language of the project")
    tr = translation(dest, code, spec)
    (dest / "translations").mkdir(exist_ok=True)
    tr_file = dest / "translations" / f"{code}.yml"
    tr_file.write_text(yaml.safe_dump(tr, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    run(dest, "tools/fold_translation.py", str(tr_file.relative_to(dest)))
    tr_file.unlink(missing_ok=True)
    add_script(dest, code, spec[1])
    shutil.copytree(dest / "docs" / "en", dest / "docs" / code)
    ordinary = dest / "tests" / "gate" / "ordinary"   # the gate's ordinary sentences of each language
    if (ordinary / "en.yml").is_file():
        shutil.copyfile(ordinary / "en.yml", ordinary / f"{code}.yml")
    add_to_mkdocs(dest, code, spec[0])
    material_language_file(dest, code)


def make_copy(dest: Path, stubs: dict[str, tuple]) -> None:
    """A copy of the project in `dest` (which must not exist) with `stubs` added."""
    copy_sources(ROOT, dest, "__pycache__")   # stubs build from their own bytecode
    had_translations = (dest / "translations").is_dir()
    for code, spec in stubs.items():
        add_stub(dest, code, spec)
        print(f"{code}: {spec[0]} added (English texts and pages)", file=sys.stderr)
    if not had_translations and not any((dest / "translations").iterdir()):
        (dest / "translations").rmdir()   # as in a clone: the guides name files a translator adds there


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path, help="the scratch copy to make (must not exist)")
    parser.add_argument("--languages", default=",".join(STUBS),
                        help=f"comma-separated stub codes (default: {','.join(STUBS)})")
    args = parser.parse_args(argv)
    codes = [c.strip() for c in args.languages.split(",") if c.strip()]
    unknown = [c for c in codes if c not in STUBS]
    if unknown:
        print(f"unknown stub language(s) {', '.join(unknown)}; choose from {', '.join(STUBS)}", file=sys.stderr)
        return 2
    if args.dest.exists():
        print(f"{args.dest} exists: give a new folder for the scratch copy", file=sys.stderr)
        return 2
    try:
        make_copy(args.dest, {code: STUBS[code] for code in codes})
    except StubError as err:
        print(err, file=sys.stderr)
        return 1
    print(f"{args.dest}: {len(codes)} stub languages added; measure there (see this file's docstring)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
