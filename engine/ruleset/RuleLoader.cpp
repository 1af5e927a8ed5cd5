#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "engine/checks/CheckRegistry.h"
#include "engine/lint/MessageFormat.h"
#include "engine/ruleset/EmbeddedFiles.h"
#include "engine/rules/OptionReader.h"
#include "engine/ruleset/RuleSet.h"
#include "engine/rules/YamlSizeLimit.h"
#include "engine/tables/TemplateLoader.h"

namespace gklint {
namespace {

std::string knownKinds() {
  std::string out;
  for (const CheckKind& kind : checkKinds()) {
    if (!out.empty()) out += ", ";
    out += kind.name;
  }
  return out;
}

bool parseTemplate(std::string_view name, TemplateId& out) {
  if (name == "gov-2021") out = TemplateId::Gov2021;
  else if (name == "gov-2019") out = TemplateId::Trial2019;
  else if (name == "old-2007") out = TemplateId::Old2007;
  else return false;
  return true;
}

bool parseFormat(std::string_view name, DocumentFormat& out) {
  if (name == "txt" || name == "text") out = DocumentFormat::Text;
  else if (name == "md" || name == "markdown") out = DocumentFormat::Markdown;
  else if (name == "html" || name == "htm") out = DocumentFormat::Html;
  else if (name == "docx") out = DocumentFormat::Docx;
  else if (name == "pdf") out = DocumentFormat::Pdf;
  else return false;
  return true;
}

// year: 2021 | ">=2021" | "<=2020" | "2019..2020"
bool parseYearRange(const std::string& spec, int& minYear, int& maxYear) {
  // Compiled once, not per rule (start-up).
  static const RE2 single(R"(\s*(\d{4})\s*)"), atLeast(R"(\s*>=\s*(\d{4})\s*)"), atMost(R"(\s*<=\s*(\d{4})\s*)"),
      range(R"(\s*(\d{4})\s*\.\.\s*(\d{4})\s*)");
  int a = 0, b = 0;
  if (RE2::FullMatch(spec, single, &a)) {
    minYear = maxYear = a;
  } else if (RE2::FullMatch(spec, atLeast, &a)) {
    minYear = a;
  } else if (RE2::FullMatch(spec, atMost, &a)) {
    maxYear = a;
  } else if (RE2::FullMatch(spec, range, &a, &b)) {
    minYear = a;
    maxYear = b;
  } else {
    return false;
  }
  return true;
}

void readApplicability(OptionReader& rule, Applicability& out) {
  YamlNode node = rule.node("applies");
  if (!node.defined() || node.isNull()) return;
  if (!node.isMap()) {
    rule.error(node, "applies", "'applies' must be a mapping (template, year, format, organ)");
    return;
  }
  OptionReader applies = rule.nested(node, "applies");
  for (const std::string& name : applies.stringList("template")) {
    TemplateId id;
    if (parseTemplate(name, id)) out.templates.push_back(id);
    else applies.error("template", "unknown template '" + name + "' (use gov-2021, gov-2019 or old-2007)");
  }
  if (applies.has("year")) {
    std::string spec = applies.string("year");
    if (!parseYearRange(spec, out.minYear, out.maxYear)) {
      applies.error("year", "bad year condition '" + spec + "' (use 2021, \">=2021\", \"<=2020\" or 2019..2020)");
    }
  }
  for (const std::string& name : applies.stringList("format")) {
    DocumentFormat format;
    if (parseFormat(name, format)) out.formats.push_back(format);
    else applies.error("format", "unknown format '" + name + "' (use txt, md, html, docx or pdf)");
  }
  if (applies.has("organ")) {
    std::string organ = applies.string("organ");
    OrganKind kind;
    if (parseOrganKind(organ, kind)) out.organ = kind;
    else applies.error("organ", "unknown organ kind '" + organ + "' (use government, township or department)");
  }
  // Conditions that contradict each other make a rule that can never fire.
  if (out.minYear && out.maxYear && out.minYear > out.maxYear) {
    applies.error("year", "this year condition matches no year: the rule can never fire");
  }
  for (TemplateId t : out.templates) {
    const int first = t == TemplateId::Gov2021 ? 2021 : t == TemplateId::Trial2019 ? 2019 : 0;
    const int last = t == TemplateId::Gov2021 ? 9999 : t == TemplateId::Trial2019 ? 2020 : 2018;
    const bool overlaps = (!out.minYear || out.minYear <= last) && (!out.maxYear || out.maxYear >= first);
    if (!overlaps) {
      applies.error("template", "template " + std::string(templateName(t)) +
                                    " is never used in the years this rule applies to: the rule can never fire");
    }
  }
  applies.finish();
}

// tests: {invalid: [{text|file, format, count, previous, published}], valid: [{text|file,
// format, previous, published}]}; a bare string item is a text snippet.
void readExamples(OptionReader& rule, std::vector<RuleExample>& out) {
  YamlNode node = rule.node("tests");
  if (!node.defined() || node.isNull()) return;
  if (!node.isMap()) {
    rule.error(node, "tests", "'tests' must be a mapping with 'invalid' and/or 'valid' lists");
    return;
  }
  OptionReader tests = rule.nested(node, "tests");
  for (const char* which : {"invalid", "valid"}) {
    YamlNode list = tests.node(which);
    if (!list.defined()) continue;
    if (!list.isSequence()) {
      tests.error(list, which, std::string("'") + which + "' must be a list of examples");
      continue;
    }
    size_t index = 0;
    for (const YamlNode item : list) {
      const std::string path = std::string(which) + "[" + std::to_string(index++) + "]";
      RuleExample example;
      example.shouldFire = std::string(which) == "invalid";
      example.mark = tests.markOf(item);
      if (item.isScalar()) {
        example.text = std::string(item.scalar());
        out.push_back(std::move(example));
        continue;
      }
      OptionReader entry = tests.nested(item, path);
      if (!item.isMap()) {
        entry.error(item, "", "an example is a text snippet or a mapping {text|file, format, count}");
        continue;
      }
      example.text = entry.string("text");
      example.file = entry.string("file");
      if (example.text.empty() == example.file.empty()) {
        entry.error(item, "", "an example needs exactly one of 'text' or 'file'");
      }
      const std::string format = entry.string("format", "txt");
      if (!parseFormat(format, example.format)) entry.error("format", "unknown format '" + format + "' (use txt, md or pdf)");
      example.count = entry.integer("count");
      if (example.count && !example.shouldFire) entry.error("count", "'count' is for invalid examples (how many findings)");
      example.previous = entry.string("previous");
      example.published = entry.string("published");
      static const RE2 date(R"(\d{4}-\d{2}-\d{2})");
      if (entry.has("published") && !RE2::FullMatch(example.published, date)) {
        entry.error("published", "'published' must be a date written YYYY-MM-DD");
      }
      entry.finish();
      out.push_back(std::move(example));
    }
  }
  tests.finish();
}

void loadOutline(const YamlNode& node, OptionReader& top, Outline& out) {
  if (!node.isSequence()) {
    top.error(node, "outline", "'outline' must be a list of sections");
    return;
  }
  Outline outline;
  size_t index = 0;
  for (const YamlNode item : node) {
    OptionReader section = top.nested(item, "outline[" + std::to_string(index++) + "]");
    if (!item.isMap()) {
      section.error(item, "", "each outline entry must be a mapping (key, number, title, keywords)");
      continue;
    }
    OutlineSection s;
    s.key = section.requiredString("key").value_or("");
    s.number = section.integer("number").value_or(0);
    s.title = section.requiredString("title").value_or("");
    s.keywords = section.stringList("keywords");
    s.variants = section.stringList("variants");
    s.allowNil = section.boolean("allow_nil", false);
    if (s.keywords.empty()) section.error("keywords", "an outline section needs at least one keyword");
    section.finish();
    outline.sections.push_back(std::move(s));
  }
  out = std::move(outline);
}

class Loader {
 public:
  RuleLoadResult result;

  void loadFile(const RuleFile& file) {
    if (auto tooLarge = yamlTooLarge(file.content.size(), "a rule file")) {
      RuleDiagnostic error;
      error.mark = {file.name, 1, 1};
      error.message = std::move(*tooLarge);
      result.errors.push_back(std::move(error));
      return;
    }
    // The built-in packs come parsed (when gklint was built); anything else is parsed now.
    YamlTree parsed;
    if (!file.tree) {
      try {
        parsed = YamlTree::parse(file.content);
      } catch (const YAML::Exception& e) {
        result.errors.push_back({{file.name, e.mark.line + 1, codePointColumnIn(file.content, e.mark.line, e.mark.column)},
                                 "",
                                 "YAML syntax error: " + e.msg});
        return;
      }
    }
    const YamlNode root = file.tree ? file.tree->root() : parsed.root();
    readExamples_ = file.examples == RuleExamples::Load;
    OptionReader top(root, file.name, "", result.errors);
    top.setTrustedPatterns(file.name.rfind("builtin:", 0) == 0);
    if (root.isNull()) return;  // an empty file
    if (!root.isMap()) {
      top.error(root, "", "a rule file must be a mapping with 'rules:', 'outline:' and/or 'templates:'");
      return;
    }
    YamlNode outline = top.node("outline");
    if (outline.defined()) loadOutline(outline, top, result.rules.outline);
    YamlNode templates = top.node("templates");
    if (templates.defined()) loadTemplates(templates, top, result.rules.templates);
    YamlNode rules = top.node("rules");
    if (rules.defined() && !rules.isSequence()) {
      top.error(rules, "rules", "'rules' must be a list of rules");
    } else if (rules.defined()) {
      size_t index = 0;
      for (const YamlNode rule : rules) loadRule(rule, top, index++);
    }
    top.finish();
  }

  // Checks what needs every file loaded; a rule with errors here is left out, like any other.
  void validateAfterLoading() {
    std::vector<std::unique_ptr<Check>> kept;
    for (auto& check : result.rules.checks) {
      const size_t before = result.errors.size();
      check->validateAgainst(result.rules.templates, result.errors);
      for (const Check::SectionRef& ref : check->sectionRefs()) {
        if (result.rules.outline.indexOf(ref.key) < 0) {
          std::string known;
          for (const OutlineSection& s : result.rules.outline.sections) known += (known.empty() ? "" : ", ") + s.key;
          result.errors.push_back({ref.mark, ref.keyPath,
                                   "section '" + ref.key + "' is not in the outline (known sections: " + known + ")"});
        }
      }
      if (result.errors.size() == before) kept.push_back(std::move(check));
    }
    result.rules.checks = std::move(kept);
    auto prefilter = std::make_shared<PatternPrefilter>();
    for (auto& check : result.rules.checks) {
      check->registerPatterns(*prefilter);
      check->compileAgainst(result.rules.templates);
    }
    prefilter->seal();
    result.rules.prefilter = std::move(prefilter);
  }

 private:
  bool readExamples_ = true;  // of the file being loaded

  void loadRule(const YamlNode& node, OptionReader& top, size_t index) {
    OptionReader rule = top.nested(node, "rules[" + std::to_string(index) + "]");
    if (!node.isMap()) {
      rule.error(node, "", "each rule must be a mapping with id, kind, severity, summary and message");
      return;
    }
    const size_t errorsBefore = result.errors.size();
    RuleInfo info;
    info.mark = rule.markOf(node);
    info.id = rule.requiredString("id").value_or("");
    static const RE2 idShape(R"([a-z][a-z0-9]*/[a-z0-9]+(?:-[a-z0-9]+)*)");  // compiled once, not per rule
    if (!info.id.empty() && !RE2::FullMatch(info.id, idShape)) {
      rule.error("id", "rule id '" + info.id + "' must look like category/kebab-name (e.g. text/typo)");
    }
    if (!info.id.empty() && result.rules.find(info.id) != nullptr) {
      rule.error("id", "duplicate rule id '" + info.id + "' (already defined at " +
                           result.rules.find(info.id)->info().mark.file + ":" +
                           std::to_string(result.rules.find(info.id)->info().mark.line) + ")");
    }
    info.kind = rule.requiredString("kind").value_or("");
    const CheckKind* kind = info.kind.empty() ? nullptr : findCheckKind(info.kind);
    if (!info.kind.empty() && kind == nullptr) {
      rule.error("kind", "unknown check kind '" + info.kind + "' (known kinds: " + knownKinds() + ")");
    }
    if (auto severity = rule.requiredString("severity")) {
      if (!parseSeverity(*severity, info.severity)) {
        rule.error("severity", "unknown severity '" + *severity + "' (use info, warning or error)");
      }
    }
    info.summary = rule.requiredString("summary").value_or("");
    info.message = rule.requiredString("message").value_or("");
    info.description = rule.string("description");
    info.source = rule.string("source");
    readApplicability(rule, info.applies);
    if (readExamples_) readExamples(rule, info.examples);
    else rule.node("tests");  // known, left unread
    if (kind != nullptr) {
      for (const std::string& name : placeholdersIn(info.message)) {
        if (std::find(kind->placeholders.begin(), kind->placeholders.end(), name) == kind->placeholders.end()) {
          std::string known;
          for (std::string_view p : kind->placeholders) known += (known.empty() ? "" : ", ") + std::string("{") + std::string(p) + "}";
          rule.error("message", "placeholder {" + name + "} is not provided by kind '" + info.kind +
                                    "' (it provides " + known + ")");
        }
      }
    }
    std::unique_ptr<Check> check;
    if (kind != nullptr) check = kind->create(info, rule);
    if (kind != nullptr) rule.finish();  // with an unknown kind, its options cannot be judged
    if (check && result.errors.size() == errorsBefore) result.rules.checks.push_back(std::move(check));
  }
};

}  // namespace

const Check* RuleSet::find(std::string_view id) const {
  for (const auto& check : checks) {
    if (check->info().id == id) return check.get();
  }
  return nullptr;
}

RuleLoadResult loadRuleFiles(const std::vector<RuleFile>& files) {
  Loader loader;
  for (const RuleFile& file : files) loader.loadFile(file);
  loader.validateAfterLoading();
  return std::move(loader.result);
}

std::vector<RuleFile> builtinRuleFiles(RuleExamples examples) {
  std::vector<RuleFile> files;
  for (const EmbeddedFile& f : embeddedFiles()) {
    files.push_back({"builtin:" + std::string(f.path), std::string(f.content), &f.tree, examples});
  }
  return files;
}

RuleLoadResult loadBuiltinRules(RuleExamples examples) { return loadRuleFiles(builtinRuleFiles(examples)); }

}  // namespace gklint
