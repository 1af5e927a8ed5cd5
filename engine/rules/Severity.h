// Severity: how serious a finding is, as configured per rule.
#pragma once

#include <string_view>

namespace gklint {

enum class Severity { Info = 0, Warning = 1, Error = 2 };

std::string_view severityName(Severity severity);  // "info", "warning", "error"
// Parses "info", "warning", "error"; false for anything else.
bool parseSeverity(std::string_view name, Severity& out);

}  // namespace gklint
