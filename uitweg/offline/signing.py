"""OpenSSH signatures over SHA256SUMS (`ssh-keygen -Y sign`, namespace
NAMESPACE), so anyone can check a copy with the OpenSSH that Windows 10/11,
macOS and Linux already have: `ssh-keygen -Y verify`.

The private key (an OpenSSH ed25519 key) stays outside the repository
(default ~/.config/uitweg/signing.key, mode 600). The public side is kept as
an OpenSSH `allowed_signers` file, keys/allowed_signers: one line, principal
PRINCIPAL, restricted to NAMESPACE. The site publishes it on its materials
page, with its fingerprint; the trust comes from the website, not the stick.

    python -m uitweg.offline.signing generate --private PATH --allowed-signers PATH
    python -m uitweg.offline.signing fingerprint [ALLOWED_SIGNERS]
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

from uitweg.core import paths
from uitweg.offline.settings import ALLOWED_SIGNERS

DEFAULT_PRIVATE = Path.home() / ".config" / "uitweg" / "signing.key"
# What the signature is for: a signature made for another purpose (git, e-mail)
# with the same key does not pass as a signature of a copy.
NAMESPACE = "uitweg-copy"
PRINCIPAL = "uitweg"
SSH_KEYGEN = "ssh-keygen"


class KeyProblem(Exception):
    """A key file that is missing, unreadable, of the wrong kind, or in the wrong place."""


def _inside_repo(path: Path) -> bool:
    return path.resolve().is_relative_to(paths.ROOT.resolve())


def _ssh_keygen(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    if not shutil.which(SSH_KEYGEN):
        raise KeyProblem("ssh-keygen is missing: install OpenSSH (Debian: openssh-client)")
    return subprocess.run([SSH_KEYGEN, *args], input=stdin, capture_output=True)


def allowed_signers_line(public_key: str) -> str:
    """The allowed_signers line for an OpenSSH public key line ("ssh-ed25519 AAAA… comment")."""
    kind, blob = public_key.split()[:2]
    return f'{PRINCIPAL} namespaces="{NAMESPACE}" {kind} {blob}\n'


def generate(private_path: Path, allowed_signers: Path) -> str:
    """Write a new key pair; return the allowed_signers line. Never overwrites
    a private key (that is a rotation: move the old one away first, on purpose)."""
    private_path, allowed_signers = Path(private_path).expanduser(), Path(allowed_signers)
    if _inside_repo(private_path):
        raise KeyProblem(f"{private_path}: the private key must live outside the repository "
                        f"(e.g. {DEFAULT_PRIVATE}); only keys/allowed_signers goes into the repository")
    if private_path.exists():
        raise KeyProblem(f"{private_path} exists already; to rotate the key, move it away first and run again")
    private_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    made = _ssh_keygen("-q", "-t", "ed25519", "-N", "", "-C", "uitweg-signing", "-f", str(private_path))
    if made.returncode != 0:
        raise KeyProblem(f"ssh-keygen could not make a key: {made.stderr.decode(errors='replace').strip()}")
    os.chmod(private_path, 0o600)
    public = private_path.with_name(private_path.name + ".pub")
    line = allowed_signers_line(public.read_text(encoding="ascii"))
    public.unlink()   # the one public copy is the allowed_signers file
    allowed_signers.parent.mkdir(parents=True, exist_ok=True)
    allowed_signers.write_text(line, encoding="ascii")
    return line


def check_private(path: Path) -> Path:
    """The private key file, if it may and can be used."""
    path = Path(path).expanduser()
    if _inside_repo(path):
        raise KeyProblem(f"{path}: a private key inside the repository could be committed; "
                        f"move it outside (e.g. {DEFAULT_PRIVATE}) and point UITWEG_SIGNING_KEY there")
    if not path.is_file():
        raise KeyProblem(f"cannot read the signing key {path}: no such file (make one with `make signing-key`)")
    if path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        print(f"warning: {path} can be read by other users; run: chmod 600 {path}", file=sys.stderr)
    return path


def public_of_private(path: Path) -> str:
    """The OpenSSH public key line of a private key file."""
    out = _ssh_keygen("-y", "-f", str(check_private(path)))
    if out.returncode != 0:
        raise KeyProblem(f"{path} is not an unencrypted OpenSSH private key "
                         f"({out.stderr.decode(errors='replace').strip()}); make one with `make signing-key`")
    return out.stdout.decode("ascii").strip()


def read_allowed_signers(path: Path = ALLOWED_SIGNERS) -> str:
    """The key ("ssh-ed25519 AAAA…") of the one line of an allowed_signers file."""
    try:
        lines = [x for x in Path(path).read_text(encoding="ascii").splitlines() if x.strip() and not x.startswith("#")]
    except OSError as exc:
        raise KeyProblem(f"cannot read {path}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise KeyProblem(f"{path} is not an allowed_signers file (not plain ASCII)") from exc
    parts = lines[0].split() if len(lines) == 1 else []
    if len(parts) != 4 or parts[0] != PRINCIPAL or parts[1] != f'namespaces="{NAMESPACE}"' or parts[2] != "ssh-ed25519":
        raise KeyProblem(f'{path} must hold one line: {PRINCIPAL} namespaces="{NAMESPACE}" ssh-ed25519 <key>; '
                         f"make it with `make signing-key`")
    return f"{parts[2]} {parts[3]}"


def same_key(a: str, b: str) -> bool:
    return a.split()[:2] == b.split()[:2]


def fingerprint(public_key: str) -> str:
    """SHA256:<base64> of the key blob, exactly as `ssh-keygen -l` shows it."""
    blob = base64.b64decode(public_key.split()[1])
    return "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")


def sign(private_path: Path, data: bytes) -> bytes:
    """An armored SSH signature ("-----BEGIN SSH SIGNATURE-----") of `data`."""
    private_path = check_private(private_path)
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "data"
        target.write_bytes(data)
        out = _ssh_keygen("-Y", "sign", "-f", str(private_path), "-n", NAMESPACE, str(target))
        if out.returncode != 0:
            raise KeyProblem(f"ssh-keygen could not sign with {private_path}: {out.stderr.decode(errors='replace').strip()}")
        return target.with_name("data.sig").read_bytes()


def is_valid(allowed_signers: Path, data: bytes, signature: bytes) -> bool:
    """What the check steps for shelters run: ssh-keygen -Y verify."""
    with tempfile.TemporaryDirectory() as tmp:
        sig = Path(tmp) / "sig"
        sig.write_bytes(signature)
        out = _ssh_keygen("-Y", "verify", "-f", str(allowed_signers), "-I", PRINCIPAL, "-n", NAMESPACE,
                          "-s", str(sig), stdin=data)
    return out.returncode == 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m uitweg.offline.signing", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate", help="make a new key pair")
    g.add_argument("--private", type=Path, default=DEFAULT_PRIVATE, help=f"private key file (default {DEFAULT_PRIVATE})")
    g.add_argument("--allowed-signers", type=Path, default=ALLOWED_SIGNERS,
                   help="public side, an OpenSSH allowed_signers file (default keys/allowed_signers)")
    f = sub.add_parser("fingerprint", help="show the fingerprint of the key in an allowed_signers file")
    f.add_argument("allowed_signers", type=Path, nargs="?", default=ALLOWED_SIGNERS)
    args = ap.parse_args(argv)
    try:
        if args.cmd == "generate":
            rotated = args.allowed_signers.exists()
            line = generate(args.private, args.allowed_signers)
            print(f"private key:     {args.private.expanduser()} (mode 600; keep it outside the repository, back it up offline)")
            print(f"allowed_signers: {args.allowed_signers} ({fingerprint(line.split(' ', 2)[2])})")
            if rotated:
                print("The public key was replaced: copies signed with the old key no longer verify. Commit "
                      f"{args.allowed_signers}, build and sign again (make), publish the site, and hand out new copies.")
        else:
            print(fingerprint(read_allowed_signers(args.allowed_signers)))
    except KeyProblem as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
