#include "cli/ReportFile.h"

#include <sys/stat.h>

#include <cstdio>
#include <memory>

namespace gklint::cli {
namespace {

std::string tooBig(uint64_t size, uint64_t maxBytes) {
  return "the file is " + std::to_string(size >> 20) + " MiB, over the " + std::to_string(maxBytes >> 20) +
         " MiB limit for one report; is this really a report? (raise the limit with --max-file-mb or max_file_mb in .gklint.yaml)";
}

}  // namespace

bool readReportFile(const std::string& path, uint64_t maxBytes, std::string& bytes, std::string& error) {
  // One open, one fstat and the reads: a folder of reports is thousands of these.
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) {
    error = "cannot open the file for reading";
    return false;
  }
  struct stat info {};
  if (fstat(fileno(file.get()), &info) != 0) {
    error = "cannot read the file";
    return false;
  }
  if (S_ISREG(info.st_mode)) {
    const auto size = static_cast<uint64_t>(info.st_size);
    if (size > maxBytes) {
      error = tooBig(size, maxBytes);
      return false;
    }
    bytes.resize(static_cast<size_t>(size));
    if (size > 0 && std::fread(bytes.data(), 1, bytes.size(), file.get()) != bytes.size()) {
      error = "cannot read the file";
      return false;
    }
    return true;
  }
  // Not a regular file (a pipe, a device): read until the end, within the limit.
  bytes.clear();
  char buffer[1 << 16];
  size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) {
    bytes.append(buffer, got);
    if (bytes.size() > maxBytes) {
      error = tooBig(bytes.size(), maxBytes);
      return false;
    }
  }
  if (std::ferror(file.get())) {
    error = "cannot read the file";
    return false;
  }
  return true;
}

}  // namespace gklint::cli
