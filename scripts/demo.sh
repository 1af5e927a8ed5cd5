#!/usr/bin/env bash
# One command for a new user: install, build, and lint a sample report with the embedded rules.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/build.sh
echo
echo "\$ build/gklint check examples/baihua-2021.txt"
build/gklint check examples/baihua-2021.txt || status=$?
echo "(exit code ${status:-0}: 0 = clean, 1 = findings at or above --fail-on, 2 = usage or input error)"
