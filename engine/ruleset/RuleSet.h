// RuleSet: the compiled rules and the outline they share; the result of loading rule packs.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/checks/Check.h"
#include "engine/lint/PatternPrefilter.h"
#include "engine/rules/RuleDiagnostic.h"
#include "engine/rules/YamlTree.h"
#include "engine/structure/Outline.h"
#include "engine/tables/TableTemplate.h"

namespace gklint {

// Immutable once loaded; safe to share between threads.
class RuleSet {
 public:
  Outline outline;
  TemplateCatalog templates;                   // the official tables, by format
  std::vector<std::unique_ptr<Check>> checks;  // in load order
  std::shared_ptr<const PatternPrefilter> prefilter;  // every registered pattern of `checks`

  const Check* find(std::string_view id) const;
};

// Whether the rules' `tests:` examples are read (RuleInfo::examples). Only `rules test` and
// `rules doc` use them.
enum class RuleExamples { Load, Skip };

// One YAML file to load: its name for diagnostics ("builtin:gov/text.yaml" or a path) and text.
struct RuleFile {
  std::string name;
  std::string content;
  // The file already parsed (the built-in packs, parsed when gklint was built); null: parse
  // `content`. Must outlive loading.
  const YamlTree* tree = nullptr;
  RuleExamples examples = RuleExamples::Load;
};

struct RuleLoadResult {
  RuleSet rules;
  std::vector<RuleDiagnostic> errors;  // empty when every file loaded cleanly
};

// Loads rule files: each is a YAML mapping with `rules:` (a list of rules), `outline:` (the
// section catalogue; the last file that gives one wins) and/or `templates:` (table templates;
// a later template with the same id replaces an earlier one). A rule that has errors is
// left out, and every error is reported with file, line, column and key — nothing is
// dropped silently. Never throws.
RuleLoadResult loadRuleFiles(const std::vector<RuleFile>& files);

// The embedded built-in packs, with their trees.
std::vector<RuleFile> builtinRuleFiles(RuleExamples examples = RuleExamples::Load);
RuleLoadResult loadBuiltinRules(RuleExamples examples = RuleExamples::Load);

}  // namespace gklint
