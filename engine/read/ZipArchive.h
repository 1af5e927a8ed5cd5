// ZipArchive: what the zip backend module (libgklint-libzip.so, engine/backends/) gives
// ZipPackage — an open archive whose entries are inflated within ZipLimits — and the one entry
// point that opens one. The module is built with the engine, by the same compiler, so C++ types
// cross the boundary as they are.
#pragma once

#include <string>
#include <string_view>

#include "engine/read/ZipPackage.h"

namespace gklint {

class ZipArchive {
 public:
  virtual ~ZipArchive() = default;
  // Whether entry `name` exists (exact, case-sensitive, no leading '/').
  virtual bool has(const std::string& name) const = 0;
  // Inflates entry `name` through a fixed buffer, counting what comes out against the limits;
  // `inflatedSoFar` is the archive's running total, updated.
  virtual ZipEntryRead read(const std::string& name, const ZipLimits& limits, uint64_t& inflatedSoFar) = 0;
};

// The module and the symbol ZipPackage resolves in it; the name carries the interface's version.
inline constexpr const char* kZipBackendModule = "libgklint-libzip.so";
inline constexpr const char* kZipBackendEntry = "gklint_open_zip_archive_v1";

// Opens `bytes` (which must outlive the archive); the caller owns the result. nullptr with
// `error` set when it is not a readable zip archive or has more entries than `limits` allow.
using OpenZipArchive = ZipArchive* (*)(std::string_view bytes, const ZipLimits& limits, std::string& error);

}  // namespace gklint
