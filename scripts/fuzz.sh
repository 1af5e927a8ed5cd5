#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, in the sanitizer tree build-asan/) and runs them.
#   scripts/fuzz.sh                 every target, 60 s each
#   scripts/fuzz.sh TARGET [SECONDS] one target (decoder, txt_reader, md_reader, rule_loader,
#                                    template_loader, config_loader, suppressions, relation,
#                                    analyze_bytes, lsp_transport, lsp_server, html_reader,
#                                    html_region, docx_reader, pdf_reader)
#   scripts/fuzz.sh all SECONDS      every target, SECONDS each
# Inputs found are kept in build-asan/fuzz/work/TARGET (reused by the next run); a crash is
# written to build-asan/fuzz/crashes/ and ends the run with exit 1: fix it, then copy the input
# to tests/fuzz-regressions/TARGET/ so that every ctest run replays it (fuzz/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=${GKLINT_ASAN_BUILD:-build-asan}
target=${1:-all}
seconds=${2:-60}

all_targets=(decoder txt_reader md_reader rule_loader template_loader config_loader suppressions relation
             analyze_bytes lsp_transport lsp_server html_reader html_region docx_reader pdf_reader)

# Seeds per target: the committed fuzz/corpus/TARGET plus the repository's own inputs of that kind.
seed_sources() {
  case "$1" in
    decoder)         echo tests/fixtures/encodings tests/corpus/seeds ;;
    txt_reader)      echo tests/corpus/seeds tests/fixtures/cli tests/fixtures/reports ;;
    md_reader)       echo tests/fixtures/cli tests/fixtures/reports docs/checks/examples ;;
    rule_loader)     echo rules docs/checks/examples docs/authoring ;;
    template_loader) echo rules/templates ;;
    config_loader)   echo docs/tables docs/authoring/qingshan docs/checks/examples/local ;;
    suppressions)    echo tests/fixtures/reports docs/checks/examples ;;
    relation)        echo ;;
    analyze_bytes)   echo tests/corpus/seeds tests/fixtures/cli tests/fixtures/encodings ;;
    lsp_transport)   echo tests/lsp/transcripts ;;
    lsp_server)      echo tests/lsp/transcripts ;;
    html_reader)     echo tests/fixtures/html/pages/compliant tests/fixtures/html/pages/seeds ;;
    html_region)     echo fuzz/corpus/html_reader tests/fixtures/html/pages/compliant tests/fixtures/html/pages/seeds ;;
    docx_reader)     echo tests/fixtures/docx/seeds tests/fixtures/docx/special tests/fixtures/docx/hostile ;;
    pdf_reader)      echo tests/fixtures/pdf ;;
  esac
}
seed_glob() {
  case "$1" in
    rule_loader|template_loader|config_loader) echo '*.yaml' ;;
    md_reader|suppressions) echo '*.md' ;;
    lsp_transport|lsp_server) echo '*.jsonrpc' ;;
    html_reader|html_region) echo '*.html' ;;
    docx_reader) echo '*.docx' ;;
    pdf_reader) echo '*.pdf' ;;
    *) echo '*' ;;
  esac
}
dict_for() {
  case "$1" in
    rule_loader|template_loader|config_loader) echo fuzz/dict/yaml.dict ;;
    relation) echo fuzz/dict/relation.dict ;;
    lsp_transport|lsp_server) echo fuzz/dict/lsp.dict ;;
    *) echo fuzz/dict/report.dict ;;
  esac
}

build_fuzzers() {
  if [ ! -f "$build/CMakeCache.txt" ] || ! grep -q '^GKLINT_BUILD_FUZZ:BOOL=ON' "$build/CMakeCache.txt"; then
    CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DGKLINT_SANITIZE=address,undefined -DGKLINT_BUILD_FUZZ=ON -DGKLINT_BUILD_TESTS=ON >/dev/null
  fi
  cmake --build "$build" -j"$(nproc)" --target gklint_fuzzers
}

run_one() {
  local name=$1 secs=$2
  local seeds="$build/fuzz/seeds/$name" work="$build/fuzz/work/$name" crashes="$build/fuzz/crashes"
  rm -rf "$seeds"
  mkdir -p "$seeds" "$work" "$crashes"
  [ -d "fuzz/corpus/$name" ] && cp -r "fuzz/corpus/$name/." "$seeds/"
  [ -d "tests/fuzz-regressions/$name" ] && cp -r "tests/fuzz-regressions/$name/." "$seeds/"
  local src n=0
  for src in $(seed_sources "$name"); do
    while IFS= read -r -d '' f; do
      cp "$f" "$seeds/seed-$n-$(basename "$f")"
      n=$((n + 1))
    done < <(find "$src" -type f -name "$(seed_glob "$name")" -size -1000k -print0)
  done
  echo "fuzz: $name for ${secs}s ($(ls "$seeds" | wc -l) seeds)"
  local rc=0
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1} \
  UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    "$build/fuzz/fuzz_$name" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 -dict="$(dict_for "$name")" -artifact_prefix="$crashes/$name-" \
      "$work" "$seeds" >"$build/fuzz/$name.log" 2>&1 || rc=$?
  grep -E '^#[0-9]+ +(INITED|DONE)|^stat::(number_of_executed_units|peak_rss_mb|new_units_added)|SUMMARY|Test unit written' \
    "$build/fuzz/$name.log" || true
  if [ "$rc" -ne 0 ]; then
    echo "fuzz: $name FAILED (exit $rc) — see $build/fuzz/$name.log and $crashes/" >&2
    tail -5 "$build/fuzz/$name.log" >&2
    return 1
  fi
}

build_fuzzers
status=0
if [ "$target" = all ]; then
  for t in "${all_targets[@]}"; do run_one "$t" "$seconds" || status=1; done
else
  run_one "$target" "$seconds" || status=1
fi
exit $status
