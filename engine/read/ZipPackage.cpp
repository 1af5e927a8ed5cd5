#include "engine/read/ZipPackage.h"

#include "engine/read/ReaderBackend.h"
#include "engine/read/ZipArchive.h"

namespace gklint {
namespace {

std::string_view withoutLeadingSlash(std::string_view name) {
  if (!name.empty() && name.front() == '/') name.remove_prefix(1);
  return name;
}

}  // namespace

ZipPackage::ZipPackage(std::string_view bytes, ZipLimits limits) : limits_(limits) {
  std::string backendError;
  const auto open = reinterpret_cast<OpenZipArchive>(readerBackendEntry(kZipBackendModule, kZipBackendEntry, backendError));
  if (!open) {
    error_ = "cannot read .docx files: " + backendError;
    backendMissing_ = true;
    return;
  }
  archive_.reset(open(bytes, limits_, error_));
  if (!archive_ && error_.empty()) error_ = "cannot read the file as a zip archive";
}

ZipPackage::~ZipPackage() = default;

bool ZipPackage::has(std::string_view name) const {
  return ok() && archive_->has(std::string(withoutLeadingSlash(name)));
}

ZipEntryRead ZipPackage::read(std::string_view name) {
  if (!ok()) return {};
  return archive_->read(std::string(withoutLeadingSlash(name)), limits_, inflatedSoFar_);
}

}  // namespace gklint
