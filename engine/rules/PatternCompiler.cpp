#include "engine/rules/PatternCompiler.h"

#include "engine/rules/YamlSizeLimit.h"

namespace gklint {

std::shared_ptr<const RulePattern> compilePattern(const std::string& pattern, OptionReader& reader, const YamlNode& at,
                                                  const std::string& key) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(kMaxPatternMemoryBytes);
  auto compiled = std::make_shared<const RulePattern>(pattern, options);
  if (reader.trustedPatterns()) return compiled;
  const RE2* re = &compiled->re();
  if (!re->ok()) {
    std::string message = "invalid pattern /" + shortenForMessage(pattern) + "/: " + shortenForMessage(re->error());
    if (re->error_code() == RE2::ErrorBadPerlOp || re->error_code() == RE2::ErrorBadEscape) {
      message += " (gklint uses RE2, which has no lookaround or backreferences, so that every pattern runs in "
                 "linear time; rewrite the pattern with alternatives or capture groups)";
    } else if (re->error_code() == RE2::ErrorPatternTooLarge || re->error_code() == RE2::ErrorRepeatSize) {
      message += " (the pattern needs more than 8 MiB once compiled; simplify its repetitions)";
    }
    reader.error(at, key, message);
    return nullptr;
  }
  return compiled;
}

}  // namespace gklint
