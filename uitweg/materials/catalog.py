"""Which files the materials page offers, and where each lives in site/.

Every path is relative to the site root and starts with the downloads
folder (data/materials.yml `folder`)."""
from __future__ import annotations

from dataclasses import dataclass

from uitweg.core.languages import Languages
from uitweg.printing.layouts import Edition


@dataclass(frozen=True)
class PrintFile:
    edition: Edition
    pdf: str          # files/print/poster-a4-nl.pdf
    preview: str      # files/print/poster-a4-nl.png


@dataclass(frozen=True)
class Catalog:
    folder: str
    zip: str
    pocket: dict[str, str]        # lang -> path
    kiwix: dict[str, str]         # lang -> path
    prints: list[PrintFile]
    allowed_signers: str

    def all_paths(self) -> list[str]:
        out = [self.zip, *self.pocket.values(), *self.kiwix.values(), self.allowed_signers]
        for p in self.prints:
            out += [p.pdf, p.preview]
        return out


def make_catalog(settings: dict, languages: Languages, editions: list[Edition]) -> Catalog:
    folder, files = settings["folder"], settings["files"]

    def at(name: str) -> str:
        return f"{folder}/{name}"

    return Catalog(
        folder=folder,
        zip=at(files["zip"]),
        pocket={c: at(files["pocket"].format(lang=c)) for c in languages.codes},
        kiwix={c: at(files["kiwix"].format(lang=c)) for c in languages.codes},
        prints=[PrintFile(e, at(files["print"].format(name=e.filename[:-4])), at(files["preview"].format(name=e.filename[:-4])))
                for e in editions],
        allowed_signers=at(files["allowed_signers"]),
    )
