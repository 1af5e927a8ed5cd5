#!/usr/bin/env bash
# Fails when two folders of engine/ include each other: the engine's folders form one direction
# per pair (docs/architecture.md, "Layers"), with model/ at the bottom.
set -euo pipefail
cd "$(dirname "$0")/../engine"
edges=$(for f in $(find . -mindepth 2 \( -name '*.h' -o -name '*.cpp' \)); do
  from=$(echo "$f" | cut -d/ -f2)
  grep -ho '#include "engine/[a-z]*/' "$f" | sed 's#.*engine/##; s#/##' | sort -u | sed "s#^#$from #"
done | awk '$1 != $2' | sort -u)
cycles=$(comm -12 <(echo "$edges") <(echo "$edges" | awk '{print $2, $1}' | sort -u))
if [ -n "$cycles" ]; then
  echo "engine folders that include each other (pick one direction; see docs/architecture.md):"
  echo "$cycles" | awk '$1 < $2 {print "  " $1 " <-> " $2}'
  exit 1
fi
if echo "$edges" | grep -q '^model '; then
  echo "engine/model/ must include no other engine folder:"; echo "$edges" | grep '^model '; exit 1
fi
echo "engine folders are acyclic ($(echo "$edges" | wc -l) edges)"
