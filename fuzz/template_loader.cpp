// Fuzz target: the `templates:` list of a rule file, read by loadTemplates on its own.
#include <yaml-cpp/yaml.h>

#include "engine/tables/TemplateLoader.h"
#include "fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gklint;
  YamlTree tree;
  try {
    tree = YamlTree::parse(fuzz::asText(data, size));
  } catch (const YAML::Exception&) {
    return 0;  // syntax errors are the rule loader's (and its fuzz target's) business
  }
  std::vector<RuleDiagnostic> errors;
  TemplateCatalog catalog;
  const YamlNode root = tree.root();
  OptionReader top(root, "fuzz.yaml", "", errors);
  loadTemplates(root.isMap() ? root.get("templates") : root, top, catalog);
  return 0;
}
