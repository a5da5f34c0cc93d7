"""The browser tests' wait for an idle network (light_helpers.NetworkWatch)
waits for a request the page starts after `load`, and names a request that
never ends instead of hanging."""
from __future__ import annotations

import time

import pytest
from testkit.network_watch import NetworkWatch

pytestmark = pytest.mark.browser

ORIGIN = "http://uitweg.test/"
# A page whose script asks for a file 300 ms after `load`. The test waits with
# a 2 s quiet window: with the suite's 0.5 s the 300 ms timer once fired too
# late on a busy CI machine and the watch rightly stopped waiting before it.
# 300 ms of quiet still fails a watch that ignores the window.
LATE_PAGE = """<!doctype html><title>t</title><script>
addEventListener("load", () => setTimeout(() => fetch("late.txt"), 300));
</script>"""
# A page that asks for the file while it loads, with no timer: the request has
# started before `goto` returns, however busy the machine. (With LATE_PAGE this
# test flaked: a timer late by more than the 0.5 s quiet window let the watch
# return before the held request began.)
EAGER_PAGE = """<!doctype html><title>t</title><script>fetch("late.txt");</script>"""


def serve(context, hold: set[str], page: str = LATE_PAGE) -> None:
    """Answer every request on ORIGIN, except those in `hold` (never answered)."""
    def handle(route):
        name = route.request.url[len(ORIGIN):]
        if name in hold:
            return   # left pending: the request stays in flight
        route.fulfill(status=200, content_type="text/html", body=page if name == "" else "ok")
    context.route(f"{ORIGIN}**", handle)


def test_waits_for_a_request_started_after_load(chromium):
    context = chromium.new_context()
    serve(context, hold=set())
    page = context.new_page()
    finished: list[str] = []
    page.on("requestfinished", lambda r: finished.append(r.url))
    watch = NetworkWatch(page)
    page.goto(ORIGIN)
    watch.wait_until_quiet(quiet=2)
    assert finished == [ORIGIN, ORIGIN + "late.txt"]
    context.close()


def test_a_request_that_never_ends_is_named(chromium):
    context = chromium.new_context()
    serve(context, hold={"late.txt"}, page=EAGER_PAGE)
    page = context.new_page()
    watch = NetworkWatch(page)
    page.goto(ORIGIN)
    start = time.monotonic()
    with pytest.raises(AssertionError, match=r"still in flight after 2 s: \['http://uitweg.test/late.txt'\]"):
        watch.wait_until_quiet(timeout=2)
    assert time.monotonic() - start < 10
    context.close()
