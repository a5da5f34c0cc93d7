#!/usr/bin/env bash
# The README's two commands on fresh clones, N times in a row:
#   make soak N=10           (root: every other run as the unprivileged user
#                             uitweg-ci with Debian's /usr/bin/python3, as .ci/run does)
# Each run clones HEAD into a new folder, runs `make`, then `make test`, and
# prints one line: who ran it, the load average before, both exit codes and
# times. A run fails if either command fails or `make test` takes longer than
# TEST_LIMIT seconds (default 360: issue 22's six minutes). Logs of failed
# runs are kept; the last line counts the failures. BUSY=K keeps K more
# processes spinning on the CPU for the whole soak (a machine loaded by
# other work besides the suite's own load).
set -uo pipefail
# Each run is a user typing `make`: nothing of the make that started this script.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
n=${1:-10}
limit=${TEST_LIMIT:-360}
repo=$(git rev-parse --show-toplevel)
commit=$(git -C "$repo" rev-parse --short HEAD)   # every run tests this commit, whatever lands meanwhile
logs=$(mktemp -d "${TMPDIR:-/tmp}/uitweg-soak.XXXXXX")
chmod 755 "$logs"
user=uitweg-ci
as_user=0
if [ "$(id -u)" = 0 ] && command -v runuser >/dev/null; then
  id "$user" >/dev/null 2>&1 || useradd --create-home --shell /bin/bash "$user"
  as_user=1
fi
busy=${BUSY:-0}
spinners=()
for _ in $(seq "$busy"); do sh -c 'while :; do :; done' & spinners+=($!); done
trap '((${#spinners[@]})) && kill "${spinners[@]}" 2>/dev/null' EXIT
echo "fresh clones of $commit, $n runs; make test limit ${limit} s; $busy busy processes besides; logs in $logs"
failed=0
for i in $(seq "$n"); do
  dir="$logs/run-$i"
  git clone --quiet --no-hardlinks "$repo" "$dir/uitweg" && git -C "$dir/uitweg" checkout --quiet "$commit"
  who=$(id -un)
  run() { make -C "$dir/uitweg" "$@"; }
  if ((as_user && i % 2 == 0)); then
    who=$user
    chown -R "$user:" "$dir"
    home=$(getent passwd "$user" | cut -d: -f6)
    run() { runuser -u "$user" -- env HOME="$home" PATH=/usr/bin:/bin:/usr/local/bin PYTHON=/usr/bin/python3 \
      make -C "$dir/uitweg" "$@"; }
  fi
  load=$(cut -d' ' -f1 /proc/loadavg)
  start=$SECONDS; run all >"$dir/make.log" 2>&1; make_rc=$?; make_s=$((SECONDS - start))
  test_rc=skipped; test_s=0
  if ((make_rc == 0)); then
    start=$SECONDS; run test >"$dir/test.log" 2>&1; test_rc=$?; test_s=$((SECONDS - start))
  fi
  summary=$(grep -E "^=+ .*(passed|failed).* in " "$dir/test.log" 2>/dev/null | tail -1 | tr -d '=' | xargs)
  verdict=passed
  if [ "$make_rc" != 0 ] || [ "$test_rc" != 0 ] || ((test_s > limit)); then
    verdict=FAILED; failed=$((failed + 1))
  fi
  echo "run $i/$n as $who (load $load): make rc $make_rc ${make_s} s; make test rc $test_rc ${test_s} s ($summary): $verdict"
  if [ "$verdict" = passed ]; then
    rm -rf "$dir/uitweg"
  else
    grep -E "^(FAILED|ERROR) " "$dir/test.log" 2>/dev/null | sed 's/^/    /'
  fi
done
echo "$failed of $n runs failed ($commit)"
exit $((failed > 0))
