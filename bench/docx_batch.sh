#!/usr/bin/env bash
# Whole-command timing of Word reports: `gklint check -j2` over 2,000 .docx files beside the
# same 2,000 reports as .txt (the .docx are rendered from the .txt by
# tests/fixtures/docx/make_docx.py --convert, so both sets hold the same reports), runs
# interleaved so that both see the same load. Target: 2,000 .docx in ≤ 15 s on 2 cores.
# Builds nothing; the corpus goes to $GKLINT_BENCH_OUT (default bench/out, git-ignored).
#
# Environment: GKLINT_BUILD_DIR (build), GKLINT_BENCH_OUT (bench/out), GKLINT_BENCH_FILES (2000),
# GKLINT_BENCH_RUNS (3).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${GKLINT_BUILD_DIR:-build}
OUT=${GKLINT_BENCH_OUT:-bench/out}
FILES=${GKLINT_BENCH_FILES:-2000}
RUNS=${GKLINT_BENCH_RUNS:-3}
GKLINT=$BUILD/gklint
CORPUS=$OUT/corpus
[[ -x $GKLINT ]] || { echo "bench/docx_batch.sh: $GKLINT not found: run scripts/build.sh first" >&2; exit 2; }
count() { find "$1" -maxdepth 1 -type f -name "*.$2" 2>/dev/null | wc -l; }
if (($(count "$CORPUS/txt" txt) < FILES)); then
  rm -rf "$CORPUS"
  python3 bench/make_corpus.py "$CORPUS" -n "$FILES" --seeds 'tests/corpus/seeds/*.txt'
fi
if (($(count "$CORPUS/docx" docx) < FILES)); then
  rm -rf "$CORPUS/docx"
  python3 tests/fixtures/docx/make_docx.py --convert "$CORPUS/txt" "$CORPUS/docx"
fi
echo "gklint check -j2 over $FILES files, $RUNS interleaved runs, $(date -u '+%Y-%m-%d %H:%M UTC'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 1; i <= RUNS; i++)); do
  for set in txt docx; do
    /usr/bin/time -f "$set run $i: %e s wall, %U s user + %S s sys, max RSS %M KB" \
      "$GKLINT" check -j2 --fail-on never "$CORPUS/$set" >/dev/null 2>"$OUT/docx_batch.err" || true
    tail -1 "$OUT/docx_batch.err"
  done
done
