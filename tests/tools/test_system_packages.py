"""`make` works as a normal user on a machine that has the system packages:
tools/install-system-packages.sh never calls apt-get when nothing is missing,
and as a normal user prints the one command to run instead of failing in apt."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import ROOT

SCRIPT = ROOT / "tools" / "install-system-packages.sh"


def as_normal_user() -> list[str]:
    """Root (CI, dev machines) becomes `nobody`; a normal user runs as itself."""
    return [shutil.which("setpriv"), "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []


@pytest.fixture
def path_without_apt():
    """A PATH with only what the script needs to check packages: no apt-get.
    Outside pytest's private tmp folder, so `nobody` can use it too."""
    bin_dir = Path(tempfile.mkdtemp(prefix="uitweg-bin-"))
    bin_dir.chmod(0o755)
    for tool in ("bash", "dpkg-query", "grep"):
        os.symlink(shutil.which(tool), bin_dir / tool)
    yield str(bin_dir)
    shutil.rmtree(bin_dir)


def installed_package() -> str:
    out = subprocess.run(["dpkg-query", "-W", "-f=${Package}\n", "bash"], capture_output=True, text=True)
    assert out.returncode == 0, "this test needs a Debian machine (dpkg)"
    return out.stdout.split()[0]


def test_nothing_missing_means_no_apt_get(path_without_apt):
    env = {"PATH": path_without_apt}
    result = subprocess.run(["bash", str(SCRIPT), installed_package()], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""


def test_a_normal_user_gets_the_one_command_to_run(path_without_apt):
    env = {"PATH": path_without_apt}
    missing = "uitweg-no-such-package"
    result = subprocess.run(as_normal_user() + ["bash", str(SCRIPT), installed_package(), missing],
                            env=env, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == f"  sudo apt-get install --no-install-recommends {missing}"
    assert "apt-get: command not found" not in result.stderr
