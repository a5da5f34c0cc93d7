"""Ed25519 keys and detached signatures over SHA256SUMS (library: cryptography).

The private key stays outside the repository (default ~/.config/uitweg/signing.key,
mode 600); only the public key is kept, in keys/uitweg-signing.pub. Signatures are
the raw 64 bytes, so `openssl pkeyutl -verify -rawin` can check them too.

    python -m uitweg.offline.signing generate --private PATH --public PATH
    python -m uitweg.offline.signing fingerprint [PUBLIC_KEY]
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import os
import stat
import sys
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from uitweg.core import paths
from uitweg.offline.settings import PUBLIC_KEY

DEFAULT_PRIVATE = Path.home() / ".config" / "uitweg" / "signing.key"


class KeyProblem(Exception):
    """A key file that is missing, unreadable, of the wrong kind, or in the wrong place."""


def _inside_repo(path: Path) -> bool:
    return path.resolve().is_relative_to(paths.ROOT.resolve())


def generate(private_path: Path, public_path: Path) -> Ed25519PublicKey:
    """Write a new key pair. Never overwrites a private key (that is a rotation:
    move the old one away first, on purpose)."""
    private_path, public_path = Path(private_path).expanduser(), Path(public_path)
    if _inside_repo(private_path):
        raise KeyProblem(f"{private_path}: the private key must live outside the repository "
                        f"(e.g. {DEFAULT_PRIVATE}); only the public key goes into keys/")
    if private_path.exists():
        raise KeyProblem(f"{private_path} exists already; to rotate the key, move it away first and run again")
    key = Ed25519PrivateKey.generate()
    private_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(pem)
    public = key.public_key()
    public_path.parent.mkdir(parents=True, exist_ok=True)
    public_path.write_bytes(public.public_bytes(serialization.Encoding.PEM,
                                                serialization.PublicFormat.SubjectPublicKeyInfo))
    return public


def load_private(path: Path) -> Ed25519PrivateKey:
    path = Path(path).expanduser()
    if _inside_repo(path):
        raise KeyProblem(f"{path}: a private key inside the repository could be committed; "
                        f"move it outside (e.g. {DEFAULT_PRIVATE}) and point UITWEG_SIGNING_KEY there")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KeyProblem(f"cannot read the signing key {path}: {exc.strerror}") from exc
    if path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        print(f"warning: {path} can be read by other users; run: chmod 600 {path}", file=sys.stderr)
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise KeyProblem(f"{path} is not an unencrypted PEM private key ({exc})") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyProblem(f"{path} is not an ed25519 key; make one with `make signing-key`")
    return key


def load_public(path: Path = PUBLIC_KEY) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(Path(path).read_bytes())
    except OSError as exc:
        raise KeyProblem(f"cannot read the public key {path}: {exc.strerror}") from exc
    except ValueError as exc:
        raise KeyProblem(f"{path} is not a PEM public key ({exc})") from exc
    if not isinstance(key, Ed25519PublicKey):
        raise KeyProblem(f"{path} is not an ed25519 public key")
    return key


def sign(key: Ed25519PrivateKey, data: bytes) -> bytes:
    return key.sign(data)


def is_valid(public: Ed25519PublicKey, data: bytes, signature: bytes) -> bool:
    try:
        public.verify(signature, data)
    except InvalidSignature:
        return False
    return True


def fingerprint(public: Ed25519PublicKey) -> str:
    """SHA256:<base64> of the raw key, as OpenSSH shows fingerprints."""
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "SHA256:" + base64.b64encode(hashlib.sha256(raw).digest()).decode().rstrip("=")


def same_key(a: Ed25519PublicKey, b: Ed25519PublicKey) -> bool:
    raw = lambda k: k.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)  # noqa: E731
    return raw(a) == raw(b)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m uitweg.offline.signing", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate", help="make a new key pair")
    g.add_argument("--private", type=Path, default=DEFAULT_PRIVATE, help=f"private key file (default {DEFAULT_PRIVATE})")
    g.add_argument("--public", type=Path, default=PUBLIC_KEY, help="public key file (default keys/uitweg-signing.pub)")
    f = sub.add_parser("fingerprint", help="show the fingerprint of a public key")
    f.add_argument("public", type=Path, nargs="?", default=PUBLIC_KEY)
    args = ap.parse_args(argv)
    try:
        if args.cmd == "generate":
            rotated = args.public.exists()
            public = generate(args.private, args.public)
            print(f"private key: {args.private.expanduser()} (mode 600; keep it outside the repository, back it up offline)")
            print(f"public key:  {args.public} ({fingerprint(public)})")
            if rotated:
                print("The public key was replaced: copies signed with the old key now fail `make verify`; "
                      "build, sign and hand out new copies, and publish the new fingerprint.")
        else:
            print(fingerprint(load_public(args.public)))
    except KeyProblem as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
