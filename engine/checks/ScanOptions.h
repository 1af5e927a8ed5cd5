// ScanOptions: reads the text-scanning keys shared by pattern kinds (scope, include_tables,
// skip_markers) from a rule.
#pragma once

#include "engine/checks/Check.h"
#include "engine/lint/TextScan.h"
#include "engine/rules/OptionReader.h"

namespace gklint {

// False (with a located error) when the scope is malformed.
bool readScanOptions(OptionReader& options, Scope& scope, TextScanOptions& scan);

// The outline section a section scope names, for Check::sectionRefs(); none for other scopes.
std::vector<Check::SectionRef> sectionRefsOf(const Scope& scope);

}  // namespace gklint
