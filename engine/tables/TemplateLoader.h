// TemplateLoader: reads the `templates:` list of a rule file into TableTemplates.
#pragma once

#include <yaml-cpp/yaml.h>

#include "engine/rules/OptionReader.h"
#include "engine/tables/TableTemplate.h"

namespace gklint {

// Appends every valid template of `list` to `catalog` (a template with the id of an earlier
// one replaces it, so a province can override a built-in table); errors go through `top`.
void loadTemplates(const YamlNode& list, OptionReader& top, TemplateCatalog& catalog);

}  // namespace gklint
