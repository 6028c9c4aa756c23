#!/usr/bin/env bash
# Straight-through recovery on the devnet (docs/benchmark.md, "Straight-through recovery"): filing to COMPLETED for the
# cases the decision table approves, against the chain's floor, and the share straight through in a stated mix.
#   scripts/benchmark-straight-through.sh [rounds of 10 cases]   (default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile
./mvnw -B -q -Pbenchmark exec:java -Dbenchmark.main=com.recoverydesk.benchmark.StraightThroughBenchmark \
  -Dbenchmark.rounds="${1:-2}" | grep '^STRAIGHT-THROUGH'
