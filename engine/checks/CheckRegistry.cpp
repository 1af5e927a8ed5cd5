#include "engine/checks/CheckRegistry.h"

namespace gklint {
namespace {

std::vector<std::string_view> splitPlaceholders(std::string_view list) {
  std::vector<std::string_view> out;
  while (!list.empty()) {
    size_t comma = list.find(',');
    out.push_back(list.substr(0, comma));
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace

const std::vector<CheckKind>& checkKinds() {
  static const std::vector<CheckKind> kinds = {
#define GKLINT_CHECK_KIND(name, Class, summary, placeholders) \
  {name, #Class, summary, splitPlaceholders(placeholders), &create##Class},
#include "engine/checks/CheckKinds.def"
#undef GKLINT_CHECK_KIND
  };
  return kinds;
}

const CheckKind* findCheckKind(std::string_view name) {
  for (const CheckKind& kind : checkKinds()) {
    if (kind.name == name) return &kind;
  }
  return nullptr;
}

}  // namespace gklint
