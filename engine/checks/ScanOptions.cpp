#include "engine/checks/ScanOptions.h"

namespace gklint {

bool readScanOptions(OptionReader& options, Scope& scope, TextScanOptions& scan) {
  std::string error;
  const std::string spec = options.string("scope", "document");
  if (!Scope::parse(spec, scope, error)) {
    options.error("scope", error);
    return false;
  }
  scope.mark = options.has("scope") ? options.markOf(options.node("scope")) : options.markOf(std::string("scope"));
  scope.keyPath = options.keyPath("scope");
  scan.includeTables = options.boolean("include_tables", false);
  scan.skipMarkers = options.boolean("skip_markers", true);
  return true;
}

std::vector<Check::SectionRef> sectionRefsOf(const Scope& scope) {
  if (scope.kind() != Scope::Kind::Section) return {};
  return {{scope.sectionKey(), scope.mark, scope.keyPath}};
}

}  // namespace gklint
