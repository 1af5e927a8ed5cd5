// Waivers: approved exceptions for reports that cannot carry comments (.txt, .docx), kept
// in .gklint-waivers.yaml — file, rule, what it matches, reason, approver and expiry.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/config/Config.h"
#include "engine/lint/Finding.h"
#include "engine/text/Source.h"

namespace gklint {

struct Waiver {
  std::string file;               // report path relative to the waiver file's folder ('/'-separated)
  std::string rule;               // rule id
  std::string match;              // optional: text the finding's message or source text contains
  std::optional<int> line;        // optional: 1-based line of the finding
  std::string reason;
  std::string approvedBy;
  std::string expires;            // YYYY-MM-DD; the waiver applies up to and including that day
  SourceMark mark;
};

struct WaiverSet {
  std::string root;               // folder of the waiver file
  std::vector<Waiver> waivers;
  std::vector<RuleDiagnostic> errors;
};

// Parses a waiver file (`waivers:` list); every entry needs file, rule, reason, approved_by
// and expires. Problems are located errors; valid entries still load.
WaiverSet parseWaivers(const std::string& path, const std::string& text);

// Applies the waivers to the findings of the report at `relativePath`: a matching, unexpired
// waiver removes its finding; an expired one leaves it and adds meta/expired-waiver (unless
// that rule is off). `today` is YYYY-MM-DD. Returns how many findings were waived.
size_t applyWaivers(const WaiverSet& waivers, const std::string& relativePath, const Source& source,
                    const RuleSet& rules, const Config* config, const std::string& today,
                    std::vector<Finding>& findings);

}  // namespace gklint
