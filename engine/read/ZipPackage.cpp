#include "engine/read/ZipPackage.h"

#include <zip.h>

#include <array>

namespace gklint {

struct ZipPackage::Handle {
  zip_t* archive = nullptr;
  ~Handle() {
    if (archive) zip_discard(archive);
  }
};

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

}  // namespace

ZipPackage::ZipPackage(std::string_view bytes, ZipLimits limits) : handle_(std::make_unique<Handle>()), limits_(limits) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!source) {
    error_ = "cannot read the file as a zip archive";
    zip_error_fini(&err);
    return;
  }
  // ZIP_CHECKCONS: the central directory must agree with the local headers (catches truncation).
  handle_->archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (!handle_->archive) {
    error_ = openError(zip_error_code_zip(&err));
    zip_source_free(source);
    zip_error_fini(&err);
    return;
  }
  zip_error_fini(&err);
  const zip_int64_t entries = zip_get_num_entries(handle_->archive, 0);
  if (entries < 0 || static_cast<uint64_t>(entries) > limits_.maxEntries) {
    error_ = "the zip archive has " + std::to_string(entries) + " entries, more than the " +
             std::to_string(limits_.maxEntries) + " a document may have";
  }
}

ZipPackage::~ZipPackage() = default;

bool ZipPackage::has(std::string_view name) const {
  if (!ok()) return false;
  if (!name.empty() && name.front() == '/') name.remove_prefix(1);
  return zip_name_locate(handle_->archive, std::string(name).c_str(), 0) >= 0;
}

ZipEntryRead ZipPackage::read(std::string_view name) {
  ZipEntryRead out;
  if (!ok()) return out;
  if (!name.empty() && name.front() == '/') name.remove_prefix(1);
  const std::string entry(name);
  const zip_int64_t index = zip_name_locate(handle_->archive, entry.c_str(), 0);
  if (index < 0) return out;
  out.found = true;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(handle_->archive, static_cast<zip_uint64_t>(index), 0, &st) != 0) {
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
  zip_file_t* file = zip_fopen_index(handle_->archive, static_cast<zip_uint64_t>(index), 0);
  if (!file) {
    const int code = zip_error_code_zip(zip_get_error(handle_->archive));
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
  if ((st.valid & ZIP_STAT_SIZE) && st.size <= limits_.maxEntryBytes) out.bytes.reserve(st.size);
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
    inflatedSoFar_ += static_cast<uint64_t>(n);
    const uint64_t size = out.bytes.size();
    if (size > limits_.maxEntryBytes) {
      out.error = "the zip entry " + entry + " inflates to more than " + megabytes(limits_.maxEntryBytes) +
                  " (a zip bomb, or not a report)";
      out.problem = ZipEntryRead::Problem::TooLarge;
      break;
    }
    if (inflatedSoFar_ > limits_.maxTotalBytes) {
      out.error = "the archive inflates to more than " + megabytes(limits_.maxTotalBytes) + " (a zip bomb, or not a report)";
      out.problem = ZipEntryRead::Problem::TooLarge;
      break;
    }
    if (size > limits_.ratioFloor && size > limits_.maxRatio * std::max<uint64_t>(compressed, 1)) {
      out.error = "the zip entry " + entry + " inflates more than " + std::to_string(limits_.maxRatio) +
                  " times its compressed size (a zip bomb)";
      out.problem = ZipEntryRead::Problem::TooLarge;
      break;
    }
  }
  zip_fclose(file);
  if (!out.error.empty()) out.bytes.clear();
  return out;
}

}  // namespace gklint
