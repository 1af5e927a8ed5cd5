// AtomicFileWrite: replaces a file's bytes all at once (temporary file in the same folder,
// fsync, rename), so that a kill, a full disk or an I/O error never leaves half a report.
#pragma once

#include <sys/types.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace gklint::cli {

// How the replacement writes to its temporary file; tests inject failures here.
using WriteFunction = std::function<ssize_t(int fd, const void* data, size_t size)>;

// Replaces the contents of `path` with `bytes`, keeping the file's permission bits, provided the
// file still holds `expected` (the bytes it had when it was read). On any failure — the file changed
// on disk, the folder is not writable, the disk is full, an I/O error — the original is untouched,
// no temporary file is left behind, and the result is a sentence saying what happened and that
// the file was left as it was. Nothing on success.
std::optional<std::string> replaceFileAtomically(const std::string& path, std::string_view expected,
                                                 std::string_view bytes, const WriteFunction& write = nullptr);

}  // namespace gklint::cli
