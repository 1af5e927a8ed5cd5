#!/usr/bin/env bash
# One command for a developer or CI: install, build, and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
scripts/test-asan.sh  # ASan+UBSan over the whole suite, regression inputs, a short fuzz smoke
scripts/test-tsan.sh  # the LSP and the parallel batch under ThreadSanitizer (docs/architecture.md, Threading)
