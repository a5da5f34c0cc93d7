"""The site's HTTP headers from data/headers.yml, written three ways so they
cannot drift apart: the generated blocks of deploy/nginx.conf, site/_headers
(post-build, for static hosts that read it) and the CSP <meta> (uitweg/postbuild/csp.py).

    python -m uitweg.postbuild.headers --write-nginx   rewrite the blocks in deploy/nginx.conf
    python -m uitweg.postbuild.headers --check-nginx   exit 1 if they differ from the data
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from uitweg.core import paths
from uitweg.core.filecache import cached_loader
from uitweg.core.yamlfile import load_data

HEADERS = paths.DATA / "headers.yml"
NGINX_CONF = paths.ROOT / "deploy" / "nginx.conf"
# Browsers ignore these in a <meta http-equiv> (and warn about them).
HEADER_ONLY = ("frame-ancestors", "sandbox", "report-uri", "report-to")
BLOCK = re.compile(r"(?P<indent>[ \t]*)# BEGIN (?P<name>[\w-]+) .*?\n.*?[ \t]*# END (?P=name)\n", re.S)


@cached_loader
def load_headers(path: Path = HEADERS) -> dict:
    return load_data(Path(path), "headers")[0]


def csp(data: dict, for_meta: bool = False, style_hashes: tuple[str, ...] = ()) -> str:
    """The policy as one header value. `style_hashes` are base64 sha256
    values: the <meta> copy allows inline styles by hash only, it drops the
    header's 'unsafe-inline' (see uitweg/postbuild/csp.py)."""
    parts = []
    for directive, sources in data["content_security_policy"].items():
        if for_meta and directive in HEADER_ONLY:
            continue
        sources = list(sources)
        if directive == "style-src" and for_meta:
            sources = [s for s in sources if s != "'unsafe-inline'"] + [f"'sha256-{h}'" for h in style_hashes]
        parts.append(" ".join([directive, *sources]))
    return "; ".join(parts)


def cache_control(data: dict, hashed: bool) -> str:
    rule = data["cache"]["hashed" if hashed else "other"]
    value = f"public, max-age={rule['max_age']}"
    return value + (", immutable" if rule.get("immutable") else "")


def hashed_asset(data: dict) -> re.Pattern:
    return re.compile(data["cache"]["hashed"]["pattern"])


def response_headers(data: dict) -> dict[str, str]:
    """Headers every response gets (CSP first), without Cache-Control."""
    return {"Content-Security-Policy": csp(data), **data["headers"]}


# --- deploy/nginx.conf ------------------------------------------------------

def _nginx_quote(value: str) -> str:
    # nginx keeps a backslash inside quotes unless it escapes " ' \\ t n r.
    if '"' in value or re.search(r"\\[\\\"'tnr]", value):
        raise ValueError(f"data/headers.yml: {value!r} has a quote or an escape; nginx.conf cannot hold it")
    return f'"{value}"'


def nginx_blocks(data: dict) -> dict[str, list[str]]:
    """Lines (without indentation) of each generated block of nginx.conf."""
    cache = [
        "map $uri $uitweg_cache_control {",
        f"    default {_nginx_quote(cache_control(data, hashed=False))};",
        f"    {_nginx_quote('~' + data['cache']['hashed']['pattern'])} {_nginx_quote(cache_control(data, hashed=True))};",
        "}",
    ]
    headers = [f"add_header {name} {_nginx_quote(value)} always;" for name, value in response_headers(data).items()]
    headers.append("add_header Cache-Control $uitweg_cache_control always;")
    return {"cache-map": cache, "headers": headers}


def render_nginx(conf: str, data: dict) -> str:
    """`conf` with its generated blocks replaced by what the data says."""
    blocks = nginx_blocks(data)
    found = set()

    def replace(m: re.Match) -> str:
        name, indent = m.group("name"), m.group("indent")
        if name not in blocks:
            raise ValueError(f"deploy/nginx.conf: unknown generated block {name!r}")
        found.add(name)
        body = "".join(f"{indent}{line}\n" for line in blocks[name])
        return (f"{indent}# BEGIN {name} (generated from data/headers.yml by "
                f"`python -m uitweg.postbuild.headers --write-nginx`; do not edit)\n{body}{indent}# END {name}\n")

    out = BLOCK.sub(replace, conf)
    missing = set(blocks) - found
    if missing:
        raise ValueError(f"deploy/nginx.conf: the generated block(s) {', '.join(sorted(missing))} are missing "
                         "(lines `# BEGIN <name> …` and `# END <name>`)")
    return out


# --- site/_headers ----------------------------------------------------------

def headers_file(data: dict, hashed_files: list[str]) -> str:
    """Netlify/Cloudflare Pages `_headers`: security headers for every path;
    Cache-Control only for the hashed files, listed one by one, because these
    hosts merge the headers of all matching rules."""
    lines = ["# Generated at post-build from data/headers.yml (uitweg/postbuild/headers.py). Do not edit.", "/*"]
    lines += [f"  {name}: {value}" for name, value in response_headers(data).items()]
    for path in hashed_files:
        lines += [path, f"  Cache-Control: {cache_control(data, hashed=True)}"]
    return "\n".join(lines) + "\n"


def write_headers_file(site: Path) -> Path:
    data = load_headers()
    pattern = hashed_asset(data)
    hashed = sorted("/" + p.relative_to(site).as_posix() for p in site.rglob("*")
                    if p.is_file() and pattern.search(p.name))
    out = site / "_headers"
    out.write_text(headers_file(data, hashed), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args not in (["--write-nginx"], ["--check-nginx"]):
        print(__doc__, file=sys.stderr)
        return 2
    conf = NGINX_CONF.read_text(encoding="utf-8")
    fresh = render_nginx(conf, load_headers())
    if args == ["--write-nginx"]:
        NGINX_CONF.write_text(fresh, encoding="utf-8")
        return 0
    if fresh != conf:
        print("deploy/nginx.conf differs from data/headers.yml: run `python -m uitweg.postbuild.headers --write-nginx`",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
