"""The USB bundle: the built site as one zip that opens from file://, with
LEESMIJ/README/LISEZMOI, SHA256SUMS and (when a key is given) SHA256SUMS.sig.

    python -m uitweg.offline.bundle SITE_DIR ZIP [--key PRIVATE] [--public-key PUB]

Without --key, the key file named by $UITWEG_SIGNING_KEY signs; without either the
bundle is written unsigned, with a warning. The zip is reproducible: same site,
same key, same bytes (fixed dates, sorted entries, deterministic ed25519).
"""
from __future__ import annotations

import argparse
import fnmatch
import os
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from uitweg.core.languages import load_languages
from uitweg.core.problems import BuildError
from uitweg.gate.judge import judge_text
from uitweg.gate.table_text import load_checked_contacts
from uitweg.offline import signing
from uitweg.offline.filelinks import link_problems
from uitweg.offline.settings import PUBLIC_KEY, SIGNATURE, SIGNING_KEY_ENV, SUMS, load_offline
from uitweg.offline.sums import digest, format_sums

ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed, so rebuilding the same site gives the same zip


class BundleError(Exception):
    pass


@dataclass(frozen=True)
class Bundle:
    path: Path
    files: int          # files in the zip, SHA256SUMS and signature included
    size: int           # bytes of the zip
    sums_sha256: str    # digest of SHA256SUMS: the NGO can publish it
    fingerprint: str | None  # of the signing key, None when unsigned


def site_files(site_dir: Path, exclude: list[str]) -> dict[str, bytes]:
    """Files of the built site that belong in an offline copy."""
    files = {}
    for path in sorted(Path(site_dir).rglob("*")):
        name = path.relative_to(site_dir).as_posix()
        if path.is_file() and not any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(path.name, p) for p in exclude):
            if "\n" in name or "\\" in name:
                raise BundleError(f"{path}: a file name with a newline or backslash cannot go into SHA256SUMS")
            files[name] = path.read_bytes()
    return files


def readme_files(texts: list[dict], zip_name: str) -> dict[str, bytes]:
    """The plain-text guides, with a BOM and CRLF so every Notepad shows them."""
    return {t["file"]: ("\ufeff" + t["text"].replace("{zip}", zip_name)).replace("\n", "\r\n").encode("utf-8")
            for t in texts}


def readme_problems(readmes: dict[str, bytes]) -> list[str]:
    """The guides are published too: no phone number outside the contact table."""
    table, call_words = load_checked_contacts(), load_languages().all_call_words()
    problems = []
    for name, data in readmes.items():
        text = data.decode("utf-8").lstrip("\ufeff").replace("\r\n", "\n")
        text = re.sub(r"\S+\.zip\b", "{zip}", text)   # the zip's own name, filled in for {zip}
        for line, message in judge_text(text, table, call_words=call_words, page="data/offline.yml"):
            problems.append(f"data/offline.yml ({name}, line {line}): {message}")
    return problems


def write_zip(path: Path, files: dict[str, bytes]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, files[name])
    os.replace(tmp, path)


def build_bundle(site_dir: Path, zip_path: Path, private_key: Path | None = None,
                 public_key: Path = PUBLIC_KEY) -> Bundle:
    settings = load_offline()["bundle"]
    zip_path = Path(zip_path)
    if not (Path(site_dir) / "index.html").is_file():
        raise BundleError(f"{site_dir}/index.html is missing: build the site first (make site)")
    files = site_files(Path(site_dir), settings["exclude"])
    readmes = readme_files(settings["readme"], zip_path.name)
    clash = sorted((set(readmes) | {SUMS, SIGNATURE}) & set(files))
    if clash:
        raise BundleError(f"the site has files named like the bundle's own: {', '.join(clash)}; rename them")
    problems = readme_problems(readmes) + link_problems(files)
    if problems:
        raise BundleError("the copy would not work from file:// or publishes a wrong number:\n  " + "\n  ".join(problems))
    files |= readmes
    sums = format_sums(files).encode("ascii")
    files[SUMS] = sums
    fingerprint = None
    if private_key:
        key = signing.load_private(private_key)
        expected = signing.load_public(public_key)
        if not signing.same_key(key.public_key(), expected):
            raise BundleError(f"the signing key {private_key} does not belong to the public key {public_key}: "
                              f"`make verify` would reject the copy. Use the matching private key, or rotate "
                              f"the key pair with `make signing-key` (see dev-notes/offline.md)")
        files[SIGNATURE] = signing.sign(key, sums)
        fingerprint = signing.fingerprint(expected)
    write_zip(zip_path, files)
    return Bundle(zip_path, len(files), zip_path.stat().st_size, digest(sums), fingerprint)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m uitweg.offline.bundle", description=__doc__.split("\n\n")[0])
    ap.add_argument("site_dir", type=Path)
    ap.add_argument("zip", type=Path)
    ap.add_argument("--key", type=Path, default=None,
                    help=f"private signing key (default: the file named by ${SIGNING_KEY_ENV})")
    ap.add_argument("--public-key", type=Path, default=PUBLIC_KEY,
                    help="the public key the copy must verify against (default keys/uitweg-signing.pub)")
    args = ap.parse_args(argv)
    key = args.key or (Path(os.environ[SIGNING_KEY_ENV]) if os.environ.get(SIGNING_KEY_ENV) else None)
    try:
        bundle = build_bundle(args.site_dir, args.zip, key, args.public_key)
    except (BundleError, signing.KeyProblem, BuildError) as exc:   # BuildError: a broken data file
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{bundle.path}: {bundle.files} files, {bundle.size:,} bytes")
    print(f"  SHA256 of {SUMS}: {bundle.sums_sha256}")
    if bundle.fingerprint:
        print(f"  signed ({SIGNATURE}) with key {bundle.fingerprint}")
    else:
        print(f"WARNING: {bundle.path} is NOT SIGNED (${SIGNING_KEY_ENV} is not set).\n"
              f"  It has {SUMS} but no {SIGNATURE}: `make verify` reports it as not signed and fails.\n"
              f"  Copies for shelters must be signed: {SIGNING_KEY_ENV}=~/.config/uitweg/signing.key make",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
