#!/usr/bin/env bash
# The intake benchmark, one command: files cases for real devnet deposits through the HTTP API at a fixed
# concurrency, on H2 and then on PostgreSQL 15, and writes the figures to docs/benchmark.md.
#   scripts/benchmark.sh [cases] [concurrency] [warm-up cases]   (defaults 600, 20, 200)
set -euo pipefail
cd "$(dirname "$0")/.."
CASES=${1:-600}
CONCURRENCY=${2:-20}
WARM_UP=${3:-200}
./mvnw -B -q test-compile
./mvnw -B -q -Pbenchmark exec:java -Dbenchmark.cases="$CASES" -Dbenchmark.concurrency="$CONCURRENCY" -Dbenchmark.warm-up="$WARM_UP" -Dbenchmark.label=H2
trap 'scripts/postgres.sh stop' EXIT
PG_URL=$(scripts/postgres.sh start)
./mvnw -B -q -Pbenchmark exec:java -Dbenchmark.cases="$CASES" -Dbenchmark.concurrency="$CONCURRENCY" -Dbenchmark.warm-up="$WARM_UP" -Dbenchmark.label=PostgreSQL \
  -Dspring.datasource.url="$PG_URL" -Dspring.datasource.username=postgres -Dspring.datasource.password=
