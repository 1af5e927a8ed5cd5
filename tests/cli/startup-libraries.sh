#!/usr/bin/env bash
# Fails when the gklint executable asks the dynamic loader for a library it should not: poppler
# and libzip belong to the reader backend modules (engine/read/ReaderBackend.h), and the engine's
# other libraries are linked statically (cmake/StaticDependencies.cmake) unless their archives
# are missing. Each shared object costs start-up time on every run.
set -euo pipefail
gklint=$1
needed=$(readelf -d "$gklint" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort)
echo "gklint needs: $(echo "$needed" | tr '\n' ' ')"
if echo "$needed" | grep -E 'poppler|libzip|crypto|nss|freetype'; then
  echo "gklint links a reader backend's library directly: it must be loaded only when a .pdf or .docx is read"
  exit 1
fi
count=$(echo "$needed" | wc -l)
if [ "$count" -gt 8 ]; then
  echo "gklint needs $count shared libraries (at most 8 expected: libc, libm, libstdc++, libgcc_s, libz, mimalloc …)"
  exit 1
fi
