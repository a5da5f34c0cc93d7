#!/usr/bin/env bash
# Rerun tests N times to find flaky ones: `make test-flaky N=20 FLAKY="tests/…"`.
# Each run is a fresh pytest session, in parallel like `make test`, so the
# session's shared build and crawls are made again every time (pytest-repeat's
# --count would reuse them and never see a race in them). Prints one line per
# run and the failed tests; keeps the output of failed runs.
set -uo pipefail
py=$1; n=$2; shift 2
logs=$(mktemp -d "${TMPDIR:-/tmp}/uitweg-flaky.XXXXXX")
failed=0
for i in $(seq "$n"); do
  start=$SECONDS
  if "$py" -m pytest -n "${TEST_WORKERS:-3}" --dist loadgroup --no-loadscope-reorder -q -p no:cacheprovider "$@" >"$logs/run-$i.log" 2>&1; then
    echo "run $i/$n: passed ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1))
    echo "run $i/$n: FAILED ($((SECONDS - start)) s), output in $logs/run-$i.log"
    grep -E "^(FAILED|ERROR) " "$logs/run-$i.log" | sed 's/^/    /'
  fi
done
echo "$failed of $n runs failed: $*"
if ((failed == 0)); then rm -rf "$logs"; fi
exit $((failed > 0))
