"""Read the few settings tools need from mkdocs.yml, without MkDocs."""
from __future__ import annotations

from pathlib import Path

import yaml

from uitweg.core import paths


class _Loader(yaml.SafeLoader):
    """Ignores MkDocs' custom tags (!ENV, !!python/name) that tools don't need."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def load_mkdocs_yml(path: Path = paths.ROOT / "mkdocs.yml") -> dict:
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_Loader)


def site_url(path: Path = paths.ROOT / "mkdocs.yml") -> str:
    """The public address of the site, always ending in '/'."""
    url = load_mkdocs_yml(path)["site_url"]
    return url if url.endswith("/") else url + "/"


def home_url(lang: str, default_lang: str = "nl", path: Path = paths.ROOT / "mkdocs.yml") -> str:
    """Home page of a language: the default language lives at the root."""
    base = site_url(path)
    return base if lang == default_lang else f"{base}{lang}/"
