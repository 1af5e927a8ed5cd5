#!/bin/bash
# Runs the headless Neovim test of gklint's Language Server (Neovim 0.7+ must be installed,
# e.g. `apt-get install -y neovim`). Usage: tests/lsp/nvim/run.sh [path/to/gklint]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
gklint="$(realpath "${1:-$root/build/gklint}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/tests/corpus/seeds/002_093c900e5eacee9f.txt" "$work/002.txt"
chmod u+w "$work/002.txt"
status=0
( cd "$work" && GKLINT="$gklint" GKLINT_REPORT="$work/002.txt" GKLINT_RESULT="$work/result" \
    timeout 60 nvim --headless --clean -u "$here/gklint_test.lua" ) || status=$?
cat "$work/result" 2>/dev/null || echo "no result written"
exit $status
