"""make bench: what one more language costs (issue 23), measured.

    python tools/bench_languages.py [--no-suite] [--keep DIR]

Builds the whole product twice, the same way, one after the other: this
project as it is (N languages), and a scratch copy with K stub languages
added by tools/stub_languages.py (English pages and texts under new codes,
names in their own scripts; the six of issue 23 while they are not yet real
languages, else six spare ones of the same mix: three Latin, one
right-to-left, two new scripts). For each: the site build (`mkdocs build
--strict`, with the share of each language from static-i18n's log), the
print run (`python -m uitweg.printing`), the materials step (USB copy,
pocket and Kiwix files, previews), and unless --no-suite the whole test
suite as `make test` runs it (pytest -n TEST_WORKERS --dist loadgroup --no-loadscope-reorder);
then the zip, the site folder and the PDFs. Prints N, N+K and the cost of
one added language, (N+K − N) / K, side by side.

Times are wall clock and CPU (user + sys of the process and its children):
on a shared machine the wall clock moves with the load, CPU much less. The
load average before and after each part is printed with it.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import stub_languages
from bench import timed_build

from uitweg.core.languages import load_languages

ROOT = Path(__file__).resolve().parent.parent
WORKERS = os.environ.get("TEST_WORKERS", "3")
# Spare stubs once the six of issue 23 are real languages: the same mix.
SPARE = {
    "de": ("Deutsch", "Latn", "ltr", "deu"),
    "es": ("Español", "Latn", "ltr", "spa"),
    "it": ("Italiano", "Latn", "ltr", "ita"),
    "ur": ("اردو", "Arab", "rtl", "urd"),
    "hy": ("Հայերեն", "Armn", "ltr", "hye"),
    "lo": ("ລາວ", "Laoo", "ltr", "lao"),
}


@dataclass
class Cost:
    wall: float
    cpu: float
    load: str = ""
    returncode: int = 0


@dataclass
class Run:
    languages: int
    build: Cost
    per_language: dict[str, float]
    printing: Cost
    materials: Cost
    suite: Cost | None = None
    suite_result: str = ""
    sizes: dict[str, int] = field(default_factory=dict)


def load() -> str:
    return f"{os.getloadavg()[0]:.1f}"


def timed(command: list[str], cwd: Path, log: Path, check: bool = True) -> Cost:
    """Run `command` in `cwd` (its own uitweg: `python -m` puts cwd first on sys.path)."""
    before, start, at = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter(), load()
    with open(log, "a", encoding="utf-8") as out:
        result = subprocess.run(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if check and result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}; see {log}")
    return Cost(time.perf_counter() - start, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
                f"{at}→{load()}", result.returncode)


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure(project: Path, work: Path, suite: bool) -> Run:
    py = sys.executable
    site, prints, log = work / "site", work / "print", work / "log.txt"
    codes = load_languages(project / "data" / "languages.yml").codes
    before, at = resource.getrusage(resource.RUSAGE_CHILDREN), load()
    build = timed_build(project.name, project, site, strict=True, first_lang=codes[0])
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    build_cost = Cost(build.seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
                      f"{at}→{load()}")
    printing = timed([py, "-m", "uitweg.printing", "--out", str(prints)], project, log)
    materials = timed([py, "-m", "uitweg.materials", str(site), "--print-dir", str(prints)], project, log)
    run = Run(len(codes), build_cost, build.per_language, printing, materials)
    run.sizes = {
        "zip (USB copy)": (site / "files" / "info-offline.zip").stat().st_size,
        "site folder, all of it": folder_bytes(site),
        "site folder without files/ (downloads)": folder_bytes(site) - folder_bytes(site / "files"),
        "print PDFs": sum(p.stat().st_size for p in prints.glob("*.pdf")),
        "print PDFs (count)": len(list(prints.glob("*.pdf"))),
        "Kiwix files": sum(p.stat().st_size for p in (site / "files").glob("*.zim")),
        "pocket files": sum(p.stat().st_size for p in (site / "files").glob("info-*.htm")),
        # Each language adds a chooser entry and an hreflang link to every page.
        "largest page, brotli (first round trip: 14 KB)": max(
            p.stat().st_size for p in site.rglob("*.html.br") if "files" not in p.parts),
    }
    if suite:
        cost = timed([py, "-m", "pytest", "-n", WORKERS, "--dist", "loadgroup", "--no-loadscope-reorder", "-q", "-p", "no:cacheprovider"],
                     project, work / "suite.txt", check=False)
        tail = (work / "suite.txt").read_text(encoding="utf-8", errors="replace").strip().splitlines()
        run.suite, run.suite_result = cost, (tail[-1] if tail else "")
    return run


def scratch_copy(dest: Path) -> tuple[Path, list[str]]:
    """The project with K stub languages; node_modules shared (axe-core, vnu)."""
    present = set(load_languages().codes)
    stubs = {c: v for c, v in stub_languages.STUBS.items() if c not in present}
    if not stubs:
        stubs = {c: v for c, v in SPARE.items() if c not in present}
    project = dest / "project"
    try:
        stub_languages.make_copy(project, stubs)
    except stub_languages.StubError as err:
        raise SystemExit(str(err)) from None
    if (ROOT / "node_modules").is_dir():
        (project / "node_modules").symlink_to(ROOT / "node_modules")
    return project, list(stubs)


def table(a: Run, b: Run, added: list[str]) -> str:
    k = b.languages - a.languages
    rows: list[tuple[str, str, str, str]] = []

    def cost_rows(name: str, x: Cost | None, y: Cost | None):
        if x is None or y is None:
            return
        rows.append((f"{name}, wall (s)", f"{x.wall:.1f}", f"{y.wall:.1f}", f"{(y.wall - x.wall) / k:+.1f}"))
        rows.append((f"{name}, CPU (s)", f"{x.cpu:.1f}", f"{y.cpu:.1f}", f"{(y.cpu - x.cpu) / k:+.1f}"))
        rows.append((f"{name}, load average before→after", x.load, y.load, ""))

    cost_rows("site build (mkdocs build --strict)", a.build, b.build)
    share_a = [v for c, v in a.per_language.items() if c != next(iter(a.per_language))]
    share_b = [b.per_language[c] for c in added if c in b.per_language]
    if share_a and share_b:
        rows.append(("  one language's share of the build, mean (s)", f"{sum(share_a) / len(share_a):.1f}",
                     f"{sum(share_b) / len(share_b):.1f} (stubs)", ""))
    cost_rows("print run (uitweg.printing)", a.printing, b.printing)
    cost_rows("materials step (zip, pocket, Kiwix, previews)", a.materials, b.materials)
    cost_rows(f"test suite (pytest -n {WORKERS} --dist loadgroup)", a.suite, b.suite)
    if a.suite and b.suite:
        rows.append(("  test suite result", a.suite_result[:40], b.suite_result[:40], ""))
    for name in a.sizes:
        x, y = a.sizes[name], b.sizes[name]
        if "count" in name:
            rows.append((name, str(x), str(y), f"{(y - x) / k:+.1f}"))
        else:
            rows.append((f"{name} (KB)", f"{x / 1024:,.1f}", f"{y / 1024:,.1f}", f"{(y - x) / k / 1024:+,.2f}"))
    head = ("what", f"{a.languages} languages", f"{b.languages} languages", "per added language")
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(4)]

    def line(r):
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))

    intro = (f"Cost per added language: {a.languages} → {b.languages} languages, stubs {', '.join(added)} "
             f"(tools/stub_languages.py: English pages and texts under their codes; print in Latin letters, "
             f"so fonts of new scripts are not counted)")
    return "\n".join([intro, line(head), "  ".join("-" * w for w in widths)] + [line(r) for r in rows])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-suite", action="store_true", help="leave the test suite out (builds only)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="uitweg-bench-languages-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        project, added = scratch_copy(work / "more")
        print(f"measuring {ROOT} …", file=sys.stderr, flush=True)
        a = measure(ROOT, work / "now", suite=not args.no_suite)
        print(f"measuring {project} (+{', '.join(added)}) …", file=sys.stderr, flush=True)
        b = measure(project, work / "more", suite=not args.no_suite)
        print(table(a, b, added))
        if not args.keep:
            shutil.rmtree(work / "more" / "project", ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
