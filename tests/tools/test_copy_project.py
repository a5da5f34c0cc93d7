"""conftest.copy_project copies the sources with their bytecode, but not the
temporary files a parallel import or pytest writes bytecode through
(`x.pyc.<number>`, renamed away at once), nor outputs and other venvs."""
from __future__ import annotations

import conftest


def test_copy_leaves_out_passing_bytecode_and_outputs(tmp_path, monkeypatch):
    src = tmp_path / "src"
    for rel in ("uitweg/__pycache__/m.cpython-311.pyc", "uitweg/__pycache__/m.cpython-311.pyc.140234",
                "tests/__pycache__/t.cpython-311-pytest-9.1.1.pyc.4242", "uitweg/m.py",
                ".venv-properdocs/bin/python", "properdocs-site/index.html", "uitweg.egg-info/PKG-INFO"):
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_text("x", encoding="utf-8")
    monkeypatch.setattr(conftest, "ROOT", src)
    dest = conftest.copy_project(tmp_path / "copy")
    copied = sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file())
    assert copied == ["uitweg/__pycache__/m.cpython-311.pyc", "uitweg/m.py"]
