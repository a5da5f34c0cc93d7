"""How much of a build the gate takes (`make bench`, tools/gate_time.py).

With UITWEG_PROFILE_GATE=1 the hooks add up the time spent in the gate's
calls and log one line at the end. It only records: the checks always run."""
from __future__ import annotations

import os
import time
from contextlib import contextmanager

ENABLED = os.environ.get("UITWEG_PROFILE_GATE") == "1"
_spent = {"gate": 0.0, "start": 0.0}


def start() -> None:
    _spent.update(gate=0.0, start=time.perf_counter())


@contextmanager
def gate():
    if not ENABLED:
        yield
        return
    t = time.perf_counter()
    try:
        yield
    finally:
        _spent["gate"] += time.perf_counter() - t


def summary() -> str | None:
    if not ENABLED or not _spent["start"]:
        return None
    total = time.perf_counter() - _spent["start"]
    share = 100 * _spent["gate"] / max(total - _spent["gate"], 1e-9)
    return f"site build {total:.2f} s, of which the gate {_spent['gate']:.2f} s ({share:.0f} % of the build without it)"
