#include "cli/ReportFile.h"

#include <fstream>

namespace gklint::cli {

bool readReportFile(const std::string& path, uint64_t maxBytes, std::string& bytes, std::string& error) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) {
    error = "cannot open the file for reading";
    return false;
  }
  const std::streamoff size = in.tellg();
  if (size < 0) {
    error = "cannot read the file";
    return false;
  }
  if (static_cast<uint64_t>(size) > maxBytes) {
    error = "the file is " + std::to_string(size / (1 << 20)) + " MiB, over the " + std::to_string(maxBytes >> 20) +
            " MiB limit for one report; is this really a report?";
    return false;
  }
  bytes.resize(static_cast<size_t>(size));
  in.seekg(0);
  if (size > 0 && !in.read(bytes.data(), size)) {
    error = "cannot read the file";
    return false;
  }
  return true;
}

}  // namespace gklint::cli
