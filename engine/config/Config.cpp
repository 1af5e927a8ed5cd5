#include "engine/config/Config.h"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "engine/rules/OptionReader.h"
#include "engine/rules/YamlSizeLimit.h"

namespace gklint {
namespace {

// The folder of a config file: "." for a bare file name (the working folder).
std::string folderOf(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// `relative` (as a config file writes it) joined onto `folder`, without "./" noise, so the
// names in errors read like the ones a compiler prints.
std::string join(const std::string& folder, const std::string& relative) {
  if (relative.empty() || relative[0] == '/') return relative;
  std::string r = relative;
  while (r.rfind("./", 0) == 0) r = r.substr(2);
  if (folder.empty() || folder == ".") return r;
  return folder.back() == '/' ? folder + r : folder + "/" + r;
}

bool isYaml(const std::string& path) {
  return (path.size() > 5 && path.compare(path.size() - 5, 5, ".yaml") == 0) ||
         (path.size() > 4 && path.compare(path.size() - 4, 4, ".yml") == 0);
}

class Resolver {
 public:
  Resolver(const ConfigFileSystem& fs, Config& out) : fs_(fs), out_(out) {}

  void load(const std::string& path, const SourceMark& from) {
    if (std::find(stack_.begin(), stack_.end(), path) != stack_.end()) {
      out_.errors.push_back({from, "extends", "'" + path + "' extends itself (a cycle through " + stack_.front() + ")"});
      return;
    }
    const std::optional<std::string> text = fs_.read(path);
    if (!text) {
      out_.errors.push_back({from, "extends", "cannot read config file '" + path + "'"});
      return;
    }
    if (auto tooLarge = yamlTooLarge(text->size(), "a .gklint.yaml")) {
      RuleDiagnostic error;
      error.mark = {path, 1, 1};
      error.message = std::move(*tooLarge);
      out_.errors.push_back(std::move(error));
      return;
    }
    YamlTree tree;
    try {
      tree = YamlTree::parse(*text);
    } catch (const YAML::Exception& e) {
      out_.errors.push_back({{path, e.mark.line + 1, codePointColumnIn(*text, e.mark.line, e.mark.column)}, "",
                             "YAML syntax error: " + e.msg});
      return;
    }
    stack_.push_back(path);
    const YamlNode root = tree.root();
    OptionReader r(root, path, "", out_.errors);
    if (!root.isNull() && !root.isMap()) {
      r.error(root, "", "a .gklint.yaml must be a mapping (extends, rules, rule_paths, year, ignore, waivers, max_findings_per_rule, max_file_mb)");
      stack_.pop_back();
      return;
    }
    const std::string folder = folderOf(path);
    // extends first: this file's settings then override the base's.
    YamlNode extends = r.node("extends");
    std::vector<YamlNode> bases;
    if (extends.isScalar()) bases.push_back(extends);
    else if (extends.isSequence()) for (const YamlNode n : extends) bases.push_back(n);
    else if (extends.defined() && !extends.isNull()) r.error(extends, "extends", "'extends' must be a string or a list of strings");
    if (!extends.defined() || extends.isNull()) out_.builtin = true;  // no extends: builtin:gov
    for (const YamlNode base : bases) {
      if (!base.isScalar()) {
        r.error(base, "extends", "every 'extends' item must be a string");
        continue;
      }
      const std::string name(base.scalar());
      if (name.rfind("builtin:", 0) == 0) {
        if (name == "builtin:gov" || name == "builtin:gov-2021" || name == "builtin:gov-2019") out_.builtin = true;
        else r.error(base, "extends", "unknown built-in pack '" + name + "' (use builtin:gov)");
        continue;
      }
      load(join(folder, name), r.markOf(base));
    }
    readRules(r);
    for (const std::string& p : r.stringList("rule_paths")) addRulePath(join(folder, p), r.markOf(std::string("rule_paths")));
    if (auto year = r.integer("year")) {
      if (*year < 1990 || *year > 2100) r.error("year", "'year' must be a year such as 2021");
      else {
        out_.year = year;
        out_.yearMark = r.markOf(std::string("year"));
      }
    }
    if (auto cap = r.integer("max_findings_per_rule")) {
      if (*cap < 0) r.error("max_findings_per_rule", "'max_findings_per_rule' must be 0 (no cap) or a positive number such as 1000");
      else out_.maxFindingsPerRule = static_cast<size_t>(*cap);
    }
    if (auto mb = r.integer("max_file_mb")) {
      if (*mb < 1) r.error("max_file_mb", "'max_file_mb' must be a positive number of megabytes such as 64");
      else out_.maxFileBytes = static_cast<uint64_t>(*mb) << 20;
    }
    for (const std::string& glob : r.stringList("ignore")) out_.ignore.push_back({glob, folder});
    if (r.has("waivers")) out_.waiversPath = join(folder, r.string("waivers"));
    readPublish(r, folder);
    r.finish();
    out_.files.push_back(path);
    stack_.pop_back();
  }

 private:
  void readRules(OptionReader& r) {
    YamlNode rules = r.node("rules");
    if (!rules.defined() || rules.isNull()) return;
    if (!rules.isMap()) {
      r.error(rules, "rules", "'rules' must map rule ids or globs (text/*) to off, info, warning or error");
      return;
    }
    for (size_t i = 0; i < rules.size(); ++i) {
      const std::string pattern(rules.key(i).scalar());
      const YamlNode value = rules.value(i);
      SeveritySetting s;
      s.pattern = pattern;
      s.mark = r.markOf(rules.key(i));
      const std::string name(value.scalar());
      Severity severity;
      if (name == "off") {
        s.severity = std::nullopt;
      } else if (parseSeverity(name, severity)) {
        s.severity = severity;
      } else {
        r.error(value, "rules." + pattern, "severity of '" + pattern + "' must be off, info, warning or error");
        continue;
      }
      out_.severities.push_back(std::move(s));
    }
  }

  void readPublish(OptionReader& r, const std::string& folder) {
    YamlNode node = r.node("publish");
    if (!node.defined() || node.isNull()) return;
    if (!node.isMap()) {
      r.error(node, "publish", "'publish' must be a mapping (date, dates, deadlines)");
      return;
    }
    OptionReader p = r.nested(node, "publish");
    static const RE2 date(R"(\d{4}-\d{2}-\d{2})");
    static const RE2 monthDay(R"(\d{2}-\d{2})");
    if (p.has("date")) {
      const std::string d = p.string("date");
      if (RE2::FullMatch(d, date)) out_.publishDate = d;
      else p.error(node.get("date"), "date", "'date' must be written YYYY-MM-DD");
    }
    YamlNode dates = p.node("dates");
    if (dates.defined() && dates.isMap()) {
      for (size_t i = 0; i < dates.size(); ++i) {
        const std::string glob(dates.key(i).scalar());
        const std::string d(dates.value(i).scalar());
        if (RE2::FullMatch(d, date)) out_.publishDates.push_back({{glob, folder}, d});
        else p.error(dates.value(i), "dates." + glob, "a publish date must be written YYYY-MM-DD");
      }
    } else if (dates.defined()) {
      p.error(dates, "dates", "'dates' must map file globs to dates (YYYY-MM-DD)");
    }
    YamlNode deadlines = p.node("deadlines");
    if (deadlines.defined() && deadlines.isMap()) {
      for (size_t i = 0; i < deadlines.size(); ++i) {
        const std::string kind(deadlines.key(i).scalar());
        const std::string d(deadlines.value(i).scalar());
        OrganKind organ = OrganKind::Unknown;
        if (!parseOrganKind(kind, organ)) p.error(deadlines.key(i), "deadlines." + kind, "deadlines are for government, township or department");
        else if (!RE2::FullMatch(d, monthDay)) p.error(deadlines.value(i), "deadlines." + kind, "a deadline is written MM-DD (of the following year)");
        else out_.publishDeadlines[organ] = d;
      }
    } else if (deadlines.defined()) {
      p.error(deadlines, "deadlines", "'deadlines' must map government, township, department to MM-DD");
    }
    p.finish();
  }

  void addRulePath(const std::string& path, const SourceMark& mark) {
    if (auto files = fs_.listFolder(path)) {
      for (const std::string& f : *files) {
        if (isYaml(f)) addRuleFile(f, mark);
      }
      return;
    }
    addRuleFile(path, mark);
  }

  void addRuleFile(const std::string& path, const SourceMark& mark) {
    const std::optional<std::string> text = fs_.read(path);
    if (!text) {
      out_.errors.push_back({mark, "rule_paths", "cannot read rule file or folder '" + path + "'"});
      return;
    }
    out_.ruleFiles.push_back({path, *text});
  }

  const ConfigFileSystem& fs_;
  Config& out_;
  std::vector<std::string> stack_;
};

bool globAt(const std::string& g, size_t gi, const std::string& s, size_t si) {
  while (gi < g.size()) {
    if (g.compare(gi, 2, "**") == 0) {
      size_t next = gi + 2;
      if (next < g.size() && g[next] == '/') ++next;
      for (size_t k = si; k <= s.size(); ++k) {
        if (globAt(g, next, s, k)) return true;
      }
      return false;
    }
    if (g[gi] == '*') {
      for (size_t k = si; k <= s.size(); ++k) {
        if (globAt(g, gi + 1, s, k)) return true;
        if (k < s.size() && s[k] == '/') break;
      }
      return false;
    }
    if (si >= s.size()) return false;
    if (g[gi] != '?' && g[gi] != s[si]) return false;
    if (g[gi] == '?' && s[si] == '/') return false;
    ++gi;
    ++si;
  }
  return si == s.size();
}

}  // namespace

Config resolveConfig(const std::string& path, const ConfigFileSystem& fs) {
  Config config;
  config.builtin = false;  // each file without `extends` (or naming builtin:gov) turns it on
  config.root = folderOf(path);
  Resolver(fs, config).load(path, {path, 0, 0});
  if (config.waiversPath.empty()) {
    const std::string beside = join(config.root, ".gklint-waivers.yaml");
    if (fs.read(beside)) config.waiversPath = beside;
  }
  return config;
}

std::optional<Severity> effectiveSeverity(const Config& config, const RuleInfo& rule, const SeveritySetting** from) {
  std::optional<Severity> severity = rule.severity;
  if (from) *from = nullptr;
  const std::string category = rule.id.substr(0, rule.id.find('/'));
  for (const SeveritySetting& s : config.severities) {
    const bool matches = s.pattern == rule.id || s.pattern == "*" || s.pattern == category + "/*";
    if (!matches) continue;
    severity = s.severity;
    if (from) *from = &s;
  }
  return severity;
}

bool globMatches(const std::string& glob, const std::string& relativePath) { return globAt(glob, 0, relativePath, 0); }

size_t effectiveFindingCap(const Config* config, std::optional<size_t> override) {
  if (override) return *override;
  if (config && config->maxFindingsPerRule) return *config->maxFindingsPerRule;
  return kDefaultMaxFindingsPerRule;
}

}  // namespace gklint
