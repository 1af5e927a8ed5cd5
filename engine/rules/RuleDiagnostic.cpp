#include "engine/rules/RuleDiagnostic.h"

namespace gklint {

std::string formatRuleDiagnostic(const RuleDiagnostic& d) {
  std::string out = d.mark.file;
  if (d.mark.line > 0) out += ":" + std::to_string(d.mark.line) + ":" + std::to_string(d.mark.column);
  out += ": error: " + d.message;
  if (!d.key.empty()) out += " [" + d.key + "]";
  return out;
}

}  // namespace gklint
