// ZipPackage: reads named entries of a zip archive held in memory, with hard caps on what it inflates.
// libzip does the reading, in the backend module libgklint-libzip.so (engine/read/ZipArchive.h),
// loaded the first time a package is opened.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace gklint {

// Caps that keep a hostile archive (a zip bomb) bounded in time and memory. The sizes an archive
// declares are never trusted: entries are inflated through a fixed buffer and counted as they come.
struct ZipLimits {
  uint64_t maxEntryBytes = 48ull << 20;   // one inflated entry
  uint64_t maxTotalBytes = 96ull << 20;   // everything inflated from one archive
  uint64_t maxRatio = 500;                // inflated / compressed, checked past kRatioFloor bytes
  uint64_t ratioFloor = 1ull << 20;       // small entries may compress as well as they like
  uint64_t maxEntries = 20000;            // entries in the central directory
};

struct ZipEntryRead {
  enum class Problem { None, TooLarge, Encrypted, Damaged, Unsupported };
  bool found = false;
  std::string bytes;
  Problem problem = Problem::None;
  std::string error;  // non-empty: the entry exists but could not be read (what is wrong)
};

class ZipArchive;

class ZipPackage {
 public:
  // Opens `bytes` (which must outlive the package). On failure `error()` says why.
  explicit ZipPackage(std::string_view bytes, ZipLimits limits = {});
  ~ZipPackage();
  ZipPackage(const ZipPackage&) = delete;
  ZipPackage& operator=(const ZipPackage&) = delete;

  bool ok() const { return error_.empty(); }
  // The zip backend module could not be loaded: nothing is wrong with the file (error() says why).
  bool backendMissing() const { return backendMissing_; }
  const std::string& error() const { return error_; }
  bool has(std::string_view name) const;
  // Inflates entry `name` (exact, case-sensitive; a leading '/' is ignored) within the limits.
  ZipEntryRead read(std::string_view name);

 private:
  std::unique_ptr<ZipArchive> archive_;
  ZipLimits limits_;
  uint64_t inflatedSoFar_ = 0;
  std::string error_;
  bool backendMissing_ = false;
};

}  // namespace gklint
