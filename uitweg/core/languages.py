"""The language list and per-language interface strings (data/languages.yml,
checked against data/languages.schema.json)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from uitweg.core import paths
from uitweg.core.filecache import cached_loader
from uitweg.core.problems import Problem
from uitweg.core.yamlfile import line_of, load_data


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    call_words: tuple[str, ...]
    ui: dict
    dir: str = "ltr"          # "rtl" for Arabic: pages get dir="rtl", numbers stay left to right
    reviewed: bool = False    # a native speaker has read it; else pages show ui.unreviewed_notice
    script: str = ""          # ISO 15924 (Latn, Cyrl, Arab, ...): tests sample one language per script


@dataclass(frozen=True)
class Languages:
    languages: tuple[Language, ...]
    strip: tuple[str, ...]
    strip_compact: int = 2    # numbers of the strip a phone shows first on pages other than the home pages
    path: Path = paths.LANGUAGES
    lines: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def codes(self) -> list[str]:
        return [lang.code for lang in self.languages]

    @property
    def default(self) -> Language:
        return self.languages[0]

    def get(self, code: str) -> Language:
        for lang in self.languages:
            if lang.code == code:
                return lang
        raise KeyError(f"unknown language {code!r}; data/languages.yml has {', '.join(self.codes)}")

    def all_call_words(self) -> frozenset[str]:
        return frozenset(w for lang in self.languages for w in lang.call_words)

    def strip_problems(self, contact_ids: Iterable[str]) -> list[Problem]:
        """Ids in `strip` that the contact table does not have."""
        known = set(contact_ids)
        return [Problem(paths.shown(self.path), line_of(self.lines, ("strip", i)),
                        f"the emergency strip names '{cid}', which is not an id in data/contacts.yml; "
                        f"use one of {', '.join(sorted(known))}")
                for i, cid in enumerate(self.strip) if cid not in known]


@cached_loader
def load_languages(path: Path = paths.LANGUAGES) -> Languages:
    """The languages; a BuildError (file, line, what to fix) if the file is broken."""
    data, lines = load_data(Path(path), "languages")
    langs = tuple(
        Language(code=d["code"], name=d["name"], call_words=tuple(w.lower() for w in d["call_words"]), ui=d["ui"],
                 dir=d.get("dir", "ltr"), reviewed=d["reviewed"], script=d.get("script", ""))
        for d in data["languages"]
    )
    return Languages(languages=langs, strip=tuple(data.get("strip", ())),
                     strip_compact=data.get("strip_compact", 2), path=Path(path), lines=lines)
