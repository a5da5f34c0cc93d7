"""Read the few settings tools need from mkdocs.yml with MkDocs' own YAML
loader, so `!ENV`, `!relative` and `INHERIT` mean what they mean to MkDocs."""
from __future__ import annotations

from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from uitweg.core import paths


def load_mkdocs_yml(path: Path = paths.ROOT / "mkdocs.yml") -> dict:
    with open(path, "rb") as f:
        return yaml_load(f)


def site_url(path: Path = paths.ROOT / "mkdocs.yml") -> str:
    """The public address of the site, always ending in '/'."""
    url = load_mkdocs_yml(path)["site_url"]
    return url if url.endswith("/") else url + "/"


def home_url(lang: str, default_lang: str = "nl", path: Path = paths.ROOT / "mkdocs.yml") -> str:
    """Home page of a language: the default language lives at the root."""
    base = site_url(path)
    return base if lang == default_lang else f"{base}{lang}/"
