#include "engine/rules/Severity.h"

namespace gklint {

std::string_view severityName(Severity severity) {
  switch (severity) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

bool parseSeverity(std::string_view name, Severity& out) {
  if (name == "info") out = Severity::Info;
  else if (name == "warning") out = Severity::Warning;
  else if (name == "error") out = Severity::Error;
  else return false;
  return true;
}

}  // namespace gklint
