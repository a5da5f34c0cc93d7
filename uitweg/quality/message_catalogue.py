"""The catalogue of every message the build can print, with what to do:
data/messages.yml holds the explanations, guides/messages.md is generated
from it (`make messages`), and tests/quality/test_message_catalogue.py holds
the two to the code.

A message is found in the code, not declared: every string or f-string of
four words or more in the modules that `scan:` names (data/messages.yml),
except docstrings, regular expressions, dict entries, subscripts,
comparisons and argparse texts. Its key is the text as written in the code
with every `{…}` part replaced by `…` and white space folded to single spaces,
so an entry says exactly what the code prints. Strings the scan finds that
are no message (a configuration snippet, a markup pattern) are listed under
`not_messages:`.
"""
from __future__ import annotations

import argparse
import ast
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from uitweg.core.paths import ROOT
from uitweg.core.yamlfile import load_data

CATALOGUE = ROOT / "data" / "messages.yml"
GUIDE = ROOT / "guides" / "messages.md"


def key(pieces: list[str]) -> str:
    """The catalogue key of a message: literal pieces joined by `…`, white space folded."""
    return " ".join("…".join(pieces).split())


def strings_of(source: str) -> list[tuple[int, list[str]]]:
    """(line, literal pieces) of every message-like string in a module's source."""
    tree = ast.parse(source)
    skip: set[int] = set()

    def skip_all(node: ast.AST) -> None:
        skip.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and body \
                and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            skip.add(id(body[0].value))                           # docstrings
        elif isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute) and getattr(node.func.value, "id", "") == "re":
                for arg in node.args:
                    skip_all(arg)                                 # regular expressions
            for kw in node.keywords:
                if kw.arg in ("help", "description", "prog"):
                    skip_all(kw.value)                            # argparse texts
        elif isinstance(node, ast.Dict):
            for part in [*node.keys, *node.values]:
                if part is not None:
                    skip_all(part)
        elif isinstance(node, ast.Subscript):
            skip_all(node.slice)
        elif isinstance(node, ast.Compare):
            skip_all(node)
        elif isinstance(node, ast.JoinedStr):
            skip.update(id(v) for v in node.values)               # pieces of an f-string
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            pieces = [node.value]
        elif isinstance(node, ast.JoinedStr):
            pieces, current = [], ""
            for v in node.values:
                if isinstance(v, ast.Constant):
                    current += v.value
                else:
                    pieces.append(current)
                    current = ""
            pieces.append(current)
        else:
            continue
        literal = "".join(pieces)
        words = [w for w in " ".join(pieces).split() if re.search(r"[^\W\d_]", w)]
        if len(words) < 4 or " " not in literal or literal.lstrip().startswith("usage:"):
            continue
        found.append((node.lineno, pieces))
    return sorted(found)


def scanned_modules(patterns: list[str], root: Path = ROOT) -> list[Path]:
    return sorted({p for pattern in patterns for p in root.glob(pattern) if p.is_file()})


def code_messages(patterns: list[str], root: Path = ROOT) -> dict[str, list[str]]:
    """Every message key found in the scanned modules -> the places that print it (`path:line`)."""
    found: dict[str, list[str]] = {}
    for path in scanned_modules(patterns, root):
        rel = path.relative_to(root).as_posix()
        for line, pieces in strings_of(path.read_text(encoding="utf-8")):
            found.setdefault(key(pieces), []).append(f"{rel}:{line}")
    return found


@dataclass
class Catalogue:
    data: dict
    lines: dict = field(default_factory=dict)

    @property
    def entries(self) -> list[tuple[dict, dict]]:
        """(section, entry) of every entry, in file order."""
        return [(s, e) for s in self.data["sections"] for e in s["entries"]]

    def said(self) -> dict[str, tuple[int, ...]]:
        """Every message key of an entry printed by this code -> its place in the file (for messages)."""
        out = {}
        for si, section in enumerate(self.data["sections"]):
            for ei, entry in enumerate(section["entries"]):
                if entry.get("printed_by", "uitweg") == "uitweg":
                    for mi, text in enumerate(entry["says"]):
                        out[" ".join(text.split())] = ("sections", si, "entries", ei, "says", mi)
        return out


def load_catalogue(path: Path = CATALOGUE) -> Catalogue:
    data, lines = load_data(path, "messages")
    return Catalogue(data, lines)


def problems(catalogue: Catalogue, found: dict[str, list[str]], shown_as: str = "data/messages.yml") -> list[str]:
    """What keeps the catalogue from matching the code: messages without an
    entry, entries that the code no longer prints, texts listed twice."""
    out = []
    said = catalogue.said()
    not_messages = {" ".join(t.split()) for t in catalogue.data.get("not_messages", [])}
    seen: dict[str, int] = {}
    for text in [*[" ".join(t.split()) for _, e in catalogue.entries for t in e["says"]],
                 *not_messages]:
        seen[text] = seen.get(text, 0) + 1
    for text, count in seen.items():
        if count > 1:
            out.append(f"{shown_as}: “{text}” is listed {count} times; keep one entry")
    for text, places in sorted(found.items(), key=lambda kv: kv[1][0]):
        if text not in said and text not in not_messages:
            out.append(f"{places[0]}: a message without an entry in {shown_as}. Add it under `says:` of the entry "
                       f"that explains it (or a new entry with `do:`), exactly as written here:\n      - {text!r}")
    for text, where in said.items():
        if text not in found:
            line = catalogue.lines.get(where, "?")
            out.append(f"{shown_as}:{line}: “{text}” is printed by no scanned module any more. "
                       "Change it to the new wording of the message, or remove it")
    for text in sorted(not_messages - found.keys()):
        out.append(f"{shown_as}: not_messages: “{text}” is found in no scanned module any more; remove it")
    return out


def _code(text: str) -> str:
    """Markdown inline code that may itself hold backticks."""
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def render(catalogue: Catalogue, found: dict[str, list[str]]) -> str:
    """guides/messages.md: every section, every message, what to do, and the modules that print it."""
    data = catalogue.data
    out = ["<!-- Generated from data/messages.yml by `make messages`; edit that file, not this one. -->",
           "", f"# {data['title']}", "", data["intro"].strip(), ""]
    out += ["Contents:", ""]
    out += [f"- [{s['title']}](#{s['id']})" for s in data["sections"]]
    out.append("")
    for section in data["sections"]:
        out += [f'<a id="{section["id"]}"></a>', "", f"## {section['title']}", ""]
        if section.get("intro"):
            out += [section["intro"].strip(), ""]
        for entry in section["entries"]:
            says = [" ".join(t.split()) for t in entry["says"]]
            first, *rest = [" ".join(t.split()) for t in entry.get("shows", says)]
            out.append(f"- {_code(first)}")
            out += [f"  / {_code(t)}" for t in rest]
            if entry.get("do"):
                out += ["", "  — " + " ".join(entry["do"].split())]
            modules = sorted({place.rsplit(":", 1)[0] for t in says for place in found.get(t, [])})
            if modules:
                out += ["", "  Printed by: " + ", ".join(f"`{m}`" for m in modules)]
            elif entry.get("printed_by", "uitweg") != "uitweg":
                out += ["", f"  Printed by: {entry['printed_by']}"]
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check data/messages.yml against the code and write guides/messages.md.")
    parser.add_argument("--write", action="store_true", help="write guides/messages.md")
    args = parser.parse_args(argv)
    catalogue = load_catalogue()
    found = code_messages(catalogue.data["scan"])
    wrong = problems(catalogue, found)
    text = render(catalogue, found)
    if args.write:
        GUIDE.parent.mkdir(exist_ok=True)
        GUIDE.write_text(text, encoding="utf-8")
    for problem in wrong:
        print(problem, file=sys.stderr)
    if not args.write and GUIDE.read_text(encoding="utf-8") != text:
        print("guides/messages.md is not up to date with data/messages.yml and the code: run make messages",
              file=sys.stderr)
        return 1
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
