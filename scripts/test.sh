#!/usr/bin/env bash
# `npm test`: every suite of the project, each printed as it runs, then one line `N passed, M failed`
# summed over all of them. A suite that crashes (or prints no counts) counts as at least one failure.
#   1. mocha (unit + integration, spec reporter)  → "N passing" / "N failing"
#   2. OpenFGA conformance cases (../shared/openfga-conformance, when present) → "N passed, M failed"
#   3. store tests of fga/tests/*.fga.yaml          → "N passed, M failed"
set -uo pipefail
cd "$(dirname "$0")/.."

export NODE_ENV="${NODE_ENV:-test}"
# A hung suite must not hang CI forever; generous enough for the slowest suite on 2 cores.
PART_TIMEOUT="${TEST_PART_TIMEOUT:-1800}"
CONFORMANCE_DIR="../shared/openfga-conformance"

total_passed=0
total_failed=0
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# run_part NAME PARSER -- COMMAND...   (PARSER: mocha | counts)
run_part() {
  local name="$1" parser="$2"
  shift 3
  echo
  echo "=== ${name}: $*"
  timeout --kill-after=30 "$PART_TIMEOUT" "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  local passed="" failed=""
  if [[ "$parser" == mocha ]]; then
    passed="$(grep -Eo '^[[:space:]]*[0-9]+ passing' "$log" | tail -n1 | grep -Eo '[0-9]+')"
    failed="$(grep -Eo '^[[:space:]]*[0-9]+ failing' "$log" | tail -n1 | grep -Eo '[0-9]+')"
    if [[ -n "$passed" && -z "$failed" ]]; then failed=0; fi
  else
    local last
    last="$(grep -Ev '^[[:space:]]*$' "$log" | tail -n1)"
    if [[ "$last" =~ ^[[:space:]]*([0-9]+)\ passed,\ ([0-9]+)\ failed[[:space:]]*$ ]]; then
      passed="${BASH_REMATCH[1]}"
      failed="${BASH_REMATCH[2]}"
    fi
  fi
  if [[ -z "$passed" ]]; then
    echo "=== ${name}: no counts found (exit status ${status}): counted as 1 failure"
    passed=0
    failed=1
  elif [[ "$status" -ne 0 && "$failed" -eq 0 ]]; then
    echo "=== ${name}: exit status ${status} with no failing test reported: counted as 1 failure"
    failed=1
  fi
  echo "=== ${name}: ${passed} passed, ${failed} failed"
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
}

# The file list lives in the test:unit script; only the reporter is ours (its summary is what we count).
run_part "mocha" mocha -- npm run -s test:unit -- --reporter spec

shopt -s nullglob
conformance_files=("$CONFORMANCE_DIR"/*.yaml)
shopt -u nullglob
if [[ ${#conformance_files[@]} -gt 0 ]]; then
  run_part "OpenFGA conformance" counts -- npm run -s fga:conformance -- "${conformance_files[@]}"
else
  echo
  echo "=== OpenFGA conformance: skipped (${CONFORMANCE_DIR} not found)"
fi

run_part "fga store tests (fga/tests)" counts -- npm run -s fga -- test

echo
echo "${total_passed} passed, ${total_failed} failed"
[[ "$total_failed" -eq 0 ]]
