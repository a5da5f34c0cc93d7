"""Wait until a browser page's network is quiet, by counting the page's own
request events (Playwright's `networkidle` rule, without its bug). Shared by
the browser tests and `make bench`; duck-typed over a Playwright page, so it
imports nothing of Playwright."""
from __future__ import annotations

import time


class NetworkWatch:
    """The requests of one page still in flight, and when the last one ended.

    Playwright's `wait_for_load_state("networkidle")` can miss the idle state
    for good when requests start and end before DOMContentLoaded
    (microsoft/playwright#42598): a test then waited 30 s and failed now and
    then. This counts the page's own request events instead."""

    def __init__(self, page):
        self.page = page
        self.pending: set = set()   # Request objects: one URL may load twice at once
        self.last = time.monotonic()
        page.on("request", self._start)
        page.on("requestfinished", self._end)
        page.on("requestfailed", self._end)

    def _start(self, request) -> None:
        self.pending.add(request)
        self.last = time.monotonic()

    def _end(self, request) -> None:
        self.pending.discard(request)
        self.last = time.monotonic()

    def wait_until_quiet(self, quiet: float = 0.5, timeout: float = 30.0) -> None:
        """Return once the page has loaded and no request has been in flight
        for `quiet` seconds (Playwright's networkidle rule)."""
        self.page.wait_for_load_state("load")
        end = time.monotonic() + timeout
        while self.pending or time.monotonic() - self.last < quiet:
            if time.monotonic() > end:
                raise AssertionError(f"{self.page.url}: requests still in flight after {timeout:.0f} s: "
                                     f"{sorted(r.url for r in self.pending)}")
            self.page.wait_for_timeout(50)   # Playwright's own timer: events arrive meanwhile
