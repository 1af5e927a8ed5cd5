#!/usr/bin/env bash
# Rewrites tests/golden/*.expected from the current engine. Review `git diff tests/golden`
# line by line against DOMAIN.md before committing: a golden is a reviewed claim, not a snapshot.
set -euo pipefail
cd "$(dirname "$0")/.."
gklint=${GKLINT:-build/gklint}
for f in tests/corpus/seeds/*.txt; do
  n=$(basename "$f" | cut -c1-3)
  { echo "# Golden findings for $(basename "$f"), reviewed by hand against DOMAIN.md §9."
    "$gklint" check --fail-on never "$f" 2>/dev/null | sed "s|^$f:||"; } > "tests/golden/$n.expected"
done
for f in tests/corpus/seeds-md/*.md; do
  n=$(basename "$f" | cut -c1-3)
  { echo "# Golden findings for the Markdown version of seed $n (make_corpus.py --base-only), reviewed by hand."
    "$gklint" check --fail-on never "$f" 2>/dev/null | sed "s|^$f:||"; } > "tests/golden/$n.md.expected"
done
