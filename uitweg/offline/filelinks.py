"""Does a set of files work from file://? Every relative link and load must
name a file that is in the set: no directory URLs ("en/", "./"), no absolute
"/paths" (they point at the root of the disk), nothing missing."""
from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

from uitweg.core.html import link_attributes
from uitweg.gate.links import is_external


def link_problems(files: dict[str, bytes]) -> list[str]:
    problems = []
    for name in sorted(n for n in files if n.endswith(".html")):
        html = files[name].decode("utf-8")
        base = posixpath.dirname(name)
        for line, tag, attr, value in link_attributes(html):
            value = value.strip()
            if not value or value.startswith("#") or is_external(value):
                continue
            targets = [v.strip().split(" ")[0] for v in value.split(",")] if attr == "srcset" else [value]
            for target in targets:
                path = unquote(urlsplit(target).path)
                if path.startswith("/"):
                    problems.append(f"{name}:{line}: <{tag} {attr}=\"{value}\"> is an absolute path; "
                                    f"from file:// it points at the root of the disk (use a relative link)")
                elif path == "" or path.endswith("/") or path in (".", ".."):
                    problems.append(f"{name}:{line}: <{tag} {attr}=\"{value}\"> is a folder link; from file:// it "
                                    f"opens a file listing, not a page (link to the .html file)")
                elif posixpath.normpath(posixpath.join(base, path)) not in files:
                    problems.append(f"{name}:{line}: <{tag} {attr}=\"{value}\"> names a file that is not in the copy")
    return problems
