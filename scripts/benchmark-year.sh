#!/usr/bin/env bash
# A year of cases, one command: measures the application on its empty database, loads finished and open cases
# (straight SQL, the open ones' process instances through the engine), measures again in the same run, on H2 and then
# on PostgreSQL 15, and writes the section "A year of cases" of docs/benchmark.md.
#   scripts/benchmark-year.sh [finished cases] [open cases] [filings] [concurrency]   (defaults 1000000, 10000, 300, 20)
#   BENCHMARK_DATABASES="H2" or "PostgreSQL" runs only one of them.
set -euo pipefail
cd "$(dirname "$0")/.."
FINISHED=${1:-1000000}
OPEN=${2:-10000}
FILINGS=${3:-300}
CONCURRENCY=${4:-20}
DATABASES=${BENCHMARK_DATABASES:-H2 PostgreSQL}
ARGS=(-Dbenchmark.finished="$FINISHED" -Dbenchmark.open="$OPEN" -Dbenchmark.cases="$FILINGS" -Dbenchmark.concurrency="$CONCURRENCY")
./mvnw -B -q test-compile
if [[ " $DATABASES " == *" H2 "* ]]; then
  ./mvnw -B -q -Pbenchmark-year exec:java "${ARGS[@]}" -Dbenchmark.label=H2
fi
if [[ " $DATABASES " == *" PostgreSQL "* ]]; then
  trap 'scripts/postgres.sh stop' EXIT
  PG_URL=$(scripts/postgres.sh start)
  ./mvnw -B -q -Pbenchmark-year exec:java "${ARGS[@]}" -Dbenchmark.label="${BENCHMARK_PG_LABEL:-PostgreSQL}" \
    -Dspring.datasource.url="$PG_URL" -Dspring.datasource.username=postgres -Dspring.datasource.password=
fi
