"""QR codes for paper: segno → inline SVG (vector), plus the address in clear.

Rules from the safety notes: error correction M or better, a quiet zone of
4 modules, no tracking parameters, no redirect service, and the address
printed in clear under the code so people can type it (and see where it goes).
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import segno

ERROR = "m"        # minimum level; segno raises it for free when the version has room
QUIET_ZONE = 4     # modules of white around the code (the QR standard's minimum)
# Top-level domains that can never be the public site (RFC 2606 / RFC 6761).
PLACEHOLDER_TLDS = ("example", "test", "invalid", "localhost")


@dataclass(frozen=True)
class QRCode:
    url: str         # what the code encodes
    display: str     # what is printed under it: "uitweg.example/en"
    svg: str         # <svg viewBox=…> without width/height: the layout sizes it
    modules: int     # width of the symbol in modules, without the quiet zone

    @property
    def total_modules(self) -> int:
        return self.modules + 2 * QUIET_ZONE

    def box_mm(self, symbol_mm: float) -> float:
        """Width of the whole SVG (symbol + quiet zone) for a symbol `symbol_mm` wide."""
        return round(symbol_mm * self.total_modules / self.modules, 2)


def url_problem(url: str) -> str | None:
    """Why `url` may not go into a printed code, or None."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        return f"{url!r} is not a full https:// address"
    if parts.query or parts.fragment:
        return f"{url!r} has a query or fragment; printed codes carry the bare page address (no tracking parameters)"
    return None


def placeholder_host(url: str) -> str | None:
    """The host if it is a reserved, non-public name such as uitweg.example."""
    host = (urlsplit(url).hostname or "").lower()
    if host.rsplit(".", 1)[-1] in PLACEHOLDER_TLDS:
        return host
    return None


def display_url(url: str) -> str:
    """The address as people type it: no scheme, no trailing slash."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/")


def make_qr(url: str) -> QRCode:
    problem = url_problem(url)
    if problem:
        raise ValueError(problem)
    code = segno.make(url, error=ERROR, micro=False, boost_error=True)
    svg = code.svg_inline(scale=1, border=QUIET_ZONE, omitsize=True, dark="#000", light="#fff",
                          svgclass="qr-code", lineclass=None)
    return QRCode(url=url, display=display_url(url), svg=svg, modules=code.symbol_size(border=0)[0])
