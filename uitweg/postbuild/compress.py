"""Precompressed twins of every text file: x.html → x.html.gz and x.html.br
(post-build step, always the last one). nginx serves them with gzip_static
and brotli_static (deploy/nginx.conf), so no byte is compressed per request.

Deterministic: same input, same bytes (gzip header without name or time).
A twin is only written when it is smaller than the file. Twins of files that
did not change since an earlier build come from the cache (twin_cache.py).
"""
from __future__ import annotations

import functools
import gzip
import os
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli

from uitweg.postbuild.twin_cache import cache_root, cached, prune

TEXT = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def brotli_bytes(data: bytes) -> bytes:
    return brotli.compress(data, mode=brotli.MODE_TEXT, quality=11)


# Cache entries are named by compressor, settings and library version.
GZIP_KIND = f"gzip-9-{zlib.ZLIB_RUNTIME_VERSION}"
BROTLI_KIND = f"brotli-11-text-{brotli.__version__}"


def _twins(path: Path, cache: Path | None) -> tuple[Path, bytes, list[tuple[Path, bytes]]]:
    data = path.read_bytes()
    return path, data, [(path.with_name(path.name + ".gz"), cached(GZIP_KIND, data, gzip_bytes, gzip.decompress, cache)),
                        (path.with_name(path.name + ".br"), cached(BROTLI_KIND, data, brotli_bytes, brotli.decompress, cache))]


def compress_site(site: Path) -> list[Path]:
    """Write the twins; return the files written. Stale twins are replaced.
    Threads: brotli and zlib release the GIL, so this scales with the cores."""
    texts = sorted((p for p in site.rglob("*") if p.is_file() and p.suffix in TEXT),
                   key=lambda p: -p.stat().st_size)   # big files first: the threads end together
    written = []
    cache = cache_root()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for _path, data, twins in pool.map(functools.partial(_twins, cache=cache), texts):
            for twin, packed in twins:
                if len(packed) < len(data):
                    twin.write_bytes(packed)
                    written.append(twin)
                else:
                    twin.unlink(missing_ok=True)
    prune(cache)
    return sorted(written)
