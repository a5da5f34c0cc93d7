"""Compressed twins kept by content between builds, so an unchanged file is
not compressed again (brotli 11 over every page was half the post-build
time; `make serve` redid it after every edit).

An entry is named by the SHA-256 of the file and by the compressor and its
settings, and is used only after it decompresses to the file again: a
missing, damaged or stale entry is made again, never trusted. Where the cache
lives: $UITWEG_CACHE_DIR, else $XDG_CACHE_HOME/uitweg/twins, else
~/.cache/uitweg/twins; UITWEG_CACHE_DIR=off turns it off. Entries unused for
KEEP_DAYS are removed at the end of a build. A cache that cannot be written
(a read-only home) only costs time.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import brotli

CACHE_ENV = "UITWEG_CACHE_DIR"
KEEP_DAYS = 30
# What a damaged entry may raise while it is read back (gzip.BadGzipFile is an OSError).
UNREADABLE = (OSError, EOFError, ValueError, zlib.error, brotli.error)


def cache_root() -> Path | None:
    """The cache folder, or None when the cache is off."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return None if chosen == "off" else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "uitweg" / "twins"


def cached(kind: str, data: bytes, compress: Callable[[bytes], bytes],
           decompress: Callable[[bytes], bytes], root: Path | None) -> bytes:
    """compress(data), from the cache when an entry of this `kind` (compressor
    and settings) decompresses to `data`; else compressed and stored."""
    if root is None:
        return compress(data)
    key = hashlib.sha256(data).hexdigest()
    entry = root / kind / key[:2] / key
    try:
        packed = entry.read_bytes()
        if decompress(packed) == data:
            os.utime(entry)   # used: kept by prune()
            return packed
    except UNREADABLE:
        pass
    packed = compress(data)
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        # Whole or not at all: builds running side by side share entries.
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as out:
            out.write(packed)
        os.replace(tmp, entry)
    except OSError:
        pass
    return packed


def prune(root: Path | None, keep_days: float = KEEP_DAYS) -> int:
    """Remove entries (and left-over temporary files) unused for `keep_days`;
    return how many."""
    if root is None or not root.is_dir():
        return 0
    oldest = time.time() - keep_days * 86400
    removed = 0
    for entry in root.glob("*/*/*"):
        try:
            if entry.is_file() and entry.stat().st_mtime < oldest:
                entry.unlink()
                removed += 1
        except OSError:
            pass
    return removed
