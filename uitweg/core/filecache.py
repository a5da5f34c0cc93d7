"""Data loaders that read each file once per build.

static-i18n runs the build hooks once per language, so a build would load
and validate each data file nine times; hot checks call the loaders per page
and per number. `cached_loader` keeps a loader's result per arguments until
`clear_loaded_data()`, which the hooks call when a new build starts (each
`mkdocs serve` rebuild too, so an edited data file is read again). Callers
must not change what a loader returns.
"""
from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
MAX_ENTRIES = 16
_caches: list[dict] = []


def cached_loader(loader: Callable[..., T]) -> Callable[..., T]:
    signature = inspect.signature(loader)
    cache: dict = {}
    _caches.append(cache)

    @functools.wraps(loader)
    def cached(*args, **kwargs) -> T:
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        key = tuple(bound.arguments.items())
        try:
            hit = key in cache
        except TypeError:   # an unhashable argument (a Languages object): not cached
            return loader(*args, **kwargs)
        if not hit:
            if len(cache) >= MAX_ENTRIES:
                cache.clear()
            cache[key] = loader(*args, **kwargs)
        return cache[key]

    return cached


def clear_loaded_data() -> None:
    """Forget every cached load: the next call reads the files again."""
    for cache in _caches:
        cache.clear()
