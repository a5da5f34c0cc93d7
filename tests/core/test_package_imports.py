"""Each package of uitweg/ says in its docstring which other uitweg packages
it may import ("May import: `uitweg.core`, `uitweg.contacts`."); this holds
every module to it, so the stages stay in the order the README describes."""
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
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] if node.module != "uitweg" else [f"uitweg.{a.name}" for a in node.names]
        else:
            continue   # relative imports stay inside their package
        found += [(node.lineno, name.split(".")[1]) for name in names if name.startswith("uitweg.")]
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
                      ("build", "Build.\n\nMay import: `uitweg.core`.")):
        (root / name).mkdir(parents=True)
        (root / name / "__init__.py").write_text(f'"""{doc}"""\n', encoding="utf-8")
    (root / "build" / "ok.py").write_text("from uitweg.core import html\nfrom . import ok\n", encoding="utf-8")
    (root / "build" / "bad.py").write_text("import json\n\nfrom uitweg import gates\n", encoding="utf-8")
    (root / "core" / "up.py").write_text("def f():\n    import uitweg.build.ok\n", encoding="utf-8")
    assert [p.split(",")[0] for p in import_problems(root)] == [
        "uitweg/build/bad.py:3: imports uitweg.gates",
        "uitweg/core/up.py:2: imports uitweg.build",
    ]
    (root / "core" / "__init__.py").write_text('"""Core, with no rule."""\n', encoding="utf-8")
    with pytest.raises(AssertionError, match=r"core/__init__.py: the docstring does not say what the package may import"):
        import_problems(root)
