"""The gate's share of a real site build (`make bench`): one strict
`mkdocs build` with UITWEG_PROFILE_GATE=1, which only records timings.
Budget: the checks add at most a quarter to the build (issue 9)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 25


def main() -> int:
    with tempfile.TemporaryDirectory() as out:
        env = dict(os.environ, UITWEG_PROFILE_GATE="1", NO_MKDOCS_2_WARNING="1")
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", out],
                                cwd=ROOT, env=env, capture_output=True, text=True)
    m = re.search(r"Gate timing: (.*\((\d+) % of the build without it\))", result.stderr)
    if result.returncode != 0 or not m:
        print(result.stderr[-3000:], file=sys.stderr)
        return 1
    print(m.group(1))
    if int(m.group(2)) > BUDGET:
        print(f"over budget: the gate may add at most {BUDGET} % to the build", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
