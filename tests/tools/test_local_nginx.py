"""tools/testkit/local_nginx.py starts nginx on ports no other program holds:
a port taken between choosing it and nginx binding it (tests run in parallel)
makes it try new ports, and two sites never share a port."""
from __future__ import annotations

import http.client
import socket

import pytest
from testkit import local_nginx


def _get(port: int) -> bytes:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", "/index.html")
    body = conn.getresponse().read()
    conn.close()
    return body


def test_a_taken_port_is_tried_again_and_each_site_has_its_own(tmp_path, monkeypatch):
    problem = local_nginx.missing()
    if problem:
        pytest.fail(problem)
    sites = []
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(f"<p>{name}</p>", encoding="utf-8")
        sites.append(tmp_path / name)
    squatter = socket.socket()          # another program, listening on the first port chosen
    squatter.bind(("127.0.0.1", 0))
    squatter.listen()
    taken = squatter.getsockname()[1]
    real = local_nginx.free_ports
    calls = []

    def choose(n):
        calls.append(n)
        ports = real(n)
        return [taken, *ports[1:]] if len(calls) == 1 else ports

    monkeypatch.setattr(local_nginx, "free_ports", choose)
    proc, ports = local_nginx.start(sites, tmp_path / "nginx")
    try:
        assert len(calls) == 2 and taken not in ports and len(set(ports)) == 2
        assert [_get(p) for p in ports] == [b"<p>one</p>", b"<p>two</p>"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        squatter.close()


def test_free_ports_are_all_different():
    for _ in range(50):
        ports = local_nginx.free_ports(4)
        assert len(set(ports)) == 4
