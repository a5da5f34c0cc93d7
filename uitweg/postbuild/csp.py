"""The Content-Security-Policy <meta> of every page (post-build step).

The policy is data/headers.yml's, the same that nginx sends: only the site's
own files. A <meta> copy is needed as well, because pages are also opened from
file:// (USB copies), where no server sends headers.

No page may carry inline script, style="…" attributes or on…= handlers: the
header policy has no hashes, so they would break on the server. The check
stops the build and names file, line and the fix. <style> elements (the
site's stylesheet, inlined by uitweg/postbuild/stylesheet.py) are allowed by
their sha256 in the <meta>'s style-src; the header policy lets inline styles
through ('unsafe-inline', data/headers.yml) because a committed nginx config
cannot know a hash that changes with the CSS, and a browser enforces both
policies, so only the hashed styles apply. No script is allowed by hash: the
site's scripts are files.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from uitweg.core import html as H
from uitweg.core.html import STYLE_ELEMENT
from uitweg.core.problems import BuildError, Problem
from uitweg.postbuild.headers import csp, load_headers

CHARSET = re.compile(r"<meta charset=\"?utf-8\"?>", re.I)
# Scripts that are data, not code: the CSP does not apply to them.
DATA_TYPES = {"application/json", "application/ld+json", "importmap"}
META_NAME = "Content-Security-Policy"


def _inline_code(name: str) -> bool:
    """An attribute the policy blocks: style, or an event handler (onclick, …)."""
    return name == "style" or (name.startswith("on") and len(name) > 2)


def inline_problems(page: str, name: str) -> list[Problem]:
    """Inline code the policy would block, with the fix. Read as a browser
    reads the page (uitweg.core.html): markup inside a comment or a script's
    text is not an element."""
    problems = []
    lines = H.start_tag_lines(page, "script")
    for i, script in enumerate(H.parse(page).css("script")):
        attrs = script.attributes
        if "src" not in attrs and (attrs.get("type") or "").lower() not in DATA_TYPES and script.text().strip():
            problems.append(Problem(name, lines[i] if i < len(lines) else None,
                                    "inline <script>: move it into a file under overrides/assets/javascripts/ "
                                    "and load it with <script src> (the CSP allows only the site's own files)"))
    for line, tag, attr, _value in H.located_attributes(page, _inline_code):
        problems.append(Problem(name, line, f"<{tag} {attr}=…>: the CSP blocks inline {attr} attributes; "
                                "use a class in uitweg.css or a listener in uitweg.js"))
    return problems


def sha256_b64(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def add_csp_meta(site: Path) -> None:
    """Check every page for inline code, then put the policy right after <meta charset>."""
    data = load_headers()
    problems: list[Problem] = []
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        html = page.read_text(encoding="utf-8")
        name = page.relative_to(site).as_posix()
        problems += inline_problems(html, name)
        charset = CHARSET.search(html)
        if not charset:
            problems.append(Problem(name, None, 'no <meta charset="utf-8"> to put the CSP <meta> after'))
            continue
        if META_NAME in html:
            problems.append(Problem(name, None, "already has a Content-Security-Policy; post-build ran twice?"))
            continue
        policy = csp(data, for_meta=True,
                     style_hashes=tuple(dict.fromkeys(sha256_b64(m.group(2)) for m in STYLE_ELEMENT.finditer(html))))
        meta = f'\n      <meta http-equiv="{META_NAME}" content="{policy}">'
        page.write_text(html[:charset.end()] + meta + html[charset.end():], encoding="utf-8")
    if problems:
        raise BuildError(problems, "Pages would break under the Content-Security-Policy (data/headers.yml)")
