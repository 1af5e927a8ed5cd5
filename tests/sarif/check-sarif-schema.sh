#!/usr/bin/env bash
# Runs `gklint check --format sarif` on reports that exercise every part of the output — many
# findings with fixes (the seeds), relation findings with related locations, a non-BMP
# character before a finding, a Chinese file name, an unreadable path, a --previous warning —
# and validates each log against the official SARIF 2.1.0 schema.
# Usage: check-sarif-schema.sh GKLINT_BINARY   (exit 77: schema not installed, test skipped)
set -uo pipefail
gklint=$1
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
command -v node >/dev/null 2>&1 || { echo "check-sarif-schema: node is not installed"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$repo"
cp docs/checks/examples/shihe-2022.txt "$work/石河乡2022年报告.txt"
"$gklint" check -f sarif tests/corpus/seeds/ > "$work/seeds.sarif"
"$gklint" check -f sarif docs/checks/examples/tab-t3-balance.txt docs/checks/examples/tab-t4-sum-direct.txt > "$work/relations.sarif"
"$gklint" check -f sarif --fail-on never tests/fixtures/cli/non-bmp-2021.txt "$work/石河乡2022年报告.txt" > "$work/names.sarif"
"$gklint" check -f sarif --output "$work/unreadable.sarif" tests/fixtures/cli/clean-2021.txt nothere.txt 2>/dev/null
"$gklint" check -f sarif --previous docs/checks/examples/hexi-2021.txt docs/checks/examples/shihe-2022.txt > "$work/previous.sarif" 2>/dev/null
for log in seeds relations names unreadable previous; do
  [ -s "$work/$log.sarif" ] || { echo "check-sarif-schema: gklint wrote no $log.sarif"; exit 1; }
done
node "$here/validate-sarif.js" "$work"/*.sarif
