#!/usr/bin/env bash
# Runs every test of the solution: unit, integration (SQLite and a real PostgreSQL server that the
# tests start themselves) and process-level tests. Usage: ./test.sh [extra 'dotnet test' options]
#
# Needs the .NET 10 SDK and PostgreSQL's server binaries (Debian/Ubuntu: apt-get install postgresql).
# Without PostgreSQL those tests are skipped with the reason; with CI=true they fail instead.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

started=$(date +%s)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "==> dotnet test (solution TodoChatbot.slnx)"
set +e
# At most two test projects at once: the container and pod tests build images and hold CPU
# limits, and timing-sensitive browser tests should not starve beside them on a 2-core machine.
dotnet test --solution TodoChatbot.slnx --max-parallel-test-modules 2 "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# The runner's summary, as one closing line that any CI can read.
count() { grep -E "^[[:space:]]+$1: [0-9]+$" "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0; }
total=$(count total)
failed=$(count failed)
passed=$(count succeeded)
skipped=$(count skipped)

if [[ "$total" == 0 ]]; then
  echo "error: no test ran" >&2
  status=1
fi
if [[ "${CI:-}" == "true" && "$skipped" != 0 ]]; then
  echo "error: $skipped test(s) skipped under CI=true; everything must run here" >&2
  status=1
fi
echo
echo "Test run took $(( $(date +%s) - started ))s"
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
