// FindingCap: at most N findings per rule per file are kept; the rest are counted and summed up
// in one closing finding, so a hostile or broken report costs bounded memory and output.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/lint/Finding.h"
#include "engine/lint/Suppressions.h"
#include "engine/model/Document.h"

namespace gklint {

inline constexpr size_t kDefaultMaxFindingsPerRule = 1000;


// Shared by the CheckContexts of one lintDocument call. A finding that a suppression comment will
// remove does not count against the cap (it is kept, and removed with the others later).
class FindingCap {
 public:
  struct RuleCount {
    size_t kept = 0;
    size_t dropped = 0;
    Finding firstDropped;  // where the unlisted findings start, with the rule's severity
  };

  FindingCap(const Document& doc, const std::vector<Suppression>& suppressions, size_t cap)
      : doc_(doc), suppressions_(suppressions), cap_(cap) {}

  RuleCount& countFor(const std::string& ruleId) { return counts_[ruleId]; }
  // Whether a finding of rule `ruleId` at `span` is to be kept; counts it either way. When it is
  // the first one dropped, the caller hands it to keepFirstDropped (the closing finding's place).
  enum class Verdict { Keep, DropFirst, Drop };
  Verdict admit(RuleCount& count, const std::string& ruleId, ByteSpan span);
  static void keepFirstDropped(RuleCount& count, const Finding& f);
  // One closing finding per capped rule: "N more findings of this rule were not listed".
  void appendClosingFindings(std::vector<Finding>& findings) const;
  size_t cap() const { return cap_; }

 private:
  bool suppressed(const std::string& ruleId, ByteSpan span) const;

  const Document& doc_;
  const std::vector<Suppression>& suppressions_;
  size_t cap_;
  std::map<std::string, RuleCount> counts_;
};

}  // namespace gklint
