#!/usr/bin/env bash
# Installs everything gklint needs on a fresh Debian machine (run as root):
# Debian packages for the toolchain and libraries, and the pinned tree-sitter
# grammars from npm (sources only: npm ci --ignore-scripts runs no install hook).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config git ca-certificates python3
  libtree-sitter-dev libicu-dev libyaml-cpp-dev libre2-dev libfmt-dev
  nlohmann-json3-dev libcli11-dev catch2 libbenchmark-dev libzip-dev libpugixml-dev
  libpoppler-cpp-dev zlib1g-dev  # the PDF reader (engine/read/PdfReader) and its stream guard
  poppler-utils  # pdftotext, pdftoppm: looking at what a PDF test fixture holds
  libgumbo-dev  # the HTML reader (an HTML5 tree builder)
  libmimalloc-dev  # the executables' allocator (GKLINT_USE_MIMALLOC)
  clang libclang-rt-14-dev  # the ASan/UBSan and libFuzzer tree (scripts/test-asan.sh, scripts/fuzz.sh)
  neovim  # the real-editor test of the Language Server (tests/lsp/nvim)
  python3-yaml  # tests/ci: reads .pre-commit-hooks.yaml and action.yml to run what they run
  chromium fonts-noto-cjk  # tests/html: the summary page in a real browser (DOM and screenshot)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# Node.js and npm only fetch the grammar sources; any working npm will do.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "bootstrap: installing pinned grammars (npm ci --ignore-scripts)"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi

# The official SARIF 2.1.0 schema and its validator, for the sarif-schema test only.
if [ ! -f tests/sarif/node_modules/.package-lock.json ] || [ tests/sarif/package-lock.json -nt tests/sarif/node_modules/.package-lock.json ]; then
  echo "bootstrap: installing the SARIF schema for the tests (npm ci --ignore-scripts --prefix tests/sarif)"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error --prefix tests/sarif
fi
