"""Precompressed twins of every text file: x.html → x.html.gz and x.html.br
(post-build step, always the last one). nginx serves them with gzip_static
and brotli_static (deploy/nginx.conf), so no byte is compressed per request.

Deterministic: same input, same bytes (gzip header without name or time).
A twin is only written when it is smaller than the file.
"""
from __future__ import annotations

import gzip
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli

TEXT = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def brotli_bytes(data: bytes) -> bytes:
    return brotli.compress(data, mode=brotli.MODE_TEXT, quality=11)


def _twins(path: Path) -> tuple[Path, bytes, list[tuple[Path, bytes]]]:
    data = path.read_bytes()
    return path, data, [(path.with_name(path.name + ".gz"), gzip_bytes(data)),
                        (path.with_name(path.name + ".br"), brotli_bytes(data))]


def compress_site(site: Path) -> list[Path]:
    """Write the twins; return the files written. Stale twins are replaced.
    Threads: brotli and zlib release the GIL, so this scales with the cores."""
    texts = sorted((p for p in site.rglob("*") if p.is_file() and p.suffix in TEXT),
                   key=lambda p: -p.stat().st_size)   # big files first: the threads end together
    written = []
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for _path, data, twins in pool.map(_twins, texts):
            for twin, packed in twins:
                if len(packed) < len(data):
                    twin.write_bytes(packed)
                    written.append(twin)
                else:
                    twin.unlink(missing_ok=True)
    return sorted(written)
