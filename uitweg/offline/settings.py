"""Settings and texts of the offline copies (data/offline.yml) and the pocket
budget (data/budgets.yml, key `pocket`)."""
from __future__ import annotations

from pathlib import Path

from uitweg.core import paths
from uitweg.core.yamlfile import load_data

OFFLINE = paths.DATA / "offline.yml"
# The public side of the signing key, as an OpenSSH allowed_signers file.
ALLOWED_SIGNERS = paths.ROOT / "keys" / "allowed_signers"
SIGNING_KEY_ENV = "UITWEG_SIGNING_KEY"
SUMS = "SHA256SUMS"
SIGNATURE = "SHA256SUMS.sig"


def load_offline(path: Path = OFFLINE) -> dict:
    return load_data(Path(path), "offline")[0]


def pocket_budget(path: Path = paths.BUDGETS) -> int:
    """Largest allowed pocket file, in bytes."""
    return int(load_data(Path(path), "budgets")[0]["pocket"]["max_bytes"])  # the schema requires it
