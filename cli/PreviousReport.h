// PreviousReport: last year's report for `gklint check --previous` — read once, under the
// configuration that governs it, and matched against each report it is compared with.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "cli/ConfigCache.h"
#include "engine/Analyzer.h"

namespace gklint::cli {

struct PreviousReport {
  std::string path;   // as the user gave it
  Analysis analysis;  // ok(); its findings are not reported

  const Document& document() const { return *analysis.document; }
};

// Reads the report at `path` with the rules and table templates of `loaded` (the configuration
// that governs it). Its own reporting year is used: `year:` in a config and --year are meant
// for the reports being checked. On failure returns nothing and sets `error` to a sentence
// for "PATH: error: …".
std::optional<PreviousReport> readPreviousReport(const std::string& path, const LoadedConfig& loaded, uint64_t maxBytes,
                                                 std::string& error);

// Why `previous` cannot be last year's report of the body that wrote `current` — another
// organ in the title, or a reporting year other than the one before — as a sentence; nothing
// when it may be (also when a title gives no organ or year to compare).
std::optional<std::string> previousReportMismatch(const Document& current, const PreviousReport& previous);

}  // namespace gklint::cli
