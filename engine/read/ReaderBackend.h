// ReaderBackend: the libraries behind the PDF and Word readers (poppler, libzip) live in shared
// modules of gklint's own, loaded the first time a file of that format is read. A process that
// checks .txt, .md or .html never loads them: poppler alone brings some 25 shared libraries,
// whose loading and symbol binding took most of gklint's start-up (bench/README.md, "Start-up").
#pragma once

#include <string>

namespace gklint {

// The address of `entry` in the module `fileName` ("libgklint-poppler.so"), loading the module
// on the first call for it; thread-safe, and a module is never unloaded. Looks in
// $GKLINT_BACKEND_DIR when set, then beside the running executable, then in ../lib/gklint from
// it, then in the build tree gklint was built in. nullptr when it cannot: `error` then says
// which directories were searched and what the dynamic loader said.
void* readerBackendEntry(const std::string& fileName, const char* entry, std::string& error);

}  // namespace gklint
