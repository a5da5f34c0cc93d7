"""Tamper evidence: SHA256SUMS + an OpenSSH signature, checked by
`python -m uitweg.offline.verify` (what `make verify` runs), by the commands
the materials page and the staff read-me give (ssh-keygen -Y verify,
sha256sum, shasum), and by an independent implementation (the sshsig
package). Keys are made here, never the repository's."""
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
from uitweg.materials.settings import load_materials
from uitweg.offline import signing
from uitweg.offline.bundle import BundleError, build_bundle
from uitweg.offline.settings import SIGNATURE, SIGNING_KEY_ENV, SUMS
from uitweg.offline.sums import format_sums
from uitweg.offline.verify import check_copy

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def keys(tmp_path_factory):
    d = tmp_path_factory.mktemp("verify-keys")
    signing.generate(d / "a.key", d / "a.allowed")
    signing.generate(d / "b.key", d / "b.allowed")
    return d


@pytest.fixture(scope="module")
def signed_zip(site, keys, tmp_path_factory) -> Path:
    return build_bundle(site, tmp_path_factory.mktemp("signed") / "info-offline.zip", keys / "a.key", keys / "a.allowed").path


@pytest.fixture
def unpacked(signed_zip, tmp_path) -> Path:
    out = tmp_path / "copy"
    with zipfile.ZipFile(signed_zip) as zf:
        zf.extractall(out)
    return out


def run_verify(bundle: Path, public: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "uitweg.offline.verify", str(bundle), "--allowed-signers", str(public)],
                          cwd=ROOT, capture_output=True, text=True)


def rezip(folder: Path, dest: Path) -> Path:
    with zipfile.ZipFile(dest, "w") as zf:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                zf.write(p, p.relative_to(folder).as_posix())
    return dest


def test_untouched_copy_passes(signed_zip, unpacked, keys):
    for bundle in (signed_zip, unpacked):
        result = run_verify(bundle, keys / "a.allowed")
        assert result.returncode == 0, result.stdout + result.stderr
        assert "signature: good" in result.stdout and "OK:" in result.stdout


def test_changed_removed_added_are_named(unpacked, keys, tmp_path):
    pag_asa = load_contacts().get("pag-asa").phones[0].number
    page = unpacked / "en" / "who-can-help.html"
    page.write_text(page.read_text(encoding="utf-8").replace(pag_asa, "02 999 99 99"), encoding="utf-8")
    (unpacked / "fr" / "signs.html").unlink()
    (unpacked / "en" / "extra.html").write_text("<p>new</p>", encoding="utf-8")
    for bundle in (unpacked, rezip(unpacked, tmp_path / "tampered.zip")):
        report = check_copy(bundle, keys / "a.allowed")
        assert (report.changed, report.missing, report.added) == (["en/who-can-help.html"], ["fr/signs.html"], ["en/extra.html"])
        assert report.signature == "good" and not report.ok
        result = run_verify(bundle, keys / "a.allowed")
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
    report = check_copy(unpacked, keys / "a.allowed")
    assert report.signature == "bad" and not report.changed and not report.ok
    result = run_verify(unpacked, keys / "a.allowed")
    assert result.returncode == 1 and "signature: BAD" in result.stdout


def test_other_key_is_a_bad_signature(unpacked, keys):
    (unpacked / SIGNATURE).write_bytes(signing.sign(keys / "b.key", (unpacked / SUMS).read_bytes()))
    result = run_verify(unpacked, keys / "a.allowed")
    assert result.returncode == 1 and "signature: BAD" in result.stdout


@pytest.mark.slow   # builds a zip of the whole site
def test_unsigned_copy_fails(site, keys, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != SIGNING_KEY_ENV}
    build = subprocess.run([sys.executable, "-m", "uitweg.offline.bundle", str(site), str(tmp_path / "u.zip"),
                            "--allowed-signers", str(keys / "a.allowed")], cwd=ROOT, capture_output=True, text=True, env=env)
    assert build.returncode == 0, build.stderr
    assert "NOT SIGNED" in build.stderr, "an unsigned build must warn clearly"
    with zipfile.ZipFile(tmp_path / "u.zip") as zf:
        assert SUMS in zf.namelist() and SIGNATURE not in zf.namelist()
    result = run_verify(tmp_path / "u.zip", keys / "a.allowed")
    assert result.returncode == 1 and "not signed" in result.stdout


@pytest.mark.slow   # builds a zip of the whole site
def test_signing_through_the_environment(site, keys, tmp_path):
    env = dict(os.environ, **{SIGNING_KEY_ENV: str(keys / "a.key")})
    build = subprocess.run([sys.executable, "-m", "uitweg.offline.bundle", str(site), str(tmp_path / "s.zip"),
                            "--allowed-signers", str(keys / "a.allowed")], cwd=ROOT, capture_output=True, text=True, env=env)
    assert build.returncode == 0 and "signed" in build.stdout, build.stderr
    assert run_verify(tmp_path / "s.zip", keys / "a.allowed").returncode == 0


@pytest.mark.slow   # builds a zip of the whole site
def test_key_not_matching_the_public_key_is_refused(site, keys, tmp_path):
    with pytest.raises(BundleError, match="does not belong to the key"):
        build_bundle(site, tmp_path / "x.zip", keys / "b.key", keys / "a.allowed")
    assert not (tmp_path / "x.zip").exists()


def test_system_files_are_ignored_but_fake_ones_are_not(unpacked, keys):
    (unpacked / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (unpacked / "._index.html").write_bytes(b"\x00\x05\x16\x07" + b"\x00" * 40)
    (unpacked / "en" / "._signs.html").write_text("<script>location='https://evil.example'</script>")
    report = check_copy(unpacked, keys / "a.allowed")
    assert sorted(report.ignored) == [".DS_Store", "._index.html"]
    assert report.added == ["en/._signs.html"] and not report.ok


def test_missing_list_fails(unpacked, keys):
    (unpacked / SUMS).unlink()
    result = run_verify(unpacked, keys / "a.allowed")
    assert result.returncode == 1 and f"{SUMS} is missing" in result.stdout


def test_reproducible(site, keys, tmp_path, signed_zip):
    again = build_bundle(site, tmp_path / signed_zip.name, keys / "a.key", keys / "a.allowed").path
    assert again.read_bytes() == signed_zip.read_bytes(), "same site and key must give the same zip"


def shell(command: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["sh", "-c", command], cwd=cwd, capture_output=True, text=True)


def test_published_commands_check_a_copy(unpacked, keys):
    """The macOS and Linux steps of the materials page and the staff read-me,
    command by command, with allowed_signers next to the unpacked folder as
    they say; then a changed and a removed file make them fail. (The Windows
    steps use cmd and certutil, which this machine does not have.)"""
    commands = load_materials()["commands"]
    shutil.copyfile(keys / "a.allowed", unpacked.parent / "allowed_signers")
    signature = shell(commands["unix_signature"], unpacked)
    assert signature.returncode == 0 and 'Good "uitweg-copy" signature for uitweg' in signature.stdout + signature.stderr
    for files in (commands["linux_files"], commands["mac_files"]):
        assert shell(files, unpacked).returncode == 0, files
    (unpacked / "index.html").write_text("changed")
    (unpacked / "fr" / "signs.html").unlink()
    for files in (commands["linux_files"], commands["mac_files"]):
        out = shell(files, unpacked)
        assert out.returncode != 0 and "index.html: FAILED" in out.stdout and "fr/signs.html" in out.stdout + out.stderr


def test_signature_checks_with_an_independent_implementation(unpacked, keys):
    """sshsig (PyPI), not ssh-keygen: the signature of the list is good for
    our key and namespace, and fails for a changed list or another namespace."""
    import sshsig
    from sshsig.ssh_public_key import PublicKey
    key = PublicKey.from_openssh_str(signing.read_allowed_signers(keys / "a.allowed"))
    sums, sig = (unpacked / SUMS).read_bytes(), (unpacked / SIGNATURE).read_bytes()
    assert sshsig.verify(sums, sig, [key], namespace=signing.NAMESPACE).openssh_str() == key.openssh_str()
    with pytest.raises(sshsig.InvalidSignature):
        sshsig.verify(sums.replace(b"  index.html", b"  index.htm"), sig, [key], namespace=signing.NAMESPACE)
    with pytest.raises(sshsig.InvalidSignature):
        sshsig.verify(sums, sig, [key], namespace="git")
    other = PublicKey.from_openssh_str(signing.read_allowed_signers(keys / "b.allowed"))
    with pytest.raises(sshsig.InvalidSignature):
        sshsig.verify(sums, sig, [other], namespace=signing.NAMESPACE)


def test_fingerprint_is_what_ssh_keygen_shows(keys):
    line = signing.read_allowed_signers(keys / "a.allowed")
    shown = subprocess.run(["ssh-keygen", "-l", "-f", "/dev/stdin"], input=line, capture_output=True, text=True).stdout
    assert signing.fingerprint(line) in shown.split()


def test_key_generation(tmp_path):
    line = signing.generate(tmp_path / "cfg" / "k.key", tmp_path / "allowed_signers")
    assert stat.S_IMODE((tmp_path / "cfg" / "k.key").stat().st_mode) == 0o600
    assert line.startswith('uitweg namespaces="uitweg-copy" ssh-ed25519 ')
    assert signing.same_key(signing.read_allowed_signers(tmp_path / "allowed_signers"),
                            signing.public_of_private(tmp_path / "cfg" / "k.key"))
    with pytest.raises(signing.KeyProblem, match="exists already"):
        signing.generate(tmp_path / "cfg" / "k.key", tmp_path / "a2")
    with pytest.raises(signing.KeyProblem, match="outside the repository"):
        signing.generate(ROOT / "keys" / "never.key", tmp_path / "a3")
    assert not (ROOT / "keys" / "never.key").exists()


def test_repository_holds_only_the_public_key():
    assert signing.read_allowed_signers(ROOT / "keys" / "allowed_signers").startswith("ssh-ed25519 ")
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
    report = check_copy(dest, keys / "a.allowed")
    assert report.root == "info-offline/" and report.signature == "good"
    assert report.added == ["extra.html"] and not report.changed and not report.missing
