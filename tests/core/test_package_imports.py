"""Each package of uitweg/ says in its docstring which other uitweg packages
it may import ("May import: `uitweg.core`, `uitweg.contacts`."); this holds
every module to it, so the stages stay in the order guides/architecture.md describes."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import ROOT

RULE = re.compile(r"May import:(.*)", re.S)


def allowed(package: Path) -> set[str]:
    """The uitweg packages the docstring of `package` allows, besides itself."""
    doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8"))) or ""
    rule = RULE.search(doc)
    if rule is None:
        raise AssertionError(f"{package.name}/__init__.py: the docstring does not say what the package may "
                             "import; end it with a line 'May import: `uitweg.core`, …'")
    return set(re.findall(r"`uitweg\.(\w+)`", rule.group(1))) | {package.name}


def uitweg_imports(path: Path) -> list[tuple[int, str]]:
    """(line, package) of every import of another uitweg package in a module."""
    return [(line, name.split(".")[1]) for line, name in module_imports(path)]


def module_imports(path: Path) -> list[tuple[int, str]]:
    """(line, dotted name) of every absolute uitweg import in a module, inside
    functions too; `from uitweg.x import y` names `uitweg.x.y` (a module or a
    name of `uitweg.x`)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [f"{node.module}.{a.name}" for a in node.names]
        else:
            continue   # relative imports stay inside their package
        found += [(node.lineno, name) for name in names if name.startswith("uitweg.")]
    return found


def import_problems(root: Path) -> list[str]:
    problems = []
    for package in sorted(p for p in root.iterdir() if (p / "__init__.py").is_file()):
        ok = allowed(package)
        for module in sorted(package.rglob("*.py")):
            for line, other in uitweg_imports(module):
                if other not in ok:
                    problems.append(f"{module.relative_to(root.parent)}:{line}: imports uitweg.{other}, which "
                                    f"{package.name}/__init__.py does not allow (May import: "
                                    f"{', '.join(sorted(ok - {package.name})) or 'no other uitweg package'}). "
                                    "Move the shared code down a stage, or change the rule on purpose.")
    return problems


def test_every_package_imports_only_what_its_docstring_allows():
    problems = import_problems(ROOT / "uitweg")
    assert not problems, "\n".join(problems)


def test_a_forbidden_import_is_named_with_file_and_line(tmp_path):
    root = tmp_path / "uitweg"
    for name, doc in (("core", "Core.\n\nMay import: the standard library only."),
                      ("render", "Render.\n\nMay import: `uitweg.core`.")):
        (root / name).mkdir(parents=True)
        (root / name / "__init__.py").write_text(f'"""{doc}"""\n', encoding="utf-8")
    (root / "render" / "ok.py").write_text("from uitweg.core import html\nfrom . import ok\n", encoding="utf-8")
    (root / "render" / "bad.py").write_text("import json\n\nfrom uitweg import gates\n", encoding="utf-8")
    (root / "core" / "up.py").write_text("def f():\n    import uitweg.render.ok\n", encoding="utf-8")
    assert [p.split(",")[0] for p in import_problems(root)] == [
        "uitweg/core/up.py:2: imports uitweg.render",
        "uitweg/render/bad.py:3: imports uitweg.gates",
    ]
    (root / "core" / "__init__.py").write_text('"""Core, with no rule."""\n', encoding="utf-8")
    with pytest.raises(AssertionError, match=r"core/__init__.py: the docstring does not say what the package may import"):
        import_problems(root)


def module_circles(root: Path) -> list[list[str]]:
    """Every circle of imports between modules under `root` (a package
    folder named uitweg), found with a depth-first walk; each circle once."""
    modules = {".".join(p.relative_to(root.parent).with_suffix("").parts).removesuffix(".__init__"): p
               for p in root.rglob("*.py")}
    edges = {}
    for name, path in modules.items():
        targets = set()
        for _, imported in module_imports(path):
            while imported and imported not in modules:   # `from uitweg.x.m import name` -> uitweg.x.m
                imported = imported.rpartition(".")[0]
            if imported and imported != name and modules[imported].name != "__init__.py":
                targets.add(imported)
        edges[name] = sorted(targets)
    circles, seen = [], set()
    state: dict[str, int] = {}
    stack: list[str] = []

    def walk(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in edges[node]:
            if state.get(nxt) == 1:
                circle = stack[stack.index(nxt):]
                key = frozenset(circle)
                if key not in seen:
                    seen.add(key)
                    circles.append(circle + [nxt])
            elif nxt not in state:
                walk(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            walk(node)
    return circles


def test_no_import_circle_between_modules():
    circles = module_circles(ROOT / "uitweg")
    assert not circles, "import circles (split the shared part into a module both can import):\n" + \
        "\n".join(" -> ".join(c) for c in circles)


def test_a_circle_is_found_even_through_an_import_inside_a_function(tmp_path):
    root = tmp_path / "uitweg"
    (root / "gate").mkdir(parents=True)
    (root / "gate" / "__init__.py").write_text('"""Gate."""\n', encoding="utf-8")
    (root / "gate" / "a.py").write_text("from uitweg.gate.b import x\n", encoding="utf-8")
    (root / "gate" / "b.py").write_text("from uitweg.gate import c\n", encoding="utf-8")
    (root / "gate" / "c.py").write_text("def f():\n    from uitweg.gate.a import y\n", encoding="utf-8")
    (root / "gate" / "d.py").write_text("from uitweg.gate import a\n", encoding="utf-8")
    assert [sorted(c[:-1]) for c in module_circles(root)] == [["uitweg.gate.a", "uitweg.gate.b", "uitweg.gate.c"]]
    (root / "gate" / "c.py").write_text("x = 1\n", encoding="utf-8")
    assert module_circles(root) == []
