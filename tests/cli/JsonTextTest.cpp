// Tests for cli/JsonText: every string and number is written exactly as nlohmann::json's
// dump() writes it (the JSON and SARIF reporters' output must not change by a byte).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "cli/JsonText.h"

using gklint::cli::appendJsonInt;
using gklint::cli::appendJsonKey;
using gklint::cli::appendJsonString;

namespace {

std::string viaNlohmann(const std::string& text) {
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string viaJsonText(const std::string& text) {
  std::string out = "prefix,";
  appendJsonString(out, text);
  REQUIRE(out.rfind("prefix,", 0) == 0);  // what was there before is kept, also on the fallback
  return out.substr(7);
}

}  // namespace

TEST_CASE("appendJsonString writes what json::dump writes", "[cli][json]") {
  const std::vector<std::string> cases = {
      "",
      "plain ascii",
      "表二 第3行“合计”21 ≠ 27：应为各项之和",
      "非 BMP 字 𠀋 与 2021 年 在同一行",
      "quote \" backslash \\ slash / tab \t newline \n return \r",
      std::string("control \x01 \x08 \x0c \x1f and DEL \x7f", 26),
      std::string("nul \0 inside", 12),
      "\xEF\xBF\xBD already a replacement character",
      // Not UTF-8: a lone continuation byte, a cut sequence, overlong forms, a surrogate,
      // beyond U+10FFFF, bytes that never start a sequence; each alone and beside good text.
      "bad \x80 byte", "cut \xE6\x94", "cut at the end \xE6", "overlong \xC0\xAF and \xE0\x80\xAF",
      "surrogate \xED\xA0\x80", "too high \xF4\x90\x80\x80", "never \xF8\x88\x80\x80\x80 \xFF\xFE",
      "政府\xB0信息", "a \"quoted\" word then \xC3",
  };
  for (const std::string& text : cases) {
    INFO(text);
    CHECK(viaJsonText(text) == viaNlohmann(text));
  }
}

TEST_CASE("appendJsonInt and appendJsonKey write what json::dump writes", "[cli][json]") {
  for (long long value : {0LL, 1LL, -1LL, 2021LL, 123456789012LL, -9223372036854775807LL - 1}) {
    std::string out;
    appendJsonInt(out, value);
    CHECK(out == nlohmann::json(value).dump());
  }
  std::string out;
  appendJsonKey(out, "endColumn");
  CHECK(out == "\"endColumn\":");
}
