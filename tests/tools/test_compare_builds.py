"""tools/compare_builds.py (make properdocs-check) on made-up builds: the same
bytes pass, a generator <meta> that differs is explained also inside the
compressed twins, and anything else that differs or is missing fails."""
from __future__ import annotations

import gzip

import brotli
from compare_builds import compare, main

PAGE = '<html><head><meta name="generator" content="{}"><title>Hulp</title></head><body>{}</body></html>'


def _site(root, generator, body="Bel 1712", extra=None):
    root.mkdir()
    html = PAGE.format(generator, body).encode()
    (root / "index.html").write_bytes(html)
    (root / "index.html.gz").write_bytes(gzip.compress(html, mtime=0))
    (root / "index.html.br").write_bytes(brotli.compress(html))
    (root / "search.js").write_bytes(b"var x = 1;")
    for name, data in (extra or {}).items():
        (root / name).write_bytes(data)
    return root


def test_only_the_generator_differs(tmp_path, capsys):
    a = _site(tmp_path / "a", "mkdocs-1.6.1, mkdocs-material-9.8.1")
    b = _site(tmp_path / "b", "mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1")
    counts, problems = compare(a, b)
    assert problems == []
    assert counts["byte for byte the same"] == 1
    assert [n for reason, n in counts.items() if "generator" in reason] == [3]
    assert main([str(a), str(b)]) == 0
    assert "Same site" in capsys.readouterr().out


def test_a_different_text_or_a_missing_file_fails(tmp_path):
    a = _site(tmp_path / "a", "mkdocs-1.6.1", extra={"only-here.html": b"x"})
    b = _site(tmp_path / "b", "ProperDocs 1.6.7", body="Bel 1713")
    counts, problems = compare(a, b)
    assert f"only in {a}: only-here.html" in problems
    assert {"index.html differs, and not only in an explained way",
            "index.html.gz differs, and not only in an explained way",
            "index.html.br differs, and not only in an explained way"} <= set(problems)
    assert main([str(a), str(b)]) == 1
