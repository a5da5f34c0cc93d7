"""A real server: Debian's nginx with deploy/nginx.conf (root and port changed,
as a host would) over the built site. Pages and assets come back as the
precompressed twins, with the security headers of data/headers.yml and the
right caching. The same headers are in site/_headers and cannot drift."""
from __future__ import annotations

import gzip
import http.client
from pathlib import Path

import brotli
import pytest
from testkit import local_nginx

from conftest import ROOT
from uitweg.postbuild.headers import (
    NGINX_CONF,
    cache_control,
    hashed_asset,
    headers_file,
    load_headers,
    render_nginx,
    response_headers,
)

DATA = load_headers()


@pytest.fixture(scope="module")
def nginx(site, tmp_path_factory):
    problem = local_nginx.missing()
    if problem:
        pytest.fail(problem)
    try:
        proc, (port,) = local_nginx.start([site], tmp_path_factory.mktemp("nginx"))
    except local_nginx.NginxError as err:
        pytest.fail(str(err))
    yield port
    proc.terminate()
    proc.wait(timeout=10)


def get(port: int, path: str, encoding: str | None = None) -> tuple[int, dict, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers={"Accept-Encoding": encoding} if encoding else {})
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp.status, {k.lower(): v for k, v in resp.getheaders()}, body


def asset(site: Path, pattern: str) -> str:
    found = sorted(site.glob(pattern))
    assert found, pattern
    return "/" + found[0].relative_to(site).as_posix()


@pytest.fixture(scope="module")
def samples(site) -> list[str]:
    return ["/index.html", "/en/signs.html", "/fr/who-can-help.html",
            asset(site, "assets/javascripts/uitweg-search.*.js"), asset(site, "assets/javascripts/uitweg.*.js"),
            "/search/index.nl.js", "/sitemap.xml"]


def test_files_come_back_precompressed(nginx, site, samples):
    for path in samples:
        original = (site / path.lstrip("/")).read_bytes()
        status, headers, body = get(nginx, path)
        assert status == 200 and "content-encoding" not in headers and body == original, path
        status, headers, body = get(nginx, path, "gzip")
        assert headers.get("content-encoding") == "gzip", f"{path}: {headers}"
        assert gzip.decompress(body) == original and body == (site / (path.lstrip("/") + ".gz")).read_bytes(), path
        status, headers, body = get(nginx, path, "gzip, deflate, br")
        assert headers.get("content-encoding") == "br", f"{path}: {headers}"
        assert brotli.decompress(body) == original, path
        assert "accept-encoding" in headers.get("vary", "").lower(), f"{path}: no Vary: Accept-Encoding"


def test_every_response_has_the_security_headers(nginx, site, samples):
    for path in samples + ["/no-such-page.html"]:
        _, headers, _ = get(nginx, path, "br")
        for name, value in response_headers(DATA).items():
            assert headers.get(name.lower()) == value, f"{path}: {name} is {headers.get(name.lower())!r}"
        assert "server" not in headers or "nginx/" not in headers["server"], "server_tokens off"


def test_hashed_assets_are_cached_long_and_pages_briefly(nginx, samples):
    pattern = hashed_asset(DATA)
    for path in samples:
        _, headers, _ = get(nginx, path, "br")
        expected = cache_control(DATA, hashed=bool(pattern.search(path)))
        assert headers.get("cache-control") == expected, f"{path}: {headers.get('cache-control')}"
    assert any(pattern.search(p) for p in samples) and not all(pattern.search(p) for p in samples)


def test_folders_and_missing_pages(nginx, site):
    status, headers, body = get(nginx, "/", "gzip")
    assert status == 200 and b'<html lang="nl"' in gzip.decompress(body)
    status, _, body = get(nginx, "/en/")
    assert status == 200 and b'<html lang="en"' in body
    status, headers, body = get(nginx, "/no-such-page.html")
    assert status == 404 and b'id="uw-exit"' in body, "the 404 page has the quick exit too"


def test_nginx_conf_matches_the_headers_data():
    conf = NGINX_CONF.read_text(encoding="utf-8")
    assert render_nginx(conf, DATA) == conf, \
        "deploy/nginx.conf differs from data/headers.yml: run `python -m uitweg.postbuild.headers --write-nginx`"


def test_headers_file_matches_the_headers_data(site):
    pattern = hashed_asset(DATA)
    hashed = sorted("/" + p.relative_to(site).as_posix() for p in site.rglob("*") if pattern.search(p.name))
    assert (site / "_headers").read_text(encoding="utf-8") == headers_file(DATA, hashed)
    assert any(h.startswith("/assets/javascripts/uitweg.") for h in hashed)


def test_repository_file_is_the_one_tested():
    assert NGINX_CONF == ROOT / "deploy" / "nginx.conf"


def get_with_language(port: int, path: str, accept_language: str) -> tuple[int, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers={"Accept-Language": accept_language})
    resp = conn.getresponse()
    resp.read()
    conn.close()
    headers: dict[str, str] = {}
    for k, v in resp.getheaders():   # nginx may send Vary twice (Accept-Encoding, Accept-Language)
        headers[k.lower()] = f"{headers[k.lower()]}, {v}" if k.lower() in headers else v
    return resp.status, headers


def test_the_root_answers_in_the_browsers_language(nginx):
    from uitweg.core.languages import load_languages
    langs = load_languages()
    for lang in langs.languages:
        status, headers = get_with_language(nginx, "/", f"{lang.code}-XX,{lang.code};q=0.9,nl;q=0.5")
        if lang.code == langs.default.code:
            assert status == 200, lang.code
        else:
            assert status == 302 and headers["location"].endswith(f"/{lang.code}/index.html"), (lang.code, headers)
            assert "content-security-policy" in headers, "the redirect keeps the security headers"
        assert "accept-language" in headers.get("vary", "").lower(), lang.code
    status, _ = get_with_language(nginx, "/", "de-DE,de;q=0.9")   # not a language of the site: Dutch
    assert status == 200
    status, _ = get_with_language(nginx, "/index.html", "ar")     # a page the reader chose: never redirected
    assert status == 200
    status, _ = get_with_language(nginx, "/", "nl-BE,ar;q=0.8")   # Dutch first: Dutch
    assert status == 200
