"""Valid HTML: the Nu Html Checker (vnu.jar, from npm `vnu-jar`) over the
whole built site in one run (one Java start keeps it fast).

Every page carries the same inline stylesheet (uitweg/postbuild/stylesheet.py),
and the checker validates the CSS of each <style> again (35 s for the site):
it reads a copy in which that stylesheet is kept on one page only and blanked
on the others (its line breaks kept, so lines stay right).

    python -m uitweg.quality.html_valid SITE_DIR
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from uitweg.core import paths
from uitweg.core.html import STYLE_ELEMENT
from uitweg.core.problems import Problem, report
from uitweg.quality.settings import origin

VNU_JAR = paths.ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _copy_with_shared_style_once(site_dir: Path, copy: Path) -> None:
    """The HTML files of `site_dir` under `copy`; a <style> text that an
    earlier page already had is blanked to its line breaks."""
    seen: set[str] = set()

    def blank_repeats(m: re.Match) -> str:
        if m.group(2) not in seen:
            seen.add(m.group(2))
            return m.group(0)
        return m.group(1) + "\n" * m.group(2).count("\n") + m.group(3)

    for page in sorted(Path(site_dir).rglob("*.html")):
        target = copy / page.relative_to(site_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(STYLE_ELEMENT.sub(blank_repeats, page.read_text(encoding="utf-8")), encoding="utf-8")


# One short run: the quick JIT only and the simple collector halve the CPU
# (25 → 11 s over the whole site, same messages); the quick JIT needs a
# bigger thread stack for the checker's schema (vnu asks for 512k at least).
JAVA_OPTIONS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss16m"]


def run_vnu(site_dir: Path, jar: Path = VNU_JAR) -> list[dict]:
    """The checker's error messages (its JSON) for every HTML file under
    `site_dir`, each with the URL of the file in `site_dir`."""
    java = shutil.which("java")
    if not java or not Path(jar).is_file():
        raise RuntimeError(f"the Nu Html Checker needs Java and {jar}: run `make test`, which installs both "
                           "(Debian default-jre-headless, npm vnu-jar)")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "site"
        _copy_with_shared_style_once(site_dir, copy)
        result = subprocess.run([java, *JAVA_OPTIONS, "-jar", str(jar), "--errors-only", "--format", "json",
                                 "--skip-non-html", str(copy)], capture_output=True, text=True)
    try:
        messages = json.loads(result.stderr or "{}").get("messages", [])  # vnu writes its JSON to stderr
    except json.JSONDecodeError as exc:
        raise RuntimeError(f"the Nu Html Checker did not run (exit {result.returncode}):\n{result.stderr[-2000:]}") from exc
    for m in messages:   # vnu writes file:/path URLs
        path = Path(unquote(urlsplit(m.get("url", "")).path))
        if path.is_relative_to(copy):
            m["url"] = (Path(site_dir).resolve() / path.relative_to(copy)).as_uri()
    return messages


def vnu_problems(messages: list[dict], site_dir: Path, label: str = "site") -> list[Problem]:
    """One problem per error: built file and line, the checker's words, and
    where to fix it."""
    root = Path(site_dir).resolve()
    problems = []
    for m in messages:
        if m.get("type") != "error" and m.get("subType") != "fatal":
            continue
        path = Path(unquote(urlsplit(m.get("url", "")).path))
        try:
            rel = path.resolve().relative_to(root).as_posix()
        except ValueError:
            rel = path.as_posix()
        extract = m.get("extract") or ""
        if isinstance(m.get("hiliteStart"), int) and m.get("hiliteLength"):
            extract = extract[m["hiliteStart"]:m["hiliteStart"] + m["hiliteLength"]]
        extract = " ".join(extract.split())
        problems.append(Problem(f"{label}/{rel}", m.get("lastLine") or m.get("firstLine"),
                                f"{m.get('message', 'invalid HTML').rstrip('.')}. " +
                                (f"Near: {extract[:120]}. " if extract else "") +
                                f"This page is {origin(rel)}: fix the markup there "
                                "(Markdown pages may not contain raw HTML)."))
    return sorted(problems, key=lambda p: (p.file, p.line or 0))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or not Path(args[0]).is_dir():
        print("usage: python -m uitweg.quality.html_valid SITE_DIR", file=sys.stderr)
        return 2
    try:
        problems = vnu_problems(run_vnu(Path(args[0])), Path(args[0]))
    except RuntimeError as err:
        print(err, file=sys.stderr)
        return 2
    return report(problems, "The built HTML is not valid", "The built HTML is valid (Nu Html Checker).")


if __name__ == "__main__":
    raise SystemExit(main())
