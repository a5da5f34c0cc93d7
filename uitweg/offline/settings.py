"""Settings and texts of the offline copies (data/offline.yml) and the pocket
budget (data/budgets.yml, key `pocket`)."""
from __future__ import annotations

from pathlib import Path


from uitweg.core import paths, yamlfile

OFFLINE = paths.DATA / "offline.yml"
PUBLIC_KEY = paths.ROOT / "keys" / "uitweg-signing.pub"
SIGNING_KEY_ENV = "UITWEG_SIGNING_KEY"
SUMS = "SHA256SUMS"
SIGNATURE = "SHA256SUMS.sig"


def load_offline(path: Path = OFFLINE) -> dict:
    return yamlfile.load(path)


def pocket_budget(path: Path = paths.BUDGETS) -> int:
    """Largest allowed pocket file, in bytes."""
    data = yamlfile.load(path) or {}
    try:
        return int(data["pocket"]["max_bytes"])
    except (KeyError, TypeError, ValueError):
        raise SystemExit(f"{path}: needs `pocket: {{max_bytes: <bytes>}}` (the size limit of one pocket file)")
