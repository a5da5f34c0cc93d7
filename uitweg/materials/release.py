"""`make release` runs this first: a release must not carry a placeholder.

Refuses (exit 1, one line per problem, each saying what to do):
- site_url in mkdocs.yml on a reserved domain (uitweg.example): the QR codes,
  the materials page, the read-mes and the sitemap would point nowhere, and
  every print PDF says "sample, not for printing";
- a placeholder server_name in deploy/nginx.conf;
- no signing key ($UITWEG_SIGNING_KEY), or one that does not belong to
  keys/allowed_signers: the copies could not be checked.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from uitweg.core import paths
from uitweg.core.siteconfig import site_url
from uitweg.offline import signing
from uitweg.offline.bundle import signing_key_from_env
from uitweg.offline.settings import ALLOWED_SIGNERS, SIGNING_KEY_ENV
from uitweg.printing.qr import placeholder_host, url_problem

NGINX_CONF = paths.ROOT / "deploy" / "nginx.conf"
SERVER_NAME = re.compile(r"^\s*server_name\s+([^;]+);", re.M)


def release_problems(mkdocs_yml: Path = paths.ROOT / "mkdocs.yml", nginx_conf: Path = NGINX_CONF,
                     key: Path | None = None, allowed_signers: Path = ALLOWED_SIGNERS) -> list[str]:
    problems = []
    url = site_url(mkdocs_yml)
    if (host := placeholder_host(url)):
        problems.append(f"mkdocs.yml: site_url {url} is a placeholder ({host}); set the NGO's real https address")
    elif (why := url_problem(url)):
        problems.append(f"mkdocs.yml: site_url {why}")
    for names in SERVER_NAME.findall(Path(nginx_conf).read_text(encoding="utf-8")):
        for name in names.split():
            if placeholder_host(f"https://{name}/"):
                problems.append(f"{paths.shown(nginx_conf)}: server_name {name} is a placeholder; "
                                f"set the site's real domain")
    if key is None:
        problems.append(f"no signing key: set {SIGNING_KEY_ENV} to the private key file "
                        f"(e.g. {SIGNING_KEY_ENV}=~/.config/uitweg/signing.key make release)")
    else:
        try:
            if not signing.same_key(signing.public_of_private(key), signing.read_allowed_signers(allowed_signers)):
                problems.append(f"the signing key {key} does not belong to {paths.shown(allowed_signers)}; "
                                "use the matching key, or rotate it (guides/materials.md)")
        except signing.KeyProblem as exc:
            problems.append(str(exc))
    return problems


def main(argv: list[str] | None = None) -> int:
    problems = release_problems(key=signing_key_from_env())
    if problems:
        print("make release: not releasing, because:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    print("make release: no placeholders, signing key matches keys/allowed_signers")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
