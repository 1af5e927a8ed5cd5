#!/usr/bin/env bash
# ThreadSanitizer run: builds build-tsan (-DGKLINT_SANITIZE=thread) and runs, under TSan, every
# test that has more than one thread at work — the Language Server's tests (unit, transcripts
# against the TSan-built `gklint lsp`, the pipelined stress tests) and the CLI's parallel batch
# (`gklint check -j2` over folders). Exits non-zero on any ThreadSanitizer report.
# Usage: scripts/test-tsan.sh            (GKLINT_TSAN_BUILD=dir to build elsewhere)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${GKLINT_TSAN_BUILD:-build-tsan}
start=$SECONDS
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGKLINT_SANITIZE=thread \
  -DGKLINT_BUILD_TESTS=ON -DGKLINT_BUILD_BENCH=OFF > "$log/configure" 2>&1 || { cat "$log/configure"; exit 1; }
cmake --build "$build" -j"$(nproc)" --target gklint_tests gklint

# halt_on_error: the first report fails the process (exit code 66), so a child `gklint lsp`
# that races fails the transcript test that runs it. Suppressions: one reason per line.
export TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1 suppressions=$root/scripts/tsan.supp"
status=0

run() {  # run NAME COMMAND...: runs it, keeps its stderr, fails on a report or a failed test
  local name=$1; shift
  local code=0
  "$@" > "$log/$name.out" 2> "$log/$name.err" || code=$?
  if grep -q "WARNING: ThreadSanitizer" "$log/$name.out" "$log/$name.err"; then
    echo "test-tsan: $name: ThreadSanitizer report:" >&2
    cat "$log/$name.err" >&2
    status=1
  elif [ "$code" -ne "${expect:-0}" ]; then
    echo "test-tsan: $name exited $code (expected ${expect:-0}):" >&2
    tail -n 60 "$log/$name.out" "$log/$name.err" >&2
    status=1
  else
    echo "test-tsan: $name: no race reported"
  fi
}

# Every threaded test as its own ctest process with a timeout (tests/CMakeLists.txt, label tsan):
# a race fails the test (exit 66), a hang fails it at the timeout instead of stalling the run.
run threaded-tests ctest --test-dir "$build" -L tsan -j"$(nproc)" --output-on-failure
# A real batch on two threads; exit 1 = findings, which the seed reports have.
expect=1 run check-j2 "$build/gklint" check -j2 --fail-on info tests/corpus/seeds tests/fixtures/cli

echo "test-tsan: $((SECONDS - start)) s"
exit $status
