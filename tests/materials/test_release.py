"""`make release` refuses placeholders and an unsigned or wrongly signed build
(uitweg/materials/release.py), on hand-made settings files."""
from __future__ import annotations

from uitweg.materials.release import release_problems
from uitweg.offline import signing

NGINX = "server {\n    listen 80;\n    server_name %s;\n    root /srv/uitweg/site;\n}\n"


def settings(tmp_path, url: str, server: str):
    (tmp_path / "mkdocs.yml").write_text(f"site_name: Uitweg\nsite_url: {url}\n", encoding="utf-8")
    (tmp_path / "nginx.conf").write_text(NGINX % server, encoding="utf-8")
    return tmp_path / "mkdocs.yml", tmp_path / "nginx.conf"


def test_release_refuses_placeholders_and_a_missing_key(tmp_path):
    mkdocs, nginx = settings(tmp_path, "https://uitweg.example/", "uitweg.example www.uitweg.test")
    problems = release_problems(mkdocs, nginx, key=None)
    assert len(problems) == 4, problems
    assert "site_url https://uitweg.example/ is a placeholder" in problems[0]
    assert "server_name uitweg.example" in problems[1] and "server_name www.uitweg.test" in problems[2]
    assert "no signing key" in problems[3]


def test_release_accepts_a_real_domain_and_the_matching_key(tmp_path):
    mkdocs, nginx = settings(tmp_path, "https://www.uitweg.be/", "www.uitweg.be")
    signing.generate(tmp_path / "keys" / "a.key", tmp_path / "a.allowed")
    signing.generate(tmp_path / "keys" / "b.key", tmp_path / "b.allowed")
    assert release_problems(mkdocs, nginx, tmp_path / "keys" / "a.key", tmp_path / "a.allowed") == []
    foreign = release_problems(mkdocs, nginx, tmp_path / "keys" / "b.key", tmp_path / "a.allowed")
    assert len(foreign) == 1 and "does not belong" in foreign[0]
    http = release_problems(settings(tmp_path, "http://www.uitweg.be/", "www.uitweg.be")[0], nginx,
                            tmp_path / "keys" / "a.key", tmp_path / "a.allowed")
    assert len(http) == 1 and "https" in http[0]
