#!/usr/bin/env bash
# One command for a developer or CI: install, build, and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
GKLINT_WITH_TEST_TOOLS=1 scripts/bootstrap.sh
scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
