#!/usr/bin/env bash
# The sanitizer pass of scripts/test.sh: one clang tree (build-asan/) with AddressSanitizer and
# UndefinedBehaviorSanitizer and the libFuzzer targets, then
#   1. the whole ctest suite under ASan+UBSan (this replays tests/fuzz-regressions/ and the
#      committed fuzz seeds through every fuzz target as well),
#   2. a fuzz smoke: every target for GKLINT_FUZZ_SMOKE_SECONDS (default 15) on the committed corpus.
# Exit non-zero on any sanitizer report, failing test or crash.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${GKLINT_ASAN_BUILD:-build-asan}
start=$(date +%s)

CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DGKLINT_SANITIZE=address,undefined -DGKLINT_BUILD_FUZZ=ON -DGKLINT_BUILD_TESTS=ON >/dev/null
cmake --build "$build" -j"$(nproc)"
echo "test-asan: built in $(( $(date +%s) - start ))s"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
echo "test-asan: tests passed under ASan+UBSan at $(( $(date +%s) - start ))s"

GKLINT_ASAN_BUILD="$build" scripts/fuzz.sh all "${GKLINT_FUZZ_SMOKE_SECONDS:-15}"
echo "test-asan: done in $(( $(date +%s) - start ))s"
