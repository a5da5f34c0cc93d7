"""Precompressed twins of every text file: x.html → x.html.gz and x.html.br
(post-build step, always the last one). nginx serves them with gzip_static
and brotli_static (deploy/nginx.conf), so no byte is compressed per request.

Deterministic: same input, same bytes (gzip header without name or time).
A twin is only written when it is smaller than the file.
"""
from __future__ import annotations

import gzip
from pathlib import Path

import brotli

TEXT = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def brotli_bytes(data: bytes) -> bytes:
    return brotli.compress(data, mode=brotli.MODE_TEXT, quality=11)


def compress_site(site: Path) -> list[Path]:
    """Write the twins; return the files written. Stale twins are replaced."""
    written = []
    for path in sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in TEXT):
        data = path.read_bytes()
        for suffix, packed in ((".gz", gzip_bytes(data)), (".br", brotli_bytes(data))):
            twin = path.with_name(path.name + suffix)
            if len(packed) < len(data):
                twin.write_bytes(packed)
                written.append(twin)
            else:
                twin.unlink(missing_ok=True)
    return written
