#include "cli/RulesCommand.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <ostream>

#include "engine/text/Utf8.h"

namespace gklint::cli {
namespace {

std::string describeApplicability(const Applicability& a) {
  std::string out;
  auto add = [&](const std::string& s) { out += (out.empty() ? "" : "; ") + s; };
  if (!a.templates.empty()) {
    std::string names;
    for (TemplateId t : a.templates) names += (names.empty() ? "" : ", ") + std::string(templateName(t));
    add("template " + names);
  }
  if (a.minYear && a.maxYear && a.minYear == a.maxYear) add("year " + std::to_string(a.minYear));
  else if (a.minYear && a.maxYear) add("years " + std::to_string(a.minYear) + "–" + std::to_string(a.maxYear));
  else if (a.minYear) add("years from " + std::to_string(a.minYear));
  else if (a.maxYear) add("years up to " + std::to_string(a.maxYear));
  if (!a.formats.empty()) {
    std::string names;
    for (DocumentFormat f : a.formats) names += (names.empty() ? "" : ", ") + std::string(formatName(f));
    add("format " + names);
  }
  if (a.organ) {
    add(*a.organ == OrganKind::Government ? "governments (人民政府, 乡镇, 街道)"
        : *a.organ == OrganKind::Township ? "townships (乡, 镇, 街道)"
                                          : "departments");
  }
  return out.empty() ? "every report" : out;
}

// A rule's severity under the configuration, and the setting that decided it (null: the rule's own).
struct EffectiveSeverity {
  std::optional<Severity> severity;
  const SeveritySetting* from = nullptr;

  std::string name() const { return severity ? std::string(severityName(*severity)) : "off"; }
};

EffectiveSeverity effectiveFor(const LoadedConfig& loaded, const RuleInfo& rule) {
  EffectiveSeverity e;
  e.severity = rule.severity;
  if (loaded.fromFile) e.severity = effectiveSeverity(loaded.config, rule, &e.from);
  return e;
}

// "file:line (pattern)" — where a config setting is written.
std::string placeOf(const SeveritySetting& s) { return s.mark.file + ":" + std::to_string(s.mark.line) + " (" + s.pattern + ")"; }

}  // namespace

int runRulesList(const LoadedConfig& loaded, const std::string& format, std::ostream& out, std::ostream& err) {
  std::vector<const Check*> sorted;
  for (const auto& c : loaded.rules->checks) sorted.push_back(c.get());
  std::sort(sorted.begin(), sorted.end(), [](const Check* a, const Check* b) { return a->info().id < b->info().id; });
  if (format == "json") {
    nlohmann::json list = nlohmann::json::array();
    for (const Check* c : sorted) {
      const RuleInfo& r = c->info();
      const EffectiveSeverity e = effectiveFor(loaded, r);
      nlohmann::json rule = {{"id", r.id}, {"severity", e.name()}, {"kind", r.kind}, {"summary", r.summary}};
      if (e.from) {
        rule["defaultSeverity"] = severityName(r.severity);
        rule["setIn"] = {{"file", e.from->mark.file}, {"line", e.from->mark.line}, {"pattern", e.from->pattern}};
      }
      list.push_back(std::move(rule));
    }
    out << list.dump(2) << "\n";
    return 0;
  }
  if (format != "text") {
    err << "gklint: error: unknown output format '" << format << "' (use text or json)\n";
    return 2;
  }
  size_t width = 0;
  for (const Check* c : sorted) width = std::max(width, c->info().id.size());
  for (const Check* c : sorted) {
    const RuleInfo& r = c->info();
    const EffectiveSeverity e = effectiveFor(loaded, r);
    const std::string severity = e.name();
    out << r.id << std::string(width + 2 - r.id.size(), ' ') << severity << std::string(9 - severity.size(), ' ')
        << r.summary;
    if (e.from) out << "  ← " << placeOf(*e.from);
    out << "\n";
  }
  return 0;
}

int runExplain(const LoadedConfig& loaded, const std::string& id, std::ostream& out, std::ostream& err) {
  const Check* check = loaded.rules->find(id);
  if (!check) {
    err << "gklint: error: no rule '" << id << "'; `gklint rules list` shows every rule\n";
    return 2;
  }
  const RuleInfo& r = check->info();
  const EffectiveSeverity e = effectiveFor(loaded, r);
  out << r.id << " — " << r.summary << "\n\n";
  out << "severity:  " << e.name();
  if (e.from) {
    out << " (set by " << e.from->pattern << " in " << e.from->mark.file << ":" << e.from->mark.line << "; default "
        << severityName(r.severity) << ")";
  }
  out << "\n";
  out << "kind:      " << r.kind << "\n";
  out << "applies:   " << describeApplicability(r.applies) << "\n";
  if (!r.source.empty()) out << "source:    " << r.source << "\n";
  out << "defined:   " << r.mark.file << ":" << r.mark.line << "\n";
  if (!r.description.empty()) out << "\n" << r.description;
  if (!r.description.empty() && r.description.back() != '\n') out << "\n";
  return 0;
}

}  // namespace gklint::cli
