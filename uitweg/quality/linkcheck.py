"""Broken links and anchors in the built site (LinkChecker), and the contact
table's outside addresses (online, for editors).

    python -m uitweg.quality.linkcheck SITE_DIR    every internal link and #anchor, served
                                           on 127.0.0.1
    python -m uitweg.quality.linkcheck --external  every website and quick-exit address of
                                           data/contacts.yml, online (make linkcheck-external)

Outside addresses (https://…, tel:, mailto:) are never fetched by the first:
CI has no network, and the contact table is the place where they are checked.
"""
from __future__ import annotations

import contextlib
import csv
import functools
import http.server
import io
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from uitweg.contacts.load import load_contacts
from uitweg.contacts.model import ContactTable
from uitweg.core import paths
from uitweg.core.problems import BuildError, Problem, report
from uitweg.core.yamlfile import line_of, load_with_lines
from uitweg.quality.anchors import missing_anchors
from uitweg.quality.settings import load_gates, origin

# --- the contact table's outside addresses (make linkcheck-external) ---------

@dataclass(frozen=True)
class ExternalUrl:
    url: str
    owner: str       # "entry 'pag-asa'" or "quick_exit nl"
    file: str
    line: int | None


def external_urls(table: ContactTable) -> list[ExternalUrl]:
    """Every web address of the table: each entry's websites, then the
    quick-exit pages; with the line of each in data/contacts.yml."""
    _, lines = load_with_lines(table.path)
    shown = paths.shown(table.path)
    found = []
    for i, c in enumerate(table.contacts):
        for j, url in enumerate(c.websites):
            found.append(ExternalUrl(url, f"entry {c.id!r}", shown, line_of(lines, ("contacts", i, "websites", j))))
    for code, url in table.quick_exit.items():
        found.append(ExternalUrl(url, f"quick_exit {code}", shown, line_of(lines, ("quick_exit", code))))
    return found


def check_external(urls: list[ExternalUrl], timeout: float, get: Callable | None = None) -> list[Problem]:
    """Fetch each address (GET: some sites refuse HEAD); report those that fail."""
    if get is None:
        import requests
        get = functools.partial(requests.get, headers={"User-Agent": "Uitweg link check"}, stream=True)
    problems = []
    for u in urls:
        try:
            response = get(u.url, timeout=timeout, allow_redirects=True)
            status = response.status_code
            response.close()
        except Exception as exc:
            problems.append(Problem(u.file, u.line, f"{u.url} ({u.owner}) could not be reached ({type(exc).__name__}). "
                                    "Open it in a browser: if the site moved, write the new address (and record a "
                                    "new `checked`); if your network is down, try again later."))
            continue
        if status >= 400:
            problems.append(Problem(u.file, u.line, f"{u.url} ({u.owner}) answers HTTP {status}. Open it in a browser: "
                                    "if the page moved, write the new address (and record a new `checked`)."))
    return problems


# --- internal links of the built site (make test) ----------------------------

class _Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        # LinkChecker waits 0.1-0.6 s between requests to a host unless the
        # host answers with this header; the local copy can take full speed.
        self.send_header("LinkChecker", "local")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:
        pass


@contextlib.contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve `site_dir` on a free port of 127.0.0.1; yields the base URL."""
    handler = functools.partial(_Handler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def linkchecker_config(ignore: list[str]) -> str:
    """A linkcheckerrc: outside links not fetched. Anchors are checked by
    uitweg/quality/anchors.py (LinkChecker's plugin re-parses a page per anchor)."""
    patterns = "\n".join(f"  {p}" for p in ignore)
    return ("[checking]\nmaxrequestspersecond=1000\n"
            f"[filtering]\ncheckextern=0\nignore=\n{patterns}\n")


def run_linkchecker(start_urls: list[str], config: str) -> list[dict]:
    """Run LinkChecker from `start_urls` (recursing through the site); its CSV rows."""
    with tempfile.TemporaryDirectory() as tmp:
        rc = Path(tmp) / "linkcheckerrc"
        rc.write_text(config, encoding="utf-8")
        os.chmod(tmp, 0o755)  # LinkChecker drops root to `nobody` before reading pages
        env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8", HOME=tmp)
        result = subprocess.run([sys.executable, "-m", "linkcheck", "-f", str(rc), "-o", "csv/utf-8",
                                 "--no-status", *start_urls], capture_output=True, text=True, env=env, cwd=tmp)
    if result.returncode not in (0, 1) or "urlname;" not in result.stdout:
        raise RuntimeError(f"LinkChecker did not run (exit {result.returncode}):\n{result.stderr[-2000:]}")
    # Comment lines start with "# "; a row may start with "#anchor;".
    body = "\n".join(line for line in result.stdout.splitlines() if not line.startswith("# "))
    return list(csv.DictReader(io.StringIO(body), delimiter=";", quotechar='"'))


def broken_links(rows: list[dict], base: str, label: str = "site") -> list[Problem]:
    """Problems for broken links; `base` is the URL of the site folder, shown
    as `label` ("site/en/signs.html:12: …")."""
    problems = []
    for row in rows:
        if row.get("valid") == "True":
            continue
        parent = (row.get("parentname") or row.get("url") or "").split("#", 1)[0]
        rel = unquote(parent[len(base):]) if parent.startswith(base) else parent
        if rel == "" or rel.endswith("/"):
            rel += "index.html"
        line = int(row["line"]) if (row.get("line") or "").isdigit() else None
        name = (row.get("name") or "").strip()
        text = f"the link “{name}”" if name and name != "None" else "a link"
        target = row.get("urlname") or row.get("url")
        where = origin(rel) if rel.endswith(".html") else "a file of the site"
        result = row.get("result") or ""
        why = "" if result.startswith("404") or "No such file" in result else f"{result.split(':', 1)[0]}; "
        problems.append(Problem(f"{label}/{rel}", line, f"{text} goes to {target}, which does not exist ({why}{where}). "
                                "Fix the link target (file name ending in .md, folder, spelling), "
                                "or write the missing page."))
    return problems


def check_site(site_dir: Path, ignore: list[str] | None = None) -> list[Problem]:
    """Broken internal links (LinkChecker, over HTTP from the home page and
    the 404 page) and anchors (uitweg/quality/anchors.py). USB copies (file://) open the same files: that every link there
    names a file of the copy is tests/offline/test_offline_bundle.py's job
    (test_every_link_is_a_file, and the crawl from the copy's index.html), so
    a second, equally slow LinkChecker run over file:// would find nothing new."""
    config = linkchecker_config(ignore if ignore is not None else load_gates()["linkcheck"]["ignore"])
    with serve(site_dir) as http_base:
        # 404.html is linked from nowhere; its links are root-relative, so HTTP only.
        starts = [http_base] + ([http_base + "404.html"] if (site_dir / "404.html").is_file() else [])
        found = broken_links(run_linkchecker(starts, config), http_base) + missing_anchors(site_dir)
    problems = {(p.file, p.line, p.message): p for p in found}  # one message per link
    return sorted(problems.values(), key=lambda p: (p.file, p.line or 0))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--external"]:
        try:
            table = load_contacts()
        except BuildError as err:
            print(err, file=sys.stderr)
            return 1
        urls = external_urls(table)
        problems = check_external(urls, load_gates()["linkcheck"]["external_timeout"])
        return report(problems, "Some addresses of the contact table do not answer",
                      f"All {len(urls)} web addresses of data/contacts.yml answer.")
    if len(args) != 1 or not Path(args[0]).is_dir():
        print("usage: python -m uitweg.quality.linkcheck SITE_DIR | --external", file=sys.stderr)
        return 2
    return report(check_site(Path(args[0])), "The site has broken links", "No broken links or anchors.")


if __name__ == "__main__":
    raise SystemExit(main())
