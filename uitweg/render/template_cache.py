"""Compiled theme templates shared by the language builds of one process.

static-i18n renders the theme once per language, each time in a new Jinja
environment, which compiled Material's templates again (about a second of a
build). A bytecode cache kept in memory compiles each template once; Jinja
checks every template's source checksum before using it, so a template
edited during `mkdocs serve` is compiled again.
"""
from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._store.clear()


SHARED = MemoryBytecodeCache()


def share_compiled_templates(env) -> None:
    """Give a MkDocs theme environment the process's compiled templates."""
    env.bytecode_cache = SHARED
