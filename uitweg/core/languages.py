"""The language list and per-language interface strings (data/languages.yml)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from uitweg.core import paths, yamlfile


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    call_words: tuple[str, ...]
    ui: dict


@dataclass(frozen=True)
class Languages:
    languages: tuple[Language, ...]
    strip: tuple[str, ...]

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


@lru_cache(maxsize=4)
def load_languages(path: Path = paths.LANGUAGES) -> Languages:
    data = yamlfile.load(path)
    langs = tuple(
        Language(code=d["code"], name=d["name"], call_words=tuple(w.lower() for w in d["call_words"]), ui=d["ui"])
        for d in data["languages"]
    )
    return Languages(languages=langs, strip=tuple(data.get("strip", ())))
