#!/usr/bin/env bash
# Runs the benchmark suite and prints a summary: in-process stage timings (gklint_bench),
# whole-command throughput on one core against grep -cP over the same files, and peak memory
# as the folder grows. Builds nothing: run scripts/build.sh first (it configures with
# -DGKLINT_BUILD_BENCH=ON). The corpus is generated into bench/out/ (git-ignored) when missing.
#
# Environment (all optional):
#   GKLINT_BUILD_DIR   build folder holding gklint and bench/gklint_bench (default: build)
#   GKLINT_BENCH_OUT   output folder (default: bench/out)
#   GKLINT_BENCH_FILES corpus files per format (default: 2000)
#   GKLINT_BENCH_RUNS  timed runs per whole command (default: 5)
#   GKLINT_BENCH_REPS  Google Benchmark repetitions (default: 5)
#   GKLINT_BENCH_CPU   the core everything is pinned to (default: 0)
#   GKLINT_BENCH_ONLY  a subset of: pipeline commands gate rss (default: all four)
#   GKLINT_BENCH_FILTER  a --benchmark_filter regex for gklint_bench
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${GKLINT_BUILD_DIR:-build}
OUT=${GKLINT_BENCH_OUT:-bench/out}
FILES=${GKLINT_BENCH_FILES:-2000}
RUNS=${GKLINT_BENCH_RUNS:-5}
REPS=${GKLINT_BENCH_REPS:-5}
CPU=${GKLINT_BENCH_CPU:-0}
ONLY=${GKLINT_BENCH_ONLY:-pipeline commands gate rss}
GKLINT=$BUILD/gklint
BENCH=$BUILD/bench/gklint_bench
CORPUS=$OUT/corpus
RESULTS=$OUT/results
# What a plain-text search over the reports looks for: section headings, the statistics
# period, contact phone numbers (also as Markdown headings).
PATTERN='^(?:#+ *)?[一二三四五六]、|统计期限|电话'
export LC_ALL=C.UTF-8

want() { [[ " $ONLY " == *" $1 "* ]]; }
die() { echo "bench/run.sh: $*" >&2; exit 2; }

[[ -x $GKLINT ]] || die "$GKLINT not found: run scripts/build.sh first"
if want pipeline; then
  [[ -x $BENCH ]] || die "$BENCH not found: configure with -DGKLINT_BUILD_BENCH=ON (scripts/build.sh does)"
fi
command -v python3 >/dev/null || die "python3 is needed to generate the corpus and print the summary"
PIN=()
if command -v taskset >/dev/null; then PIN=(taskset -c "$CPU"); else echo "note: no taskset; not pinned to one core" >&2; fi

count() { find "$1" -maxdepth 1 -type f -name "*.$2" 2>/dev/null | wc -l; }
if (($(count "$CORPUS/txt" txt) < FILES || $(count "$CORPUS/md" md) < FILES)); then
  echo "== generating the corpus ($FILES files per format) into $CORPUS"
  rm -rf "$CORPUS"
  python3 bench/make_corpus.py "$CORPUS" -n "$FILES" --seeds 'tests/corpus/seeds/*.txt'
fi

mkdir -p "$RESULTS"
{
  echo "gklint benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo ' (+ local changes)')"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')"
  echo "pinned to: ${PIN[*]:-nothing}"
} >"$RESULTS/meta.txt"
# When each part ran, and how busy the machine was then (its results may be from an earlier run).
stamp() { echo "measured $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" >"$RESULTS/$1.meta"; }

# --- 1. in-process stage timings ---------------------------------------------------------------
if want pipeline; then
  echo "== gklint_bench ($REPS repetitions)"
  stamp pipeline
  "${PIN[@]}" "$BENCH" --benchmark_repetitions="$REPS" --benchmark_report_aggregates_only=true \
    --benchmark_min_time=0.1 --benchmark_out="$RESULTS/pipeline.json" --benchmark_out_format=json \
    ${GKLINT_BENCH_FILTER:+--benchmark_filter="$GKLINT_BENCH_FILTER"}
fi

# --- 2. whole command against grep, one core ---------------------------------------------------
if want commands; then
  echo "== whole command, $RUNS runs each"
  stamp commands
  for fmt in txt md; do
    "$GKLINT" check -j1 --fail-on never "$CORPUS/$fmt" >/dev/null 2>&1 || die "gklint check failed on $CORPUS/$fmt"
    grep -rcP "$PATTERN" "$CORPUS/$fmt" >/dev/null || die "grep -cP found nothing in $CORPUS/$fmt"
  done
  rm -f "$RESULTS/commands.json" "$RESULTS/commands.tsv"
  if command -v hyperfine >/dev/null; then
    args=()
    for fmt in txt md; do
      args+=(-n "gklint $fmt" "${PIN[*]} $GKLINT check -j1 --fail-on never $CORPUS/$fmt")
      args+=(-n "grep $fmt" "${PIN[*]} grep -rcP '$PATTERN' $CORPUS/$fmt")
    done
    hyperfine -N --style basic --warmup 1 --runs "$RUNS" --export-json "$RESULTS/commands.json" "${args[@]}"
  else
    # Interleaved runs, so that a burst of load hits every command alike.
    TIMEFORMAT=$'%R\t%U\t%S'
    for _ in $(seq "$RUNS"); do
      for fmt in txt md; do
        t=$({ time "${PIN[@]}" "$GKLINT" check -j1 --fail-on never "$CORPUS/$fmt" >/dev/null 2>&1; } 2>&1)
        printf 'gklint %s\t%s\n' "$fmt" "$t" >>"$RESULTS/commands.tsv"
        t=$({ time "${PIN[@]}" grep -rcP "$PATTERN" "$CORPUS/$fmt" >/dev/null 2>&1; } 2>&1)
        printf 'grep %s\t%s\n' "$fmt" "$t" >>"$RESULTS/commands.tsv"
      done
    done
  fi
fi

# --- 3. the gate as CI runs it: every core, each output format, start-up ----------------------
# Not pinned: `gklint check` uses every core by default. Interleaved runs (a burst of load hits
# every command alike); user + sys and wall per run into gate.tsv.
if want gate; then
  echo "== the gate on every core, $RUNS runs each"
  stamp gate
  printf '一、总体情况\n' >"$RESULTS/one-line.txt"
  : >"$RESULTS/gate.tsv"
  gate_cmd() {  # name, then the command
    local name=$1 t
    shift
    t=$({ time "$@" >/dev/null 2>&1; } 2>&1)
    printf '%s\t%s\n' "$name" "$t" >>"$RESULTS/gate.tsv"
  }
  TIMEFORMAT=$'%R\t%U\t%S'
  for run in $(seq 0 "$RUNS"); do  # run 0 warms the page cache and is dropped by summarize.py
    for fmt in txt md; do
      gate_cmd "gklint $fmt text #$run" "$GKLINT" check --fail-on never "$CORPUS/$fmt"
      gate_cmd "grep $fmt #$run" grep -rcP "$PATTERN" "$CORPUS/$fmt"
    done
    for format in json sarif junit; do
      gate_cmd "gklint txt $format #$run" "$GKLINT" check --fail-on never --format "$format" "$CORPUS/txt"
    done
    for _ in 1 2 3 4 5; do gate_cmd "start-up #$run" "$GKLINT" check --fail-on never "$RESULTS/one-line.txt"; done
  done
fi

# --- 4. peak memory as the folder grows --------------------------------------------------------
if want rss; then
  echo "== max RSS for 500, 1000, 2000 files"
  stamp rss
  : >"$RESULTS/rss.tsv"
  jobs_list="1 $(nproc)"
  [[ $(nproc) == 1 ]] && jobs_list=1
  for n in 500 1000 2000; do
    ((n <= FILES)) || continue
    for fmt in txt md; do
      dir=$OUT/rss/$fmt-$n
      if (($(find "$dir" -maxdepth 1 -name "*.$fmt" 2>/dev/null | wc -l) != n)); then
        rm -rf "$dir" && mkdir -p "$dir"
        # (sed, not head: head would leave sort with a SIGPIPE, fatal under pipefail)
        find "$PWD/$CORPUS/$fmt" -maxdepth 1 -type f -name "*.$fmt" | sort | sed -n "1,${n}p" | xargs -I{} ln -s {} "$dir/"
      fi
      for j in $jobs_list; do
        kb=$(python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$GKLINT" check -j"$j" --fail-on never "$dir")
        printf '%s\t%s\t%s\t%s\n' "$fmt" "$j" "$n" "$kb" >>"$RESULTS/rss.tsv"
      done
    done
  done
fi

echo
python3 bench/summarize.py --results "$RESULTS" --corpus "$CORPUS"
