"""pyproject.toml declares every third-party module that uitweg/ and hooks/
import, and requirements.txt pins each declared distribution exactly, at a
version the declaration allows. Import names are mapped to distribution
names by the installed packages' own metadata (`yaml` → PyYAML, `PIL` →
pillow), not by a table of ours."""
from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
CODE = ("uitweg", "hooks")


def imported_modules(source: str) -> set[str]:
    """Top-level names of every absolute import, also inside functions."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def third_party(modules: set[str]) -> set[str]:
    return {m for m in modules if m not in sys.stdlib_module_names and m not in ("uitweg", "__future__")}


def code_imports() -> dict[str, list[str]]:
    """Third-party module -> the files that import it."""
    out: dict[str, list[str]] = {}
    for top in CODE:
        for path in sorted((ROOT / top).rglob("*.py")):
            for module in third_party(imported_modules(path.read_text(encoding="utf-8"))):
                out.setdefault(module, []).append(path.relative_to(ROOT).as_posix())
    return out


def declared() -> dict[str, Requirement]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    reqs = [Requirement(d) for d in data["project"]["dependencies"]]
    return {canonicalize_name(r.name): r for r in reqs}


def pinned() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([A-Za-z0-9_.-]+)==([^\s#;]+)", line)
        if m:
            pins[canonicalize_name(m.group(1))] = m.group(2)
    return pins


def test_every_imported_module_is_declared_in_pyproject():
    dists = packages_distributions()
    wanted = declared()
    problems = []
    for module, files in sorted(code_imports().items()):
        names = dists.get(module)
        if not names:
            problems.append(f"{module} (imported by {files[0]}) is not installed: add its distribution to "
                            "requirements.txt and pyproject.toml")
        elif not any(canonicalize_name(n) in wanted for n in names):
            problems.append(f"{module} (imported by {', '.join(files)}) comes from {names[0]}, "
                            "which pyproject.toml does not declare")
    assert not problems, "\n".join(problems)


def test_every_declared_distribution_is_pinned_exactly_at_an_allowed_version():
    pins = pinned()
    problems = []
    for name, req in declared().items():
        if name not in pins:
            problems.append(f"{req.name} is declared in pyproject.toml but not pinned (==) in requirements.txt")
        elif not req.specifier.contains(pins[name], prereleases=True):
            problems.append(f"requirements.txt pins {req.name}=={pins[name]}, outside pyproject.toml's {req}")
    assert not problems, "\n".join(problems)


def test_mkdocs_is_held_below_2():
    # MkDocs 2.0 has no plugin system; the build is made of plugins and hooks.
    spec = declared()["mkdocs"].specifier
    assert spec.contains("1.6.1") and not spec.contains("2.0") and not spec.contains("2.0.0a1", prereleases=True)


def test_the_import_reader_sees_nested_imports_and_skips_the_standard_library():
    source = ("import os, yaml.constructor\nfrom PIL import Image\nfrom . import sibling\n"
              "def f():\n    import requests\n    from uitweg.core import paths\n")
    assert third_party(imported_modules(source)) == {"yaml", "PIL", "requests"}


# The Pythons `make` must work with: Debian 12's and Debian 13's own.
DEBIAN_PYTHONS = ("3.11.2", "3.13.5")


def test_every_pin_installs_on_the_python_of_debian_12_and_13():
    """Each pinned distribution, as installed in .venv, allows those Pythons
    (its own Requires-Python metadata): pymdown-extensions 13 and soupsieve 3
    need 3.11.5 and once stopped `make` on Debian 12."""
    from importlib.metadata import PackageNotFoundError, metadata

    from packaging.specifiers import SpecifierSet

    problems = []
    for req_file in ("requirements.txt", "requirements-test.txt"):
        for line in (ROOT / req_file).read_text(encoding="utf-8").splitlines():
            m = re.match(r"^([A-Za-z0-9_.-]+)==([^\s#;]+)", line)
            if not m:
                continue
            name, version = m.groups()
            try:
                meta = metadata(name)
            except PackageNotFoundError:
                problems.append(f"{req_file}: {name} is not installed (make test-deps)")
                continue
            if meta["Version"] != version:
                problems.append(f"{req_file}: {name}=={version}, but {meta['Version']} is installed (make test-deps)")
            allowed = SpecifierSet(meta["Requires-Python"] or "")
            for python in DEBIAN_PYTHONS:
                if not allowed.contains(python):
                    problems.append(f"{req_file}: {name}=={version} needs Python {allowed}, which excludes "
                                    f"Debian's {python}: pin a version that allows it")
    assert not problems, "\n".join(problems)
