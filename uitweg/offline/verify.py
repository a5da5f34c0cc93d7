"""Check an offline copy (the zip, or the unpacked folder) against the key in
keys/allowed_signers: is SHA256SUMS signed by our key (`ssh-keygen -Y
verify`, the same command the checking steps give shelters), and does every
file match it? Names every changed, missing and added file.

    python -m uitweg.offline.verify BUNDLE [--allowed-signers keys/allowed_signers]
    make verify BUNDLE=<zip or folder>

Exit 0 only when the signature is good and every file matches.
"""
from __future__ import annotations

import argparse
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from uitweg.offline import signing
from uitweg.offline.settings import ALLOWED_SIGNERS, SIGNATURE, SUMS, load_offline
from uitweg.offline.sums import digest, parse_sums

APPLEDOUBLE_MAGIC = b"\x00\x05\x16\x07"  # macOS "._name" metadata files on FAT sticks


@dataclass
class Report:
    signature: str = "not checked"   # good | bad | not signed | no list
    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    files: int = 0
    root: str = ""                   # folder inside the copy that holds SHA256SUMS, "" for the top

    @property
    def ok(self) -> bool:
        return self.signature == "good" and not (self.changed or self.missing or self.added or self.problems)


def read_copy(path: Path) -> dict[str, bytes]:
    """Every file of a zip or a folder, by its /-separated name."""
    path = Path(path)
    if path.is_dir():
        return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            return {i.filename: zf.read(i) for i in zf.infolist() if not i.is_dir()}
    raise FileNotFoundError(f"{path} is neither a folder nor a zip file")


def _find_root(names: set[str]) -> str:
    """The copy may sit one folder deep (a re-zipped unpacked folder)."""
    if SUMS in names:
        return ""
    inner = sorted(n[: -len(SUMS)] for n in names if n.count("/") == 1 and n.endswith("/" + SUMS))
    return inner[0] if len(inner) == 1 else ""


def _is_system_file(name: str, data: bytes, settings: dict) -> bool:
    parts = PurePosixPath(name).parts
    if any(p in settings["system_folders"] for p in parts[:-1]):
        return True
    if parts[-1] in settings["system_files"]:
        return True
    return parts[-1].startswith("._") and data.startswith(APPLEDOUBLE_MAGIC)


def check_copy(path: Path, allowed_signers: Path = ALLOWED_SIGNERS) -> Report:
    settings = load_offline()["bundle"]
    report = Report()
    everything = read_copy(path)
    report.root = root = _find_root(set(everything))
    files, outside = {}, []
    for name, data in everything.items():
        if _is_system_file(name, data, settings):
            report.ignored.append(name)
        elif name.startswith(root):
            files[name[len(root):]] = data
        else:
            outside.append(name)  # next to the copy's folder in a re-zipped copy
    sums = files.pop(SUMS, None)
    sig = files.pop(SIGNATURE, None)
    if sums is None:
        report.signature = "no list"
        report.problems.append(f"{SUMS} is missing: this is not a complete offline copy")
        report.added = sorted(set(files) | set(outside))
        return report
    if sig is None:
        report.signature = "not signed"
    else:
        report.signature = "good" if signing.is_valid(allowed_signers, sums, sig) else "bad"
    try:
        expected, problems = parse_sums(sums.decode("utf-8"))
    except UnicodeDecodeError:
        expected, problems = {}, [f"{SUMS} is not a text file"]
    report.problems += problems
    report.files = len(expected)
    for name, hexdigest in sorted(expected.items()):
        if name not in files:
            report.missing.append(name)
        elif digest(files[name]) != hexdigest:
            report.changed.append(name)
    report.added = sorted((set(files) - set(expected)) | set(outside))
    return report


SIGNATURE_TEXT = {
    "good": "signature: good ({fp})",
    "bad": f"signature: BAD. {SUMS} was changed after signing, or signed with another key than {{key}}",
    "not signed": f"signature: not signed ({SIGNATURE} is missing). Nothing proves who made this copy",
    "no list": f"signature: cannot check ({SUMS} is missing)",
}


def format_report(report: Report, allowed_signers: Path) -> str:
    fp = signing.fingerprint(signing.read_allowed_signers(allowed_signers))
    lines = [SIGNATURE_TEXT[report.signature].format(fp=fp, key=allowed_signers)]
    if report.root:
        lines.append(f"the copy sits in the folder {report.root}")
    lines += [f"changed: {n}" for n in report.changed]
    lines += [f"missing: {n}" for n in report.missing]
    lines += [f"added:   {n}" for n in report.added]
    lines += [f"problem: {p}" for p in report.problems]
    lines += [f"ignored: {n} (a file the operating system adds)" for n in report.ignored]
    if report.ok:
        lines.append(f"OK: signed with the project's key, and all {report.files} files match {SUMS}.")
    else:
        n = len(report.changed) + len(report.missing) + len(report.added)
        why = [f"{n} file{'s' if n != 1 else ''} differ{'s' if n == 1 else ''} from {SUMS}"] if n else []
        why += [] if report.signature == "good" else [f"the signature is {report.signature}"]
        why += [f"{len(report.problems)} problem(s)"] if report.problems else []
        lines.append(f"NOT OK: {'; '.join(why)}. Do not hand out this copy: make a new one from the original.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m uitweg.offline.verify", description=__doc__.split("\n\n")[0])
    ap.add_argument("bundle", type=Path, help="the zip, or the unpacked folder")
    ap.add_argument("--allowed-signers", type=Path, default=ALLOWED_SIGNERS)
    args = ap.parse_args(argv)
    if not args.bundle.exists():
        print(f"error: {args.bundle} does not exist (make verify BUNDLE=<zip or folder>)", file=sys.stderr)
        return 2
    try:
        report = check_copy(args.bundle, args.allowed_signers)
        print(f"Checking {args.bundle} against {args.allowed_signers}")
        print(format_report(report, args.allowed_signers))
    except (OSError, signing.KeyProblem, zipfile.BadZipFile) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0 if report.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
