"""The print fonts: one face per script, listed in data/print_fonts.yml.

Every text is set in all faces, in the listed order: Pango takes each letter
from the first face that has it, so Latin, Cyrillic, Arabic and Persian come
from DejaVu, Chinese, Thai and Ethiopic from their own faces, and digits from
DejaVu in every language. The faces are loaded by file path (@font-face with a
file:// URL), never through the system's font lookup, so a PDF holds only
these faces whatever else the machine has installed. WeasyPrint embeds only
the glyphs a PDF uses.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from uitweg.core import paths
from uitweg.core.problems import BuildError, Problem
from uitweg.core.yamlfile import line_of, load_data

PRINT_FONTS = paths.DATA / "print_fonts.yml"


@dataclass(frozen=True)
class Face:
    name: str                  # "Thai": CSS family "Uitweg Thai", named "Uitweg-Thai" in the PDF
    package: str               # the Debian package that installs the files (make/print.mk)
    regular: Path
    bold: Path | None = None   # no bold file: the renderer makes the regular one bolder
    scripts: str = ""          # what it is for, in words

    @property
    def family(self) -> str:
        return f"Uitweg {self.name}"


def font_face_css(faces: tuple[Face, ...] | list[Face]) -> str:
    """@font-face rules for every face (regular, and bold where the face has one)."""
    rules = []
    for face in faces:
        rules.append(f'@font-face {{ font-family: "{face.family}"; font-weight: normal; src: url("{face.regular.as_uri()}"); }}')
        if face.bold:
            rules.append(f'@font-face {{ font-family: "{face.family}"; font-weight: bold; src: url("{face.bold.as_uri()}"); }}')
    return "\n".join(rules)


def family_list(faces) -> str:
    """The CSS font-family value: every face, in the order data/print_fonts.yml gives."""
    return ", ".join(f'"{face.family}"' for face in faces)


def load_faces(path: Path = PRINT_FONTS) -> tuple[Face, ...]:
    """The faces in lookup order; a BuildError naming file, line and the Debian
    package to install when a font file is missing."""
    path = Path(path)
    data, lines = load_data(path, "print_fonts")   # the schema checks each entry's keys
    shown = paths.shown(path)
    faces, problems, seen = [], [], set()
    for i, spec in enumerate(data["fonts"]):
        if spec["name"] in seen:
            problems.append(Problem(shown, line_of(lines, ("fonts", i, "name")),
                                    f"font {spec['name']!r} is listed twice; each face once"))
        seen.add(spec["name"])
        for key in ("regular", "bold"):
            if spec.get(key) and not Path(spec[key]).is_file():
                problems.append(Problem(shown, line_of(lines, ("fonts", i, key)),
                                        f"font file {spec[key]} is not installed; install the Debian package "
                                        f"{spec['package']} (make print installs the print packages)"))
        faces.append(Face(name=spec["name"], package=spec["package"], regular=Path(spec["regular"]),
                          bold=Path(spec["bold"]) if spec.get("bold") else None, scripts=spec.get("scripts", "")))
    if problems:
        raise BuildError(problems, "The print fonts are missing")
    return tuple(faces)
