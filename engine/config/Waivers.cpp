#include "engine/config/Waivers.h"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "engine/lint/MessageFormat.h"
#include "engine/rules/OptionReader.h"

namespace gklint {

WaiverSet parseWaivers(const std::string& path, const std::string& text) {
  WaiverSet set;
  const size_t slash = path.find_last_of('/');
  set.root = slash == std::string::npos ? std::string() : path.substr(0, slash);
  YamlTree tree;
  try {
    tree = YamlTree::parse(text);
  } catch (const YAML::Exception& e) {
    set.errors.push_back({{path, e.mark.line + 1, codePointColumnIn(text, e.mark.line, e.mark.column)}, "",
                          "YAML syntax error: " + e.msg});
    return set;
  }
  const YamlNode root = tree.root();
  OptionReader top(root, path, "", set.errors);
  if (root.isNull()) return set;
  YamlNode list = top.node("waivers");
  if (!root.isMap() || !list.isSequence()) {
    top.error(root, "waivers", "a waiver file is a mapping with 'waivers': a list of {file, rule, match, reason, "
                               "approved_by, expires}");
    return set;
  }
  size_t index = 0;
  for (const YamlNode node : list) {
    OptionReader w = top.nested(node, "waivers[" + std::to_string(index++) + "]");
    const size_t before = set.errors.size();
    Waiver waiver;
    waiver.mark = w.markOf(node);
    waiver.file = w.requiredString("file").value_or("");
    waiver.rule = w.requiredString("rule").value_or("");
    waiver.match = w.string("match");
    waiver.line = w.integer("line");
    waiver.reason = w.requiredString("reason").value_or("");
    waiver.approvedBy = w.requiredString("approved_by").value_or("");
    waiver.expires = w.requiredString("expires").value_or("");
    if (!waiver.expires.empty() && !RE2::FullMatch(waiver.expires, R"(\d{4}-\d{2}-\d{2})")) {
      w.error(node.get("expires"), "expires", "'expires' must be a date written YYYY-MM-DD");
    }
    w.finish();
    if (set.errors.size() == before) set.waivers.push_back(std::move(waiver));
  }
  top.finish();
  return set;
}

size_t applyWaivers(const WaiverSet& waivers, const std::string& relativePath, const Source& source,
                    const RuleSet& rules, const Config* config, const std::string& today,
                    std::vector<Finding>& findings) {
  const Check* audit = rules.find("meta/expired-waiver");
  std::optional<Severity> auditSeverity;
  if (audit) auditSeverity = config ? effectiveSeverity(*config, audit->info()) : audit->info().severity;
  std::vector<Finding> expired;
  size_t waived = 0;
  auto matches = [&](const Waiver& w, const Finding& f) {
    if (w.file != relativePath || w.rule != f.ruleId) return false;
    if (w.line && static_cast<int>(source.position(f.span.begin, ColumnUnit::Bytes).line) + 1 != *w.line) return false;
    if (!w.match.empty() && f.message.find(w.match) == std::string::npos &&
        std::string(source.text().substr(f.span.begin, f.span.size())).find(w.match) == std::string::npos) {
      return false;
    }
    return true;
  };
  findings.erase(std::remove_if(findings.begin(), findings.end(),
                                [&](const Finding& f) {
                                  for (const Waiver& w : waivers.waivers) {
                                    if (!matches(w, f)) continue;
                                    if (w.expires >= today) {
                                      ++waived;
                                      return true;
                                    }
                                    if (audit && auditSeverity) {
                                      Finding e;
                                      e.ruleId = audit->info().id;
                                      e.severity = *auditSeverity;
                                      e.span = f.span;
                                      e.message = formatMessage(audit->info().message, {{"expires", w.expires},
                                                                                      {"reason", w.reason},
                                                                                      {"approved_by", w.approvedBy},
                                                                                      {"rules", w.rule}});
                                      expired.push_back(std::move(e));
                                    }
                                  }
                                  return false;
                                }),
                 findings.end());
  findings.insert(findings.end(), expired.begin(), expired.end());
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    return a.ruleId < b.ruleId;
  });
  return waived;
}

}  // namespace gklint
