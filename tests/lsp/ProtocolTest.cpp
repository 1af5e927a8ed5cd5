// Tests for lsp/Protocol: fromJSON errors name the field; toJSON spells the spec; the direct
// diagnostics writer produces exactly what the JSON tree would.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "lsp/Protocol.h"

using namespace gklint::lsp;
using json = nlohmann::json;

TEST_CASE("toJSONText writes the same bytes as toJSON().dump()", "[lsp][protocol]") {
  PublishDiagnosticsParams p;
  p.uri = "file:///a/%E6%8A%A5%E5%91%8A.txt";
  p.version = 7;
  Diagnostic d;
  d.range = {{3, 4}, {3, 9}};
  d.severity = DiagnosticSeverity::Information;
  d.code = "text/halfwidth-punct";
  d.message = "中文语句中应使用全角标点：“\"”应为“，” \\ \n\t\x01 𠀋";
  DiagnosticRelatedInformation related;
  related.location.uri = p.uri;
  related.location.range = {{0, 0}, {0, 2}};
  related.message = "第一处";
  d.relatedInformation.push_back(related);
  p.diagnostics.push_back(d);
  Diagnostic e;
  e.message = "no code";
  p.diagnostics.push_back(e);
  CHECK(toJSONText(p) == toJSON(p).dump());
  p.version.reset();
  p.diagnostics.clear();
  CHECK(toJSONText(p) == toJSON(p).dump());
  // Invalid UTF-8 is replaced, never passed through.
  p.diagnostics.push_back(e);
  p.diagnostics[0].message = "bad \xff byte";
  CHECK(json::parse(toJSONText(p))["diagnostics"][0]["message"] == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("fromJSON reports the first bad field with its path", "[lsp][protocol]") {
  auto error = [](const json& v) {
    Expected<DidChangeTextDocumentParams> parsed = parseParams<DidChangeTextDocumentParams>(v);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().code == ErrorCode::InvalidParams);
    return parsed.error().message;
  };
  CHECK(error(json::array()) == "params: expected an object");
  CHECK(error({{"textDocument", {{"uri", "u"}}}}) == "params.textDocument.version: required but missing");
  CHECK(error({{"textDocument", {{"uri", "u"}, {"version", 1.5}}}, {"contentChanges", json::array()}}) ==
        "params.textDocument.version: expected an integer");
  CHECK(error({{"textDocument", {{"uri", "u"}, {"version", 1}}},
               {"contentChanges", {{{"text", "x"}}, {{"range", {{"start", {{"line", 0}}}}}, {"text", ""}}}}}) ==
        "params.contentChanges[1].range.start.character: required but missing");
  Expected<DidChangeTextDocumentParams> ok = parseParams<DidChangeTextDocumentParams>(
      {{"textDocument", {{"uri", "u"}, {"version", 3}}}, {"contentChanges", {{{"text", "全文"}}}}});
  REQUIRE(ok.ok());
  CHECK(ok->textDocument.version == 3);
  CHECK_FALSE(ok->contentChanges[0].range.has_value());
}

TEST_CASE("settings come from initializationOptions and didChangeConfiguration", "[lsp][protocol]") {
  Expected<InitializeParams> init = parseParams<InitializeParams>(
      {{"capabilities", {{"general", {{"positionEncodings", {"utf-8", 5}}}}}},
       {"initializationOptions", {{"ruleFolders", {"rules"}}, {"year", 2021}}}});
  REQUIRE(init.ok());
  CHECK(init->capabilities.positionEncodings == std::vector<std::string>{"utf-8"});
  REQUIRE(init->initializationOptions);
  CHECK(init->initializationOptions->ruleFolders == std::vector<std::string>{"rules"});
  CHECK(init->initializationOptions->year == 2021);

  Expected<DidChangeConfigurationParams> nested =
      parseParams<DidChangeConfigurationParams>({{"settings", {{"gklint", {{"ruleFiles", {"a.yaml"}}, {"year", nullptr}}}}}});
  REQUIRE(nested.ok());
  REQUIRE(nested->settings);
  CHECK(nested->settings->ruleFiles == std::vector<std::string>{"a.yaml"});
  CHECK_FALSE(nested->settings->year.has_value());
  Expected<DidChangeConfigurationParams> none = parseParams<DidChangeConfigurationParams>({{"settings", nullptr}});
  REQUIRE(none.ok());
  CHECK_FALSE(none->settings.has_value());
  Expected<DidChangeConfigurationParams> bad =
      parseParams<DidChangeConfigurationParams>({{"settings", {{"year", 1800}}}});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message == "params.settings.year: expected a year from 1990 to 2100");
}

TEST_CASE("a docsUrl that is not a URL is a settings error", "[lsp][protocol]") {
  Expected<DidChangeConfigurationParams> bad =
      parseParams<DidChangeConfigurationParams>({{"settings", {{"docsUrl", "docs/rules"}}}});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message == "params.settings.docsUrl: expected an http://, https:// or file:// URL");
}

TEST_CASE("request ids are integers or strings", "[lsp][protocol]") {
  CHECK(parseParams<CancelParams>({{"id", 12}})->id == RequestId(int64_t{12}));
  CHECK(parseParams<CancelParams>({{"id", "abc"}})->id == RequestId(std::string("abc")));
  CHECK(parseParams<CancelParams>({{"id", true}}).error().message == "params.id: expected an integer or a string");
  CHECK(idToString(RequestId(int64_t{5})) == "5");
  CHECK(idToString(RequestId(std::string("5"))) == "\"5\"");
}
