// The Language Server on an HTML report page: diagnostics placed in the page's own lines and
// negotiated columns through the reader's origin map; no quick fixes, hovers or symbols.
#include <catch2/catch.hpp>

#include "tests/lsp/LspTestClient.h"
#include "tests/support/FixtureRunner.h"

using namespace gklint::lsp::test;

namespace {

const std::string kPage = std::string(GKLINT_TEST_DIR) + "/fixtures/html/non-bmp-2021.html";

json range(int l1, int c1, int l2, int c2) {
  return {{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}};
}

}  // namespace

TEST_CASE("html: a diagnostic after CJK, an entity and 𠀋 sits on the page in utf-16 and utf-8", "[lsp][html]") {
  // Page line 12 (0-based 11): "设量" at code point 94, UTF-16 unit 95 (𠀋 is two), byte 169.
  const std::string text = gklint::test::readWholeFile(kPage);
  for (const bool utf8 : {false, true}) {
    INFO((utf8 ? "utf-8" : "utf-16"));
    TestClient client;
    json caps = TestClient::defaultCapabilities();
    if (utf8) caps["general"]["positionEncodings"] = {"utf-8", "utf-16"};
    client.initialize(caps);
    client.open("file:///site/report.html", text, "html");
    const json diagnostics = client.lastPublished("file:///site/report.html")["diagnostics"];
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0]["code"] == "text/typo");
    CHECK(diagnostics[0]["message"] == "疑似错别字“设量”，应为“设置”");
    CHECK(diagnostics[0]["range"] == (utf8 ? range(11, 169, 11, 175) : range(11, 95, 11, 97)));
    // No quick fix on a page, no hover.
    const json actions = client.request("textDocument/codeAction",
                                        {{"textDocument", {{"uri", "file:///site/report.html"}}},
                                         {"range", diagnostics[0]["range"]},
                                         {"context", {{"diagnostics", diagnostics}}}})["result"];
    CHECK(actions.empty());
  }
}

TEST_CASE("html: an untitled buffer with languageId html is read as a page, a .docx is not opened", "[lsp][html]") {
  TestClient client;
  client.initialize();
  client.open("untitled:Untitled-1", gklint::test::readWholeFile(kPage), "html");
  CHECK(client.lastPublished("untitled:Untitled-1")["diagnostics"].size() == 1);
  client.open("file:///site/report.docx", "PK", "plaintext");
  CHECK_FALSE(client.server().features()->analysis("file:///site/report.docx"));
}
