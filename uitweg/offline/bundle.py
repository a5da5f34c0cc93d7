"""The USB bundle: the offline build of the site (uitweg/offline/variant.py)
as one zip that opens from file://, with a read-me per language (how to
open it), SHA256SUMS and, when a key is given, SHA256SUMS.sig (an OpenSSH
signature, uitweg/offline/signing.py) and a read-me for staff (how to check it).

    python -m uitweg.offline.bundle SITE_DIR ZIP [--key PRIVATE] [--allowed-signers FILE]

Without --key, the key file named by $UITWEG_SIGNING_KEY signs; without either the
bundle is written unsigned, with a warning, and nothing in it mentions a
signature. The zip is reproducible: same site, same bytes (fixed dates,
sorted entries; an ed25519 signature is deterministic).
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from uitweg.core.languages import load_languages
from uitweg.core.problems import BuildError
from uitweg.core.siteconfig import site_url
from uitweg.gate.judge import judge_text
from uitweg.gate.table_text import load_checked_contacts
from uitweg.offline import signing
from uitweg.offline.filelinks import link_problems
from uitweg.offline.settings import ALLOWED_SIGNERS, SIGNATURE, SIGNING_KEY_ENV, SUMS, load_offline
from uitweg.offline.sums import digest, format_sums
from uitweg.offline.variant import VariantError, offline_files

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


def notepad_text(text: str) -> bytes:
    """Plain text with a BOM and CRLF, so every Notepad shows it."""
    return ("\ufeff" + text).replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")


def readme_files(texts: list[dict], zip_name: str, languages: str = "") -> dict[str, bytes]:
    """The read-mes for whoever opens the copy: how to open it, nothing else.
    `{languages}`: the names of the languages besides the one the copy opens
    in, so adding a language changes no read-me text."""
    return {t["file"]: notepad_text(t["text"].replace("{zip}", zip_name).replace("{languages}", languages))
            for t in texts}


def other_language_names() -> str:
    """"English, Français, …": every language but the first (the one index.html opens in)."""
    return ", ".join(lang.name for lang in load_languages().languages[1:])


def readme_problems(readmes: dict[str, bytes]) -> list[str]:
    """The guides are published too: no phone number outside the contact table."""
    table, call_words = load_checked_contacts(), load_languages().all_call_words()
    problems = []
    for name, data in readmes.items():
        text = data.decode("utf-8").lstrip("\ufeff").replace("\r\n", "\n")
        text = re.sub(r"\S+\.zip\b", "{zip}", text)   # the zip's own name, filled in for {zip}
        text = signing.mask_fingerprints(text)   # base64 made from the key, never a number
        for line, message in judge_text(text, table, call_words=call_words, page="data/offline.yml",
                                         site_url=site_url()):
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


def default_files(site_dir: Path) -> dict[str, bytes]:
    """The offline build of a built site (no downloads folder: see uitweg/materials)."""
    if not (Path(site_dir) / "index.html").is_file():
        raise BundleError(f"{site_dir}/index.html is missing: build the site first (make site)")
    try:
        return offline_files(site_dir, load_offline()["bundle"]["exclude"], "files", site_url())
    except VariantError as exc:
        raise BundleError(str(exc)) from exc


def build_bundle(site_dir: Path | None, zip_path: Path, private_key: Path | None = None,
                 allowed_signers: Path = ALLOWED_SIGNERS, files: dict[str, bytes] | None = None,
                 staff_readme: tuple[str, str] | None = None) -> Bundle:
    """`files`: the offline build (default: made from `site_dir`); `staff_readme`:
    (file name, text) of the checking steps for staff, text made for a signed
    or an unsigned copy as `private_key` says."""
    settings = load_offline()["bundle"]
    zip_path = Path(zip_path)
    files = dict(files) if files is not None else default_files(site_dir)
    readmes = readme_files(settings["readme"], zip_path.name, other_language_names())
    if staff_readme:
        readmes[staff_readme[0]] = notepad_text(staff_readme[1])
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
        expected = signing.read_allowed_signers(allowed_signers)
        if not signing.same_key(signing.public_of_private(private_key), expected):
            raise BundleError(f"the signing key {private_key} does not belong to the key in {allowed_signers}: "
                              f"the copy would not verify. Use the matching private key, or rotate "
                              f"the key pair with `make signing-key` (see guides/materials.md)")
        files[SIGNATURE] = signing.sign(private_key, sums)
        fingerprint = signing.fingerprint(expected)
    write_zip(zip_path, files)
    return Bundle(zip_path, len(files), zip_path.stat().st_size, digest(sums), fingerprint)


def signing_key_from_env() -> Path | None:
    value = os.environ.get(SIGNING_KEY_ENV)
    return Path(value).expanduser() if value else None


def unsigned_warning(path: Path) -> str:
    return (f"WARNING: {path} is NOT SIGNED (${SIGNING_KEY_ENV} is not set): it has {SUMS} but no signature, "
            f"and its pages say nothing about one. Copies for shelters must be signed: "
            f"{SIGNING_KEY_ENV}=~/.config/uitweg/signing.key make")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m uitweg.offline.bundle", description=__doc__.split("\n\n")[0])
    ap.add_argument("site_dir", type=Path)
    ap.add_argument("zip", type=Path)
    ap.add_argument("--key", type=Path, default=None,
                    help=f"private signing key (default: the file named by ${SIGNING_KEY_ENV})")
    ap.add_argument("--allowed-signers", type=Path, default=ALLOWED_SIGNERS,
                    help="the key the copy must verify against (default keys/allowed_signers)")
    args = ap.parse_args(argv)
    key = args.key or signing_key_from_env()
    try:
        bundle = build_bundle(args.site_dir, args.zip, key, args.allowed_signers)
    except (BundleError, signing.KeyProblem, BuildError) as exc:   # BuildError: a broken data file
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{bundle.path}: {bundle.files} files, {bundle.size:,} bytes")
    print(f"  SHA256 of {SUMS}: {bundle.sums_sha256}")
    if bundle.fingerprint:
        print(f"  signed ({SIGNATURE}) with key {bundle.fingerprint}")
    else:
        print(unsigned_warning(bundle.path), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
