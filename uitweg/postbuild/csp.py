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
policies, so only the hashed styles apply. The one script that is written at run
time is hashed here: the vendored iframe-worker shim (offline search from
file://) writes a small inline script into a hidden iframe, which inherits the
page's policy; its text depends only on the page's worker URL.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

from uitweg.core import html as H
from uitweg.core.html import STYLE_ELEMENT
from uitweg.core.problems import BuildError, Problem
from uitweg.postbuild.headers import csp, load_headers
from uitweg.postbuild.stylesheet import local_path

CHARSET = re.compile(r"<meta charset=\"?utf-8\"?>", re.I)
# Scripts that are data, not code: the CSP does not apply to them.
DATA_TYPES = {"application/json", "application/ld+json", "importmap"}
META_NAME = "Content-Security-Policy"
# iframe-worker: document.write(`<html><body><script>…${fn}…${url}…<\/script>…`)
WRITE = re.compile(r"document\.write\(`((?:[^`\\]|\\.)*)`\)", re.S)



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


def _skip_string(js: str, i: int) -> int:
    quote = js[i]
    i += 1
    while js[i] != quote:
        i += 2 if js[i] == "\\" else 1
    return i + 1


def function_source(js: str, name: str) -> str | None:
    """The text of `function name(…){…}` as Function.prototype.toString returns it."""
    m = re.search(rf"\bfunction {re.escape(name)}\(", js)
    if not m:
        return None
    i = js.index("{", m.end())
    depth = 0
    while True:
        ch = js[i]
        if ch in "\"'`":
            i = _skip_string(js, i)
            continue
        depth += {"{": 1, "}": -1}.get(ch, 0)
        i += 1
        if depth == 0:
            return js[m.start():i]


def _unescape(template_text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t", "r": "\r"}.get(m.group(1), m.group(1)),
                  template_text, flags=re.S)


def iframe_worker_script(shim: str, worker_url: str) -> str | None:
    """The inline script iframe-worker writes for `new Worker(worker_url)`,
    or None if `shim` is not iframe-worker."""
    write = WRITE.search(shim)
    if not write:
        return None
    inline = re.search(r"<script>(.*?)<\\/script>", write.group(1), re.S)
    if not inline:
        raise ValueError("iframe-worker writes no inline <script>: update uitweg/postbuild/csp.py")
    parts = re.split(r"\$\{(\w+)\}", inline.group(1))
    out, url_slots = [], 0
    for i, part in enumerate(parts):
        if i % 2 == 0:
            out.append(_unescape(part))
            continue
        source = function_source(shim, part)
        if source is None:
            url_slots += 1
            source = worker_url
        out.append(source)
    if url_slots != 1:
        raise ValueError(f"iframe-worker's inline script has {url_slots} non-function placeholders, "
                         "expected one (the worker URL): update uitweg/postbuild/csp.py")
    return "".join(out)


def sha256_b64(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def runtime_hashes(site: Path, page: Path, html: str, cache: dict[Path, str]) -> tuple[str, ...]:
    """Hashes of scripts that this page's own scripts write at run time."""
    tree = H.parse(html)
    config = tree.css_first('script#__config[type="application/json"]')
    worker = json.loads(config.text()).get("search") if config else None
    if not worker:
        return ()
    hashes = []
    for script in tree.css("script[src]"):
        path = local_path(site, page, script.attributes.get("src") or "")
        if path is None:
            continue
        if path not in cache:
            cache[path] = path.read_text(encoding="utf-8")
        script_text = iframe_worker_script(cache[path], worker)
        if script_text is not None:
            hashes.append(sha256_b64(script_text))
    return tuple(hashes)


def add_csp_meta(site: Path) -> None:
    """Check every page for inline code, then put the policy right after <meta charset>."""
    data = load_headers()
    problems: list[Problem] = []
    cache: dict[Path, str] = {}
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
        policy = csp(data, for_meta=True, script_hashes=runtime_hashes(site, page, html, cache),
                     style_hashes=tuple(dict.fromkeys(sha256_b64(m.group(2)) for m in STYLE_ELEMENT.finditer(html))))
        meta = f'\n      <meta http-equiv="{META_NAME}" content="{policy}">'
        page.write_text(html[:charset.end()] + meta + html[charset.end():], encoding="utf-8")
    if problems:
        raise BuildError(problems, "Pages would break under the Content-Security-Policy (data/headers.yml)")
