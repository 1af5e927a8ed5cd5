// CheckRegistry: the check kinds gklint knows, derived from CheckKinds.def.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "engine/checks/Check.h"
#include "engine/rules/OptionReader.h"

namespace gklint {

// Reads the kind's own options from `options` (common keys are already consumed) and
// returns the compiled check, or null after reporting errors through `options`.
using CheckFactory = std::unique_ptr<Check> (*)(RuleInfo info, OptionReader& options);

struct CheckKind {
  std::string_view name;
  std::string_view className;
  std::string_view summary;
  std::vector<std::string_view> placeholders;
  CheckFactory create;
};

const std::vector<CheckKind>& checkKinds();
const CheckKind* findCheckKind(std::string_view name);

#define GKLINT_CHECK_KIND(name, Class, summary, placeholders) \
  std::unique_ptr<Check> create##Class(RuleInfo info, OptionReader& options);
#include "engine/checks/CheckKinds.def"
#undef GKLINT_CHECK_KIND

}  // namespace gklint
