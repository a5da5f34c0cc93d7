"""Every message an editor can get from the build or the gates has an entry
under "When the build says no" (README.md once the lead has pasted it there,
else dev-notes/gates.md).

Messages are read from the modules listed in data/gates.yml
(`documented_modules`): every string or f-string of four words or more that
is not a docstring, a regular expression, a dict entry, a subscript, a
comparison or an argparse help text. Each of its literal pieces of two words
or more (the text between the {…} parts) must appear in the section, where
`…` stands for the changing parts.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

from uitweg.quality.settings import load_gates

ROOT = Path(__file__).resolve().parents[2]
HEADING = "## When the build says no"
ENDS = " \t\n.,;:!?()[]{}\"'“”—-#…<>="


def section_text() -> tuple[str, str]:
    """(where it was read, the section's text up to the next `## ` heading)."""
    for path in (ROOT / "README.md", ROOT / "dev-notes" / "gates.md"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            lines = text.splitlines()
            if HEADING in lines:
                start = lines.index(HEADING) + 1
                end = next((i for i in range(start, len(lines)) if lines[i].startswith("## ")), len(lines))
                return path.relative_to(ROOT).as_posix(), "\n".join(lines[start:end])
    raise AssertionError(f"no '{HEADING}' section in README.md or dev-notes/gates.md")


def normalise(text: str) -> str:
    text = text.replace("`", "").replace("“", '"').replace("”", '"')
    return " ".join(text.split())


def messages(path: Path) -> list[tuple[int, list[str]]]:
    """(line, literal pieces) of every message-like string in a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
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


def required_pieces(pieces: list[str]) -> list[str]:
    out = []
    for piece in pieces:
        text = normalise(piece).strip(ENDS)
        if len([w for w in text.split() if re.search(r"[^\W\d_]", w)]) >= 2:
            out.append(text)
    return out


def test_every_message_has_an_entry_in_when_the_build_says_no():
    where, section = section_text()
    documented = normalise(section)
    missing = []
    for module in load_gates()["documented_modules"]:
        for line, pieces in messages(ROOT / module):
            for piece in required_pieces(pieces):
                if piece not in documented:
                    missing.append(f"{module}:{line}: “{piece}”")
    assert not missing, (f"These message texts have no entry under '{HEADING}' in {where}: "
                         "add the message (with … for the changing parts) and what to do:\n  " + "\n  ".join(missing))


def test_the_extraction_finds_messages_and_skips_code(tmp_path):
    module = tmp_path / "m.py"
    module.write_text('"""Docstring of the module, four words or more."""\n'
                      "import re\n"
                      "RX = re.compile(r'a regex with some words')\n"
                      "def f(x):\n"
                      "    '''A docstring with several words.'''\n"
                      "    if x == 'a comparison with many words':\n"
                      "        return {'a dict key with words': 1}\n"
                      "    return f'{x!r} is not a Belgian number: write it nationally'\n", encoding="utf-8")
    assert messages(module) == [(8, ["", " is not a Belgian number: write it nationally"])]
    assert required_pieces(["", " is not a Belgian number: write it nationally"]) == \
        ["is not a Belgian number: write it nationally"]


def test_the_section_is_where_the_lead_will_paste_it():
    where, section = section_text()
    assert where in ("README.md", "dev-notes/gates.md")
    assert "### " in section and "make i18n-status" in section
