"""deploy/nginx.conf run over built site folders on local ports, as a host
would run it (its `root` and `listen` changed): for the server tests
(tests/postbuild/test_nginx.py) and `make bench` (tools/bench.py).
Needs Debian's nginx and its brotli_static module."""
from __future__ import annotations

import contextlib
import re
import socket
import subprocess
import time
from pathlib import Path

from uitweg.postbuild.headers import NGINX_CONF

NGINX = Path("/usr/sbin/nginx")
MODULES = Path("/usr/lib/nginx/modules")

MAIN_CONF = """\
include /etc/nginx/modules-enabled/*.conf;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    {servers}
}}
"""


class NginxError(Exception):
    pass


def missing() -> str | None:
    """What is missing to run nginx here, with the command that installs it."""
    if not NGINX.exists():
        return "nginx is missing: `make test` installs it (APT_PACKAGES in make/light.mk)"
    if not list(MODULES.glob("ngx_http_brotli_static_module.so")):
        return ("the brotli_static module is missing: apt-get install libnginx-mod-http-brotli-static "
                "(`make test` does)")
    return None


def free_ports(n: int) -> list[int]:
    """n different ports that were free a moment ago: all sockets stay bound
    until every port is chosen, so two sites never get the same port."""
    with contextlib.ExitStack() as stack:
        socks = [stack.enter_context(socket.socket()) for _ in range(n)]
        for s in socks:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in socks]


def server_conf(conf: str, site: Path, port: int) -> str:
    """The server block of deploy/nginx.conf with `root` set to `site` and one
    `listen` on 127.0.0.1:`port`."""
    conf, roots = re.subn(r"(?m)^(\s*)root\s+[^;]+;", lambda m: f"{m.group(1)}root {site};", conf)
    if roots != 1:
        raise NginxError("deploy/nginx.conf needs exactly one `root` line")
    listens = list(re.finditer(r"(?m)^\s*listen\s+[^;]+;\n", conf))
    if not listens:
        raise NginxError("deploy/nginx.conf has no `listen` line")
    for m in reversed(listens[1:]):
        conf = conf[:m.start()] + conf[m.end():]
    return conf.replace(listens[0].group(0), f"    listen 127.0.0.1:{port};\n", 1)


def start(sites: list[Path], tmp: Path, conf: str | None = None) -> tuple[subprocess.Popen, list[int]]:
    """nginx serving each site on its own port, once `nginx -t` accepts the
    configuration and nginx has bound every port; returns the process and the ports."""
    conf = NGINX_CONF.read_text(encoding="utf-8") if conf is None else conf
    tmp.mkdir(parents=True, exist_ok=True)
    if not (tmp / "modules").exists():
        (tmp / "modules").symlink_to(MODULES)   # Debian's modules-enabled names them relative to the prefix
    # Another process may take a chosen port before nginx binds it (the tests
    # run in parallel): then nginx stops, and it is started again on new ports.
    for _attempt in range(3):
        ports = free_ports(len(sites))
        proc = _run(sites, ports, tmp, conf)
        if proc:
            return proc, ports
    raise NginxError(f"nginx found no free ports in 3 tries:\n{(tmp / 'error.log').read_text(errors='replace')}")


def _run(sites: list[Path], ports: list[int], tmp: Path, conf: str) -> subprocess.Popen | None:
    """nginx on these ports once it has bound all of them (its pid file is
    written after the listening sockets are open: a connection test could
    reach another program on the port); None when a port was taken."""
    servers = []
    for i, (site, port) in enumerate(zip(sites, ports, strict=True)):
        (tmp / f"site{i}.conf").write_text(server_conf(conf, site, port), encoding="utf-8")
        servers.append(f"include {tmp}/site{i}.conf;")
    (tmp / "nginx.conf").write_text(MAIN_CONF.format(tmp=tmp, servers="\n    ".join(servers)), encoding="utf-8")
    command = [str(NGINX), "-p", f"{tmp}/", "-c", str(tmp / "nginx.conf"), "-g", "daemon off; master_process off;"]
    check = subprocess.run(command + ["-t"], capture_output=True, text=True)
    if check.returncode != 0:
        raise NginxError(f"nginx -t refuses deploy/nginx.conf:\n{check.stderr}")
    pid_file = tmp / "nginx.pid"
    pid_file.unlink(missing_ok=True)
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 10
    while not pid_file.exists():
        if proc.poll() is not None:
            out = proc.stdout.read().decode() if proc.stdout else ""
            log = (tmp / "error.log").read_text(errors="replace") if (tmp / "error.log").exists() else ""
            if "Address already in use" in out + log:
                return None
            raise NginxError(f"nginx stopped before it listened on {ports}:\n{out}{log}")
        if time.monotonic() > deadline:
            proc.kill()
            raise NginxError(f"nginx did not start listening on {ports} in 10 s")
        time.sleep(0.05)
    return proc
