// ReportFile: reads a report file's bytes for analysis, refusing what cannot be a report.
#pragma once

#include <cstdint>
#include <string>

namespace gklint::cli {

// Reads the whole file at `path` into `bytes`. Fails (false, with a sentence in `error` that
// says what to do) when the file cannot be opened or read, or is over `maxBytes`.
bool readReportFile(const std::string& path, uint64_t maxBytes, std::string& bytes, std::string& error);

}  // namespace gklint::cli
