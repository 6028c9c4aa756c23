#!/usr/bin/env bash
# The deposit-address import benchmark: 1,000,000 addresses in one streamed request, then the same file again,
# on H2 and then on PostgreSQL 15; prints time and peak heap per database for docs/benchmark.md.
#   scripts/benchmark-import.sh [addresses] [max heap]   (defaults 1000000, 512m: the heap holds the application,
#                                                         Maven and the client; the import must fit beside them)
set -euo pipefail
cd "$(dirname "$0")/.."
ADDRESSES=${1:-1000000}
export MAVEN_OPTS="-Xmx${2:-512m}"
./mvnw -B -q test-compile
./mvnw -B -q -Pbenchmark exec:java -Dbenchmark.main=com.recoverydesk.benchmark.AddressImportBenchmark \
  -Dbenchmark.addresses="$ADDRESSES" -Dbenchmark.label=H2 | grep '^IMPORT BENCHMARK'
trap 'scripts/postgres.sh stop' EXIT
PG_URL=$(scripts/postgres.sh start)
./mvnw -B -q -Pbenchmark exec:java -Dbenchmark.main=com.recoverydesk.benchmark.AddressImportBenchmark \
  -Dbenchmark.addresses="$ADDRESSES" -Dbenchmark.label=PostgreSQL \
  -Dspring.datasource.url="$PG_URL" -Dspring.datasource.username=postgres -Dspring.datasource.password= | grep '^IMPORT BENCHMARK'
