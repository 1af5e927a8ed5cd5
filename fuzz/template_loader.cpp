// Fuzz target: the `templates:` list of a rule file, read by loadTemplates on its own.
#include <yaml-cpp/yaml.h>

#include "engine/tables/TemplateLoader.h"
#include "fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gklint;
  auto text = std::make_shared<const std::string>(fuzz::asText(data, size));
  YAML::Node root;
  try {
    root = YAML::Load(*text);
  } catch (const YAML::Exception&) {
    return 0;  // syntax errors are the rule loader's (and its fuzz target's) business
  }
  std::vector<RuleDiagnostic> errors;
  TemplateCatalog catalog;
  try {
    OptionReader top(root, "fuzz.yaml", "", errors, text);
    const YAML::Node list = root.IsMap() ? root["templates"] : root;
    loadTemplates(list, top, catalog);
  } catch (const YAML::Exception&) {
    return 0;  // RuleLoader wraps the same call in this catch
  }
  return 0;
}
