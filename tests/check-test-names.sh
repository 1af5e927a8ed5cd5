#!/usr/bin/env bash
# Fails when a Catch2 test name would make ctest run nothing: catch_discover_tests cuts a name
# at ';', and a name starting with '-' is read as an option — either way the test's ctest entry
# passes a filter that matches no test, Catch2 prints "No tests ran" and ctest counts a pass.
set -euo pipefail
bad=$("$1" --list-test-names-only | grep -E '^-|;' || true)
if [ -n "$bad" ]; then
  echo "test names ctest cannot run (no ';', no leading '-'):" >&2
  echo "$bad" >&2
  exit 1
fi
