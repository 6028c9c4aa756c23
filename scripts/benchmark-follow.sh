#!/usr/bin/env bash
# The head follower against per-case timers, one command: on a devnet mining a block a second, runs the application
# twice (recovery.follow.wake=heads, then every-interval: each waiting case re-reads the chain every recheck-interval,
# as before the follower) and measures the time from a deposit's last confirmation to IN_REVIEW and the JSON-RPC round
# trips per new block with 1, 100 and 1,000 cases waiting; writes its section of docs/benchmark.md.
#   scripts/benchmark-follow.sh [sizes] [window]   (defaults 1,100,1000 and PT45S)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${1:-1,100,1000}
WINDOW=${2:-PT45S}
./mvnw -B -q test-compile
./mvnw -B -q -Pbenchmark exec:java -Dbenchmark.main=com.recoverydesk.benchmark.FollowBenchmark \
  -Dbenchmark.follow.sizes="$SIZES" -Dbenchmark.follow.window="$WINDOW"
