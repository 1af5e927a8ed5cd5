// RulePattern: a rule file's regular expression, compiled by RE2 the first time it is searched
// with. Compiling every pattern of the built-in packs took a fifth of gklint's start-up, and
// most patterns never run on a given report: the prefilter (engine/lint/PatternPrefilter.h)
// rules them out first. Patterns of a user's rule files are compiled at load instead, so that
// an invalid one is reported with its file and line (engine/rules/PatternCompiler.h).
#pragma once

#include <re2/re2.h>

#include <memory>
#include <mutex>
#include <string>

namespace gklint {

class RulePattern {
 public:
  RulePattern(std::string source, const RE2::Options& options) : source_(std::move(source)), options_(options) {}
  RulePattern(const RulePattern&) = delete;
  RulePattern& operator=(const RulePattern&) = delete;

  const std::string& source() const { return source_; }
  const RE2::Options& options() const { return options_; }
  // The compiled expression; compiled on the first call, by whichever thread makes it.
  const RE2& re() const {
    std::call_once(compiled_, [this] { re_ = std::make_unique<const RE2>(source_, options_); });
    return *re_;
  }

 private:
  std::string source_;
  RE2::Options options_;
  mutable std::once_flag compiled_;
  mutable std::unique_ptr<const RE2> re_;
};

}  // namespace gklint
