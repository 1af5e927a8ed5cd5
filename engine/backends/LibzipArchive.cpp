// The zip backend module (libgklint-libzip.so): libzip over a package held in memory, every entry
// inflated within the reader's caps. Loaded by ZipPackage on the first .docx
// (engine/read/ReaderBackend.h).
#include <zip.h>

#include <algorithm>
#include <array>

#include "engine/read/ZipArchive.h"

namespace gklint {

namespace {

std::string openError(int code) {
  switch (code) {
    case ZIP_ER_NOZIP:
      return "the zip package is truncated or damaged (its central directory, at the end of the file, is missing)";
    case ZIP_ER_INCONS:
      return "the zip archive is inconsistent (truncated or damaged)";
    case ZIP_ER_READ:
    case ZIP_ER_EOF:
      return "the zip archive is truncated";
    case ZIP_ER_MEMORY:
      return "out of memory while opening the zip archive";
    default: {
      zip_error_t e;
      zip_error_init_with_code(&e, code);
      std::string what = zip_error_strerror(&e);
      zip_error_fini(&e);
      return "cannot open the zip archive: " + what;
    }
  }
}

std::string megabytes(uint64_t bytes) {
  return bytes >= (1u << 20) ? std::to_string(bytes >> 20) + " MiB" : std::to_string(bytes >> 10) + " KiB";
}

class LibzipArchive final : public ZipArchive {
 public:
  explicit LibzipArchive(zip_t* archive) : archive_(archive) {}
  ~LibzipArchive() override { zip_discard(archive_); }
  LibzipArchive(const LibzipArchive&) = delete;
  LibzipArchive& operator=(const LibzipArchive&) = delete;

  bool has(const std::string& name) const override { return zip_name_locate(archive_, name.c_str(), 0) >= 0; }
  ZipEntryRead read(const std::string& entry, const ZipLimits& limits, uint64_t& inflatedSoFar) override;

 private:
  zip_t* archive_;
};

std::unique_ptr<ZipArchive> openArchive(std::string_view bytes, const ZipLimits& limits, std::string& error) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!source) {
    error = "cannot read the file as a zip archive";
    zip_error_fini(&err);
    return nullptr;
  }
  // ZIP_CHECKCONS: the central directory must agree with the local headers (catches truncation).
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (!archive) {
    error = openError(zip_error_code_zip(&err));
    zip_source_free(source);
    zip_error_fini(&err);
    return nullptr;
  }
  zip_error_fini(&err);
  auto opened = std::make_unique<LibzipArchive>(archive);
  const zip_int64_t entries = zip_get_num_entries(archive, 0);
  if (entries < 0 || static_cast<uint64_t>(entries) > limits.maxEntries) {
    error = "the zip archive has " + std::to_string(entries) + " entries, more than the " +
            std::to_string(limits.maxEntries) + " a document may have";
    return nullptr;
  }
  return opened;
}

ZipEntryRead LibzipArchive::read(const std::string& entry, const ZipLimits& limits, uint64_t& inflatedSoFar) {
  ZipEntryRead out;
  const zip_int64_t index = zip_name_locate(archive_, entry.c_str(), 0);
  if (index < 0) return out;
  out.found = true;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(archive_, static_cast<zip_uint64_t>(index), 0, &st) != 0) {
    out.error = "cannot read the zip entry " + entry;
    out.problem = ZipEntryRead::Problem::Damaged;
    return out;
  }
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
    out.error = "the zip entry " + entry + " is encrypted";
    out.problem = ZipEntryRead::Problem::Encrypted;
    return out;
  }
  const uint64_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
  zip_file_t* file = zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0);
  if (!file) {
    const int code = zip_error_code_zip(zip_get_error(archive_));
    if (code == ZIP_ER_COMPNOTSUPP) {
      out.error = "the zip entry " + entry + " uses a compression method gklint cannot read";
      out.problem = ZipEntryRead::Problem::Unsupported;
    } else if (code == ZIP_ER_ENCRNOTSUPP || code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD) {
      out.error = "the zip entry " + entry + " is encrypted";
      out.problem = ZipEntryRead::Problem::Encrypted;
    } else {
      out.error = "cannot open the zip entry " + entry;
      out.problem = ZipEntryRead::Problem::Damaged;
    }
    return out;
  }
  // Inflate through a fixed buffer and count what actually comes out; the declared size is a hint.
  std::array<char, 64 * 1024> buffer;
  if ((st.valid & ZIP_STAT_SIZE) && st.size <= limits.maxEntryBytes) out.bytes.reserve(st.size);
  for (;;) {
    const zip_int64_t n = zip_fread(file, buffer.data(), buffer.size());
    if (n < 0) {
      const int code = zip_error_code_zip(zip_file_get_error(file));
      out.error = code == ZIP_ER_CRC ? "the zip entry " + entry + " fails its CRC check (the file is truncated or corrupt)"
                                     : "the zip entry " + entry + " cannot be inflated (the file is truncated or corrupt)";
      out.problem = ZipEntryRead::Problem::Damaged;
      break;
    }
    if (n == 0) break;
    out.bytes.append(buffer.data(), static_cast<size_t>(n));
    inflatedSoFar += static_cast<uint64_t>(n);
    const uint64_t size = out.bytes.size();
    if (size > limits.maxEntryBytes) {
      out.error = "the zip entry " + entry + " inflates to more than " + megabytes(limits.maxEntryBytes) +
                  " (a zip bomb, or not a report)";
      out.problem = ZipEntryRead::Problem::TooLarge;
      break;
    }
    if (inflatedSoFar > limits.maxTotalBytes) {
      out.error = "the archive inflates to more than " + megabytes(limits.maxTotalBytes) + " (a zip bomb, or not a report)";
      out.problem = ZipEntryRead::Problem::TooLarge;
      break;
    }
    if (size > limits.ratioFloor && size > limits.maxRatio * std::max<uint64_t>(compressed, 1)) {
      out.error = "the zip entry " + entry + " inflates more than " + std::to_string(limits.maxRatio) +
                  " times its compressed size (a zip bomb)";
      out.problem = ZipEntryRead::Problem::TooLarge;
      break;
    }
  }
  zip_fclose(file);
  if (!out.error.empty()) out.bytes.clear();
  return out;
}

}  // namespace
}  // namespace gklint

// The module's one entry point (kZipBackendEntry); its type is gklint::OpenZipArchive.
// The caller owns the archive (deleting it runs this module's destructor, through the vtable).
extern "C" __attribute__((visibility("default"))) gklint::ZipArchive* gklint_open_zip_archive_v1(
    std::string_view bytes, const gklint::ZipLimits& limits, std::string& error) {
  return gklint::openArchive(bytes, limits, error).release();
}
