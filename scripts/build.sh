#!/usr/bin/env bash
# Configures and builds gklint (Release, with tests) into ./build.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DGKLINT_BUILD_TESTS=ON -DGKLINT_BUILD_BENCH=ON >/dev/null
cmake --build build -j"$(nproc)"
