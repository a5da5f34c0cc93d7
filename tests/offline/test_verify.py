"""Tamper evidence: SHA256SUMS + ed25519 signature, checked by
`python -m uitweg.offline.verify` (what `make verify` runs). Keys are made
here, never the repository's."""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from uitweg.contacts.load import load_contacts
from uitweg.offline import signing
from uitweg.offline.bundle import BundleError, build_bundle
from uitweg.offline.settings import SIGNATURE, SIGNING_KEY_ENV, SUMS
from uitweg.offline.sums import format_sums
from uitweg.offline.verify import check_copy

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def keys(tmp_path_factory):
    d = tmp_path_factory.mktemp("verify-keys")
    signing.generate(d / "a.key", d / "a.pub")
    signing.generate(d / "b.key", d / "b.pub")
    return d


@pytest.fixture(scope="module")
def signed_zip(site, keys, tmp_path_factory) -> Path:
    return build_bundle(site, tmp_path_factory.mktemp("signed") / "info-offline.zip", keys / "a.key", keys / "a.pub").path


@pytest.fixture
def unpacked(signed_zip, tmp_path) -> Path:
    out = tmp_path / "copy"
    with zipfile.ZipFile(signed_zip) as zf:
        zf.extractall(out)
    return out


def run_verify(bundle: Path, public: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "uitweg.offline.verify", str(bundle), "--public-key", str(public)],
                          cwd=ROOT, capture_output=True, text=True)


def rezip(folder: Path, dest: Path) -> Path:
    with zipfile.ZipFile(dest, "w") as zf:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                zf.write(p, p.relative_to(folder).as_posix())
    return dest


def test_untouched_copy_passes(signed_zip, unpacked, keys):
    for bundle in (signed_zip, unpacked):
        result = run_verify(bundle, keys / "a.pub")
        assert result.returncode == 0, result.stdout + result.stderr
        assert "signature: good" in result.stdout and "OK:" in result.stdout


def test_changed_removed_added_are_named(unpacked, keys, tmp_path):
    pag_asa = load_contacts().get("pag-asa").phones[0].number
    page = unpacked / "en" / "who-can-help.html"
    page.write_text(page.read_text(encoding="utf-8").replace(pag_asa, "02 999 99 99"), encoding="utf-8")
    (unpacked / "fr" / "signs.html").unlink()
    (unpacked / "en" / "extra.html").write_text("<p>new</p>", encoding="utf-8")
    for bundle in (unpacked, rezip(unpacked, tmp_path / "tampered.zip")):
        report = check_copy(bundle, keys / "a.pub")
        assert (report.changed, report.missing, report.added) == (["en/who-can-help.html"], ["fr/signs.html"], ["en/extra.html"])
        assert report.signature == "good" and not report.ok
        result = run_verify(bundle, keys / "a.pub")
        assert result.returncode == 1
        for line in ("changed: en/who-can-help.html", "missing: fr/signs.html", "added:   en/extra.html", "NOT OK"):
            assert line in result.stdout, result.stdout


def test_rewritten_list_fails_the_signature(unpacked, keys):
    """Someone changes a number AND updates SHA256SUMS: only the signature catches it."""
    page = unpacked / "who-can-help.html"
    page.write_text(page.read_text(encoding="utf-8").replace("tel:112", "tel:101"), encoding="utf-8")
    files = {p.relative_to(unpacked).as_posix(): p.read_bytes() for p in unpacked.rglob("*")
             if p.is_file() and p.name not in (SUMS, SIGNATURE)}
    (unpacked / SUMS).write_text(format_sums(files), encoding="ascii")
    report = check_copy(unpacked, keys / "a.pub")
    assert report.signature == "bad" and not report.changed and not report.ok
    result = run_verify(unpacked, keys / "a.pub")
    assert result.returncode == 1 and "signature: BAD" in result.stdout


def test_other_key_is_a_bad_signature(unpacked, keys):
    (unpacked / SIGNATURE).write_bytes(signing.sign(signing.load_private(keys / "b.key"), (unpacked / SUMS).read_bytes()))
    result = run_verify(unpacked, keys / "a.pub")
    assert result.returncode == 1 and "signature: BAD" in result.stdout


def test_unsigned_copy_fails(site, keys, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != SIGNING_KEY_ENV}
    build = subprocess.run([sys.executable, "-m", "uitweg.offline.bundle", str(site), str(tmp_path / "u.zip"),
                            "--public-key", str(keys / "a.pub")], cwd=ROOT, capture_output=True, text=True, env=env)
    assert build.returncode == 0, build.stderr
    assert "NOT SIGNED" in build.stderr, "an unsigned build must warn clearly"
    with zipfile.ZipFile(tmp_path / "u.zip") as zf:
        assert SUMS in zf.namelist() and SIGNATURE not in zf.namelist()
    result = run_verify(tmp_path / "u.zip", keys / "a.pub")
    assert result.returncode == 1 and "not signed" in result.stdout


def test_signing_through_the_environment(site, keys, tmp_path):
    env = dict(os.environ, **{SIGNING_KEY_ENV: str(keys / "a.key")})
    build = subprocess.run([sys.executable, "-m", "uitweg.offline.bundle", str(site), str(tmp_path / "s.zip"),
                            "--public-key", str(keys / "a.pub")], cwd=ROOT, capture_output=True, text=True, env=env)
    assert build.returncode == 0 and "signed" in build.stdout, build.stderr
    assert run_verify(tmp_path / "s.zip", keys / "a.pub").returncode == 0


def test_key_not_matching_the_public_key_is_refused(site, keys, tmp_path):
    with pytest.raises(BundleError, match="does not belong to the public key"):
        build_bundle(site, tmp_path / "x.zip", keys / "b.key", keys / "a.pub")
    assert not (tmp_path / "x.zip").exists()


def test_system_files_are_ignored_but_fake_ones_are_not(unpacked, keys):
    (unpacked / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (unpacked / "._index.html").write_bytes(b"\x00\x05\x16\x07" + b"\x00" * 40)
    (unpacked / "en" / "._signs.html").write_text("<script>location='https://evil.example'</script>")
    report = check_copy(unpacked, keys / "a.pub")
    assert sorted(report.ignored) == [".DS_Store", "._index.html"]
    assert report.added == ["en/._signs.html"] and not report.ok


def test_missing_list_fails(unpacked, keys):
    (unpacked / SUMS).unlink()
    result = run_verify(unpacked, keys / "a.pub")
    assert result.returncode == 1 and f"{SUMS} is missing" in result.stdout


def test_reproducible(site, keys, tmp_path, signed_zip):
    again = build_bundle(site, tmp_path / signed_zip.name, keys / "a.key", keys / "a.pub").path
    assert again.read_bytes() == signed_zip.read_bytes(), "same site and key must give the same zip"


def test_readme_commands_work_without_the_repo(unpacked, keys):
    """The LEESMIJ/README/LISEZMOI commands: sha256sum -c, and openssl for the signature."""
    assert subprocess.run(["sha256sum", "-c", "--quiet", SUMS], cwd=unpacked).returncode == 0
    openssl = shutil.which("openssl")
    assert openssl, "openssl is missing: `make test` installs it (APT_PACKAGES in make/offline.mk)"
    result = subprocess.run([openssl, "pkeyutl", "-verify", "-pubin", "-inkey", str(keys / "a.pub"), "-rawin",
                             "-in", SUMS, "-sigfile", SIGNATURE], cwd=unpacked, capture_output=True, text=True)
    assert result.returncode == 0 and "Signature Verified Successfully" in result.stdout
    (unpacked / "index.html").write_text("changed")
    assert subprocess.run(["sha256sum", "-c", "--quiet", SUMS], cwd=unpacked, capture_output=True).returncode != 0


def test_key_generation(tmp_path):
    public = signing.generate(tmp_path / "cfg" / "k.key", tmp_path / "k.pub")
    assert stat.S_IMODE((tmp_path / "cfg" / "k.key").stat().st_mode) == 0o600
    assert signing.same_key(signing.load_public(tmp_path / "k.pub"), public)
    with pytest.raises(signing.KeyProblem, match="exists already"):
        signing.generate(tmp_path / "cfg" / "k.key", tmp_path / "k2.pub")
    with pytest.raises(signing.KeyProblem, match="outside the repository"):
        signing.generate(ROOT / "keys" / "never.key", tmp_path / "k3.pub")
    assert not (ROOT / "keys" / "never.key").exists()


def test_repository_holds_only_the_public_key():
    public = ROOT / "keys" / "uitweg-signing.pub"
    assert isinstance(signing.load_public(public), signing.Ed25519PublicKey)
    for p in (ROOT / "keys").rglob("*"):
        assert p.is_file() and b"PRIVATE KEY" not in p.read_bytes(), f"{p}: a private key in the repository"


def test_copy_one_folder_deep(unpacked, keys, tmp_path):
    """A shelter re-zips the unpacked folder: the copy then sits in info-offline/."""
    dest = tmp_path / "rezipped.zip"
    with zipfile.ZipFile(dest, "w") as zf:
        for p in sorted(unpacked.rglob("*")):
            if p.is_file():
                zf.write(p, "info-offline/" + p.relative_to(unpacked).as_posix())
        zf.writestr("extra.html", "<p>next to the folder</p>")
    report = check_copy(dest, keys / "a.pub")
    assert report.root == "info-offline/" and report.signature == "good"
    assert report.added == ["extra.html"] and not report.changed and not report.missing
