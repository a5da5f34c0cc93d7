#!/usr/bin/env bash
# Make sure the given Debian packages are installed. Does nothing (and never
# calls apt-get) when they all are. When some are missing: installs them as
# root (CI); as any other user, prints the one command to run and stops.
# Used by `make test` (APT_PACKAGES of make/*.mk) and `make print`.
set -euo pipefail
missing=()
for pkg in "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
((${#missing[@]})) || exit 0
if ((EUID != 0)); then
  echo "Missing Debian packages. Install them, then run make again:" >&2
  echo "  sudo apt-get install --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
