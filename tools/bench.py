"""make bench: build time and byte weights of Uitweg next to a default
mkdocs-material build of the same Markdown, made in the same run.

    python tools/bench.py [--keep DIR]

Prints one table: build time (whole site and per language, from the moment
static-i18n logs each language), the weight of every page and asset (raw,
gzip -9, brotli 11) side by side, and for each home page what a first visit
really loads in Chromium (every request, counted in brotli bytes). The
default build has theme `material` with its defaults, the same docs, nav,
Markdown extensions and static-i18n, and no hooks (so shortcodes stay text).
Then Lighthouse 12 (tools/bench/package.json, `npm ci` there; mobile,
simulated slow 4G) over both builds served by Debian's nginx with
deploy/nginx.conf (both with .br/.gz twins), on the home page and
who-can-help in every language: first-visit bytes and requests as
transferred, first contentful paint, accessibility and best-practices
scores. Nothing leaves 127.0.0.1 (third-party hosts are blocked).
Figures go into dev-notes/light.md by hand.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import brotli
import yaml
from testkit import local_nginx
from testkit.network_watch import NetworkWatch

from uitweg.core.siteconfig import load_mkdocs_yml

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM = "/usr/bin/chromium"
SKIP = (".map", ".gz", ".br")
LANG_START = re.compile(r"Building '(\w+)' documentation")
DONE = re.compile(r"Documentation built in")
POST_START = re.compile(r"Post-build steps")  # logged by hooks/uitweg_hooks.py on_post_build


@dataclass
class Build:
    name: str
    site: Path
    seconds: float
    per_language: dict[str, float]
    postbuild: float = 0.0


def timed_build(name: str, project: Path, site: Path, strict: bool, first_lang: str) -> Build:
    """Run mkdocs build; stamp static-i18n's log lines to split the time per language."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)] + (["--strict"] if strict else [])
    start = time.perf_counter()
    marks = [(first_lang, start)]
    end = post = None
    proc = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    log = []
    for line in proc.stderr:
        log.append(line)
        now = time.perf_counter()
        if (m := LANG_START.search(line)):
            marks.append((m.group(1), now))
        elif POST_START.search(line):
            post = now
        elif DONE.search(line):
            end = now
    if proc.wait() != 0:
        raise SystemExit(f"{name} build failed:\n{''.join(log[-30:])}")
    end = end or time.perf_counter()
    total = time.perf_counter() - start
    # Our post-build steps run inside the build (on_post_build), after the last language.
    last = post or end
    per_language = {lang: (marks[i + 1][1] if i + 1 < len(marks) else last) - t for i, (lang, t) in enumerate(marks)}
    return Build(name, site, total, per_language, end - post if post else 0.0)


def default_project(dest: Path) -> Path:
    """A mkdocs.yml with Material's defaults over the same docs."""
    ours = load_mkdocs_yml(ROOT / "mkdocs.yml")
    i18n = next(p["i18n"] for p in ours["plugins"] if isinstance(p, dict) and "i18n" in p)
    config = {
        "site_name": ours["site_name"],
        "site_url": ours.get("site_url"),
        "docs_dir": str(ROOT / ours.get("docs_dir", "docs")),
        "theme": {"name": "material", "language": ours["theme"].get("language", "en")},
        "markdown_extensions": ours.get("markdown_extensions", []),
        "plugins": ["search", {"i18n": i18n}],
        "nav": ours.get("nav"),
    }
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dest


@functools.cache
def weights(path: Path) -> tuple[int, int, int]:
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, 9, mtime=0)), len(brotli.compress(data, quality=11))


def page_key(rel: str, languages: set[str]) -> str:
    """signs/index.html (directory URLs, the MkDocs default) and signs.html are
    the same page; en/index.html is a language's home in both."""
    m = re.fullmatch(r"(.*?)([^/]+)/index\.html", rel)
    return f"{m.group(1)}{m.group(2)}.html" if m and m.group(1) + m.group(2) not in languages else rel


def files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*"))
            if p.is_file() and not p.name.endswith(SKIP) and p.name != "_headers"}


ROLES = [
    ("stylesheets", r"\.css$"),
    ("Material bundle", r"javascripts/bundle\.[^/]+\.js$"),
    ("search worker", r"javascripts/workers/"),
    ("lunr languages", r"javascripts/lunr/"),
    ("search index", r"^search/"),
    ("other scripts", r"\.js$"),
    ("images", r"\.(png|svg|ico)$"),
    ("sitemaps", r"sitemap"),
]


def role(rel: str) -> str:
    return next((name for name, pattern in ROLES if re.search(pattern, rel)), "other")


def served(site: Path):
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def first_visits(build: Build, homes: list[str]) -> dict[str, dict]:
    """What each home page loads in Chromium (JS on, empty cache): bytes and requests."""
    from playwright.sync_api import sync_playwright
    server = served(build.site)
    base = f"http://127.0.0.1:{server.server_port}/"
    out = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        for home in homes:
            context = browser.new_context(viewport={"width": 360, "height": 640})
            context.route(re.compile(r"^(?!http://127\.0\.0\.1).*"), lambda route: route.abort())
            page = context.new_page()
            urls, failed = [], []
            page.on("request", lambda r, urls=urls: urls.append(r.url))
            page.on("response", lambda r, failed=failed: r.status >= 400 and failed.append(r.url))
            watch = NetworkWatch(page)
            page.goto(base + home)
            watch.wait_until_quiet()
            local = [u.split("#")[0].split("?")[0][len(base):] for u in urls if u.startswith(base)]
            html = build.site / home
            css = [build.site / u for u in local if u.endswith(".css")]
            out[home] = {
                "critical": weights(html)[2] + sum(weights(p)[2] for p in css),
                "first_visit": sum(weights(build.site / u)[2] for u in dict.fromkeys(local) if (build.site / u).is_file()),
                "requests": len(urls),
                "third_party": len([u for u in urls if not u.startswith(base) and not u.startswith("data:")]),
                "failed": len(failed),
            }
            context.close()
        browser.close()
    server.shutdown()
    return out


def kb(n: float) -> str:
    return f"{n / 1024:.1f}"


def triple(w) -> str:
    return "/".join(kb(x) for x in w) if w else "-"


def ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}" if a and b else "-"


def table(ours: Build, default: Build, homes: list[str]) -> str:
    rows: list[tuple[str, str, str, str]] = []
    rows.append(("build time, whole site (s)", f"{ours.seconds:.2f}", f"{default.seconds:.2f}",
                 ratio(ours.seconds, default.seconds)))
    for lang in ours.per_language:
        rows.append((f"build time, {lang} (s)", f"{ours.per_language[lang]:.2f}",
                     f"{default.per_language.get(lang, 0):.2f}", ratio(ours.per_language[lang], default.per_language.get(lang))))
    rows.append(("  of which post-build steps (s)", f"{ours.postbuild:.2f}", f"{default.postbuild:.2f}", ""))
    o_files, d_files = files(ours.site), files(default.site)
    langs = set(ours.per_language)
    o_pages = {page_key(k, langs): v for k, v in o_files.items() if k.endswith(".html")}
    d_pages = {page_key(k, langs): v for k, v in d_files.items() if k.endswith(".html")}
    for key in sorted(set(o_pages) | set(d_pages)):
        o, d = o_pages.get(key), d_pages.get(key)
        rows.append((f"page {key}", triple(o and weights(o)), triple(d and weights(d)),
                     ratio(o and weights(o)[2], d and weights(d)[2])))
    for name, _ in ROLES + [("other", "")]:
        o = [p for k, p in o_files.items() if not k.endswith(".html") and role(k) == name]
        d = [p for k, p in d_files.items() if not k.endswith(".html") and role(k) == name]
        if name in ("lunr languages",):
            o_sum = [sum(weights(p)[i] for p in o) for i in range(3)]
            d_sum = [sum(weights(p)[i] for p in d) for i in range(3)]
            rows.append((f"{name} ({len(o)} / {len(d)} files, all shipped)", triple(o_sum), triple(d_sum),
                         ratio(o_sum[2], d_sum[2])))
            continue
        # Same path in both builds side by side; the rest in order.
        d_rel = {p.relative_to(default.site): p for p in d}
        pairs = [(p, d_rel.pop(p.relative_to(ours.site), None)) for p in o]
        rest_o = [op for op, dp in pairs if dp is None]
        pairs = [(op, dp) for op, dp in pairs if dp is not None]
        rest_d = list(d_rel.values())
        pairs += [(rest_o[i] if i < len(rest_o) else None, rest_d[i] if i < len(rest_d) else None)
                  for i in range(max(len(rest_o), len(rest_d)))]
        for op, dp in pairs:
            label = " | ".join(p.relative_to(b.site).as_posix() for p, b in ((op, ours), (dp, default)) if p)
            rows.append((f"{name}: {label}", triple(op and weights(op)), triple(dp and weights(dp)),
                         ratio(op and weights(op)[2], dp and weights(dp)[2])))
    o_all = [sum(weights(p)[i] for p in o_files.values()) for i in range(3)]
    d_all = [sum(weights(p)[i] for p in d_files.values()) for i in range(3)]
    rows.append((f"whole site ({len(o_files)} / {len(d_files)} files, no maps/twins)", triple(o_all), triple(d_all),
                 ratio(o_all[2], d_all[2])))
    o_visits, d_visits = first_visits(ours, homes), first_visits(default, homes)
    for home in homes:
        o, d = o_visits[home], d_visits[home]
        rows.append((f"{home}: render-critical, HTML + blocking CSS (br KB)", kb(o["critical"]), kb(d["critical"]),
                     ratio(o["critical"], d["critical"])))
        rows.append((f"{home}: first visit, all it loads (br KB)", kb(o["first_visit"]), kb(d["first_visit"]),
                     ratio(o["first_visit"], d["first_visit"])))
        rows.append((f"{home}: requests / third-party (blocked) / 404", f"{o['requests']} / {o['third_party']} / {o['failed']}",
                     f"{d['requests']} / {d['third_party']} / {d['failed']}", ""))
    head = ("what (sizes in KB: raw/gzip/brotli)", "Uitweg", "default Material", "ratio")
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(4)]

    def line(r):
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))

    return "\n".join([line(head), "  ".join("-" * w for w in widths)] + [line(r) for r in rows])


LIGHTHOUSE = ROOT / "tools" / "bench" / "node_modules" / "lighthouse" / "cli" / "index.js"


def lighthouse(url: str) -> dict:
    """One Lighthouse run (mobile, simulated slow 4G): the figures of issue 12."""
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    for _ in range(3):   # Lighthouse now and then loses the trace (NO_NAVSTART) on a busy machine: retry
        out = _lighthouse_once(url, env)
        if out.returncode == 0:
            break
    if out.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{out.stderr[-2000:]}")
    return _figures(json.loads(out.stdout))


RUNS = int(os.environ.get("BENCH_RUNS", "3"))


def median_run(ours_url: str, default_url: str) -> tuple[dict, dict]:
    """RUNS runs of each, interleaved so both see the same machine load; the
    run with the median first contentful paint of each (bytes do not vary)."""
    ours, default = [], []
    for _ in range(RUNS):
        ours.append(lighthouse(ours_url))
        default.append(lighthouse(default_url))
    pick = lambda runs: sorted(runs, key=lambda r: r["fcp"])[len(runs) // 2]  # noqa: E731
    return pick(ours), pick(default)


def _lighthouse_once(url: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
                          "--only-categories=performance,accessibility,best-practices",
                          "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
                          "--no-first-run --disable-background-networking --disable-component-update",
                          "--blocked-url-patterns=*fonts.googleapis.com*", "--blocked-url-patterns=*fonts.gstatic.com*",
                          "--blocked-url-patterns=*unpkg.com*", "--blocked-url-patterns=*cdn.jsdelivr.net*"],
                          capture_output=True, text=True, env=env)


def _figures(report: dict) -> dict:
    items = report["audits"]["network-requests"]["details"]["items"]
    local = [i for i in items if i["url"].startswith("http://127.0.0.1")]
    return {
        "bytes": sum(i.get("transferSize", 0) for i in local),
        "requests": len(local),
        "elsewhere": len(items) - len(local),
        "fcp": report["audits"]["first-contentful-paint"]["numericValue"] / 1000,
        "a11y": report["categories"]["accessibility"]["score"],
        "bp": report["categories"]["best-practices"]["score"],
        "failing": sorted(k for k, a in report["audits"].items()
                          if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary"),
    }


def lighthouse_table(ours: Build, default: Build, tmp: Path, langs: list[str], first: str) -> str:
    if not LIGHTHOUSE.is_file():
        return "Lighthouse is not installed: cd tools/bench && npm ci"
    from uitweg.postbuild.compress import compress_site
    compress_site(default.site)     # nginx serves precompressed files only: the default build gets twins too
    try:
        proc, (o_port, d_port) = local_nginx.start([ours.site, default.site], tmp / "nginx")
    except local_nginx.NginxError as err:
        raise SystemExit(str(err)) from None
    rows = []
    try:
        # One discarded run per server: the first Lighthouse run of a session
        # pays for Chromium's cold start and would skew whichever page is first.
        lighthouse(f"http://127.0.0.1:{o_port}/index.html"), lighthouse(f"http://127.0.0.1:{d_port}/")
        for name in ("index", "who-can-help"):
            for lang in langs:
                prefix = "" if lang == first else f"{lang}/"
                o_url = f"http://127.0.0.1:{o_port}/{prefix}{name}.html"
                d_url = f"http://127.0.0.1:{d_port}/{prefix}" + ("" if name == "index" else f"{name}/")
                o, d = median_run(o_url, d_url)
                rows.append((f"{prefix}{name}", o, d))
                print(f"  {prefix}{name}: {o} | default {d}", file=sys.stderr, flush=True)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    head = ("page", "bytes Uitweg", "default", "ratio", "requests", "FCP s Uitweg", "default", "ratio",
            "a11y", "default", "best pr.", "default")
    lines = [head]
    for page, o, d in rows:
        lines.append((page, kb(o["bytes"]), kb(d["bytes"]), ratio(o["bytes"], d["bytes"]),
                      f"{o['requests']} / {d['requests']}", f"{o['fcp']:.2f}", f"{d['fcp']:.2f}",
                      ratio(o["fcp"], d["fcp"]), f"{o['a11y']:.2f}", f"{d['a11y']:.2f}", f"{o['bp']:.2f}",
                      f"{d['bp']:.2f}"))
    widths = [max(len(r[i]) for r in lines) for i in range(len(head))]
    text = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))) for r in lines]
    text.insert(1, "  ".join("-" * w for w in widths))
    notes = [f"  {page}: Uitweg fails {o['failing']}" for page, o, _ in rows if o["failing"]]
    return "\n".join([f"Lighthouse 12, mobile, simulated slow 4G, nginx (deploy/nginx.conf); KB transferred, "
                      f"127.0.0.1 only; median FCP of {RUNS} interleaved runs (BENCH_RUNS)"] + text + notes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it (default: a temporary one)")
    args = parser.parse_args(argv)
    first = load_mkdocs_yml(ROOT / "mkdocs.yml")["theme"].get("language", "nl")
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        ours = timed_build("Uitweg", ROOT, work / "uitweg-site", strict=True, first_lang=first)
        default = timed_build("default", default_project(work / "default"), work / "default-site", strict=False,
                              first_lang=first)
        homes = ["index.html"] + [f"{code}/index.html" for code in ours.per_language if code != first]
        print(table(ours, default, homes))
        print()
        print(lighthouse_table(ours, default, work, list(ours.per_language), first))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
