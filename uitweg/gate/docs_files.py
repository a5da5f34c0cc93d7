"""Every file under docs/ is a page (.md), an image of an allowed type whose
bytes are that type, or refused: an .html, .txt, .js or other file would be
copied to the site unchecked, with its scripts and numbers."""
from __future__ import annotations

from pathlib import Path

from uitweg.core.problems import Problem

# Allowed assets and how their first bytes start.
MAGIC = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
}


def docs_file_problems(docs_dir: Path, shown_root: str = "docs") -> list[Problem]:
    problems = []
    for path in sorted(p for p in Path(docs_dir).rglob("*") if p.is_file()):
        name = f"{shown_root}/{path.relative_to(docs_dir).as_posix()}"
        ext = path.suffix.lower()
        if ext == ".md":
            continue
        if ext not in MAGIC:
            problems.append(Problem(name, None, f"a {ext or 'file without extension'} file in docs/ would be published "
                                    "unchecked; write pages in Markdown (.md), put images as .png, .jpg, .gif or .webp, "
                                    "or remove the file"))
        elif not path.read_bytes().startswith(MAGIC[ext]):
            problems.append(Problem(name, None, f"this file is not a {ext} image (its bytes say otherwise); "
                                    "export it again as a real image, or remove it"))
    return problems
