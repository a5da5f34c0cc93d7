"""The cache of compressed twins (uitweg/postbuild/twin_cache.py): a build
with the cache writes the same twins as one without it, a damaged or wrong
entry is made again instead of used, and old entries go."""
from __future__ import annotations

import gzip
import os
import time

import brotli
import pytest

from uitweg.postbuild import twin_cache
from uitweg.postbuild.compress import BROTLI_KIND, compress_site

PAGE = "".join(f"<p>Bel {i} keer</p>\n" for i in range(400)).encode()


def small_site(folder):
    (folder / "en").mkdir(parents=True)
    (folder / "index.html").write_bytes(PAGE)
    (folder / "en" / "index.html").write_bytes(PAGE.replace(b"Bel", b"Call"))
    (folder / "app.js").write_bytes(b"console.log(1);\n" * 200)
    return folder


def twins(site) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.gz")) + sorted(site.rglob("*.br"))}


def entries(cache, kind=BROTLI_KIND) -> list:
    return sorted((cache / kind).glob("*/*"))


def test_cached_twins_are_the_twins_made_without_a_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(twin_cache.CACHE_ENV, "off")
    compress_site(small_site(tmp_path / "plain"))
    monkeypatch.setenv(twin_cache.CACHE_ENV, str(tmp_path / "cache"))
    compress_site(small_site(tmp_path / "first"))       # fills the cache
    assert len(entries(tmp_path / "cache")) == 3
    compress_site(small_site(tmp_path / "second"))      # reads it
    expected = twins(tmp_path / "plain")
    assert len(expected) == 6
    assert twins(tmp_path / "first") == expected
    assert twins(tmp_path / "second") == expected
    assert brotli.decompress(expected["index.html.br"]) == PAGE
    assert gzip.decompress(expected["index.html.gz"]) == PAGE


@pytest.mark.parametrize("damage", ["truncated", "another file's twin", "not brotli"])
def test_a_bad_entry_is_made_again_not_used(tmp_path, monkeypatch, damage):
    cache = tmp_path / "cache"
    monkeypatch.setenv(twin_cache.CACHE_ENV, str(cache))
    compress_site(small_site(tmp_path / "first"))
    good = twins(tmp_path / "first")
    other = brotli.compress(b"something else entirely")
    for entry in entries(cache):
        packed = entry.read_bytes()
        entry.write_bytes({"truncated": packed[: len(packed) // 2], "another file's twin": other,
                           "not brotli": b"\x00garbage"}[damage])
    compress_site(small_site(tmp_path / "second"))
    assert twins(tmp_path / "second") == good
    # …and the entries were written again, right.
    assert {e.read_bytes() for e in entries(cache)} == {good["index.html.br"], good["en/index.html.br"],
                                                        good["app.js.br"]}


def test_entries_unused_for_long_are_removed(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv(twin_cache.CACHE_ENV, str(cache))
    compress_site(small_site(tmp_path / "first"))
    stale = cache / BROTLI_KIND / "ab" / ("ab" + "0" * 62)
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_bytes(b"old")
    old = time.time() - (twin_cache.KEEP_DAYS + 1) * 86400
    os.utime(stale, (old, old))
    used = entries(cache)[0]
    os.utime(used, (old, old))                 # old, but used by the next build: kept
    compress_site(small_site(tmp_path / "second"))
    assert not stale.exists()
    assert used.exists()


def test_off_writes_no_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(twin_cache.CACHE_ENV, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    compress_site(small_site(tmp_path / "site"))
    assert not (tmp_path / "xdg").exists()
    monkeypatch.delenv(twin_cache.CACHE_ENV)
    assert twin_cache.cache_root() == tmp_path / "xdg" / "uitweg" / "twins"
