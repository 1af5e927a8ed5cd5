// Check: the narrow base class every check kind implements, and the context it reports into.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/lint/Finding.h"
#include "engine/lint/FindingCap.h"
#include "engine/lint/MessageFormat.h"
#include "engine/lint/PatternPrefilter.h"
#include "engine/model/Document.h"
#include "engine/rules/RuleInfo.h"
#include "engine/structure/Outline.h"
#include "engine/tables/TableTemplate.h"

namespace gklint {

// What a running check sees. report() tags every finding with the rule's id and severity
// and formats the rule's message template, so checks never spell their own id.
class CheckContext {
 public:
  CheckContext(const Document& doc, const Outline& outline, const RuleInfo& rule, std::vector<Finding>& out,
               PieceMatchCache* pieceMatches = nullptr, FindingCap* cap = nullptr)
      : doc_(doc), outline_(outline), rule_(rule), out_(out), pieceMatches_(pieceMatches), cap_(cap),
        count_(cap ? &cap->countFor(rule.id) : nullptr) {}

  const Document& doc() const { return doc_; }
  const Outline& outline() const { return outline_; }
  std::string_view text() const { return doc_.text(); }
  std::string_view textOf(ByteSpan span) const { return doc_.textOf(span); }
  const RuleInfo& rule() const { return rule_; }
  // False only when the rule set's prefilter proves that the pattern registered in `slot`
  // (Check::registerPatterns) cannot match `piece`; a check then skips its own search there.
  bool mayMatch(ByteSpan piece, int slot) {
    return !pieceMatches_ || pieceMatches_->mayMatch(piece, textOf(piece), slot);
  }

  // The returned reference is valid until the next report() call. Past the FindingCap, the
  // finding is only counted (the reference is then to a scratch finding).
  Finding& report(ByteSpan span, const MessageArgs& args);

 private:
  const Document& doc_;
  const Outline& outline_;
  const RuleInfo& rule_;
  std::vector<Finding>& out_;
  PieceMatchCache* pieceMatches_;
  FindingCap* cap_;
  FindingCap::RuleCount* count_;
  Finding dropped_;
};

// A compiled rule: options are read and validated once, in the kind's factory (regexes
// compiled, scopes parsed) and kept const; run() only runs. Instances are immutable and
// may be shared between threads.
class Check {
 public:
  explicit Check(RuleInfo info) : info_(std::move(info)) {}
  virtual ~Check() = default;
  Check(const Check&) = delete;
  Check& operator=(const Check&) = delete;

  const RuleInfo& info() const { return info_; }
  // Called only for documents the rule applies to (RuleInfo::applies).
  virtual void run(CheckContext& ctx) const = 0;
  // Outline sections the rule names, with where it names them (checked against the outline
  // after loading).
  struct SectionRef {
    std::string key;
    SourceMark mark;
    std::string keyPath;
  };
  virtual std::vector<SectionRef> sectionRefs() const { return {}; }
  // Checks what can only be checked once every file is loaded (e.g. the table keys a
  // relation names against the templates); appends located errors.
  // Registers the check's patterns with the rule set's prefilter and keeps their slots
  // (called once, after loading). Checks that search text pieces with RE2 patterns and only
  // need to know where a pattern matches implement it; the default registers nothing.
  virtual void registerPatterns(PatternPrefilter& prefilter) { (void)prefilter; }
  // Resolves what the check names in the rule set's table templates once (called after
  // loading, once validateAgainst passed), so that run() does index arithmetic.
  virtual void compileAgainst(const TemplateCatalog& templates) { (void)templates; }
  virtual void validateAgainst(const TemplateCatalog& templates, std::vector<RuleDiagnostic>& errors) const {
    (void)templates;
    (void)errors;
  }

 private:
  RuleInfo info_;
};

}  // namespace gklint
