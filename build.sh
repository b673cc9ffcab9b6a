#!/usr/bin/env bash
# One entry point for every job, the same on a developer's machine and in CI.
#   ./build.sh test          restore, build (Release), pack, start PostgreSQL and Redis on loopback unless
#                            ALPHA_TEST_PG / ALPHA_TEST_REDIS are given, run every test, print the summary
#   ./build.sh demo [args]   the main job: `alpha demo` (synthetic pair → whole retrain flow → summary)
#   ./build.sh pack          the NuGet packages of src/ into artifacts/packages
#   ./build.sh bench [args]  BenchmarkDotNet (arguments go to BenchmarkSwitcher, e.g. --filter '*Purged*')
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

configuration=Release

# With ALPHA_PHASES=1 (CI), each step of a job prints how long the one before it took.
step_started=$SECONDS
step() {
  if [ "${ALPHA_PHASES:-}" = 1 ]; then
    echo "::step $1 (previous step took $((SECONDS - step_started)) s)"
    step_started=$SECONDS
  fi
}

build() {
  dotnet restore Alpha.Libraries.sln
  dotnet build Alpha.Libraries.sln -c "$configuration" --no-restore
}

pack() {
  rm -rf artifacts/packages
  dotnet pack Alpha.Libraries.sln -c "$configuration" --no-build
}

# Sums the counters of every TRX file into the one closing line: "Tests: N passed, N failed, N skipped".
summary() {
  local dir=$1 passed=0 failed=0 total=0 executed=0 f counters
  for f in "$dir"/*.trx; do
    [ -f "$f" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$f" | head -n 1)
    total=$((total + $(sed -E 's/.* total="([0-9]+)".*/\1/' <<<"$counters")))
    executed=$((executed + $(sed -E 's/.* executed="([0-9]+)".*/\1/' <<<"$counters")))
    passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")))
    failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")))
  done
  echo "Tests: $passed passed, $failed failed, $((total - executed)) skipped"
}

test_all() {
  step "restore and build"
  build
  step "pack"
  pack
  local started=0 status=0
  if [ -z "${ALPHA_TEST_PG:-}" ] || [ -z "${ALPHA_TEST_REDIS:-}" ]; then
    # shellcheck source=scripts/servers.sh
    source scripts/servers.sh
    start_servers
    started=1
    trap stop_servers EXIT
  fi
  local results=artifacts/test-results
  rm -rf "$results"
  step "test"
  dotnet test Alpha.Libraries.sln -c "$configuration" --no-build --logger "trx" --results-directory "$results" || status=$?
  step "examples"
  for example in docs/examples/*.cs; do
    echo "example: $example"
    dotnet run --file "$example" > /dev/null || { echo "example $example failed"; status=1; }
  done
  step "end"
  if [ "$started" = 1 ]; then stop_servers; trap - EXIT; fi
  # The closing line (also kept in summary.txt for .ci/run to repeat after its timings).
  summary "$results" | tee "$results/summary.txt"
  return "$status"
}

demo() {
  build
  dotnet run -c "$configuration" --no-build --project hosts/Alpha.Cli -- demo "$@"
}

case "${1:-}" in
  test) test_all ;;
  demo) shift; demo "$@" ;;
  pack) build && pack ;;
  bench) shift; dotnet run -c "$configuration" --project benchmarks/Alpha.Benchmarks -- "$@" ;;
  *) sed -n '2,7p' "$0"; exit 2 ;;
esac
