// Tests for the hover on a table value cell: its table, row, column, state and relations with
// their numbers, at the exact position after CJK and non-BMP text in UTF-16 and UTF-8, with
// markdown and plaintext; and hovers that must stay empty.
#include <catch2/catch.hpp>

#include "tests/lsp/LspTestClient.h"

using namespace gklint::lsp::test;

namespace {

const std::string kUri = "file:///reports/003.txt";

json range(int l1, int c1, int l2, int c2) {
  return {{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}};
}

// Seed 003 with 表三's “（七）总计” row given 21 for 自然人 (every other cell is 0), and a
// non-BMP character before the label, so the cell sits after 𠀋 and CJK text on its line.
std::string seedWithTotal21() {
  std::string text = readFile(seedPath("003_8d3f9a9668695af1.txt"));
  const std::string row = "(七) 总计\t0\t0\t0\t0\t0\t0\t0";
  const size_t at = text.find(row);
  REQUIRE(at != std::string::npos);
  text.replace(at, row.size(), "𠀋(七) 总计\t21\t0\t0\t0\t0\t0\t0");
  return text;
}

json hover(TestClient& client, int line, int character) {
  return client.request("textDocument/hover", {{"textDocument", {{"uri", kUri}}},
                                               {"position", {{"line", line}, {"character", character}}}})["result"];
}

}  // namespace

TEST_CASE("hover on a table cell shows its place, its value and every relation with its numbers", "[lsp][hover]") {
  TestClient client;
  client.initialize();
  client.open(kUri, seedWithTotal21());
  // Line 80: "𠀋(七) 总计\t21…"; in UTF-16, 𠀋 counts 2, so "21" starts at character 9.
  const json result = hover(client, 79, 9);
  INFO(result.dump());
  CHECK(result["range"] == range(79, 9, 79, 11));
  CHECK(result["contents"]["kind"] == "markdown");
  const std::string value = result["contents"]["value"];
  // The finding at the cell comes first (arith/t3-result-sum blames it), then the cell.
  const size_t cellAt = value.find("\n\n---\n\n**表三 · ");
  REQUIRE(cellAt != std::string::npos);
  const std::string cell = value.substr(cellAt + 7);
  CHECK(cell ==
        "**表三 · （七）总计 · 自然人**\n\n"
        "行 `R24` “（七）总计”（报告中写作“𠀋(七)总计”） · 列 `C1` “自然人” · 模板 gov-2021/t3\n\n"
        "单元格：数值 21\n\n"
        "勾稽关系：\n"
        "- R01 + R02 = 0；R24 + R25 = 21 ✗ — `R01 + R02 == R24 + R25` · `arith/t3-balance`\n"
        "- R24 = 21；sum(leaves) = 0 ✗ — `R24 == sum(leaves)` · `arith/t3-result-sum`\n"
        "- C7 = 0；sum(applicants) = 21 ✗ — `C7 == sum(applicants)` · `arith/t3-row-total`\n"
        "- R24 + R25 + sum(leaves) = 21；0 = 0 ✗ — `R24 + R25 + sum(leaves) == 0` · `arith/t3-zero-column`");
}

TEST_CASE("hover on a table cell in UTF-8 and plaintext, and on a cell whose relations hold", "[lsp][hover]") {
  TestClient client;
  json capabilities = TestClient::defaultCapabilities();
  capabilities["general"]["positionEncodings"] = {"utf-8"};
  capabilities["textDocument"]["hover"]["contentFormat"] = {"plaintext"};
  client.initialize(capabilities);
  client.open(kUri, seedWithTotal21());
  // In UTF-8, "21" starts at byte 17 (𠀋 is 4 bytes, "(七) 总计" 12, the tab 1).
  const json result = hover(client, 79, 17);
  INFO(result.dump());
  CHECK(result["range"] == range(79, 17, 79, 19));
  CHECK(result["contents"]["kind"] == "plaintext");
  const std::string value = result["contents"]["value"];
  CHECK(value.find("表三 · （七）总计 · 自然人\n行 R24 “（七）总计”（报告中写作“𠀋(七)总计”） · 列 C1 “自然人” · 模板 gov-2021/t3\n"
                   "单元格：数值 21\n勾稽关系：\n- R01 + R02 = 0；R24 + R25 = 21 ✗ — R01 + R02 == R24 + R25 · arith/t3-balance\n") !=
        std::string::npos);

  // 表三 R01 “一、本年新收…” for 商业企业 (line 57: the label's 48 bytes, two tabs, "0", a
  // tab): 0, and both relations naming it hold. The `when` of arith/t3-zero-column names R01
  // but its assertion does not, so it is not listed.
  const json held = hover(client, 56, 52);
  CHECK(held["range"] == range(56, 52, 56, 53));
  CHECK(held["contents"]["value"] ==
        "表三 · 一、本年新收政府信息公开申请数量 · 商业企业\n"
        "行 R01 “一、本年新收政府信息公开申请数量” · 列 C2 “商业企业” · 模板 gov-2021/t3\n"
        "单元格：数值 0\n"
        "勾稽关系：\n"
        "- R01 + R02 = 0；R24 + R25 = 0 ✓ — R01 + R02 == R24 + R25 · arith/t3-balance\n"
        "- C7 = 0；sum(applicants) = 0 ✓ — C7 == sum(applicants) · arith/t3-row-total");
}

TEST_CASE("hover stays empty off the table cells", "[lsp][hover]") {
  TestClient client;
  client.initialize();
  client.open(kUri, readFile(seedPath("003_8d3f9a9668695af1.txt")));
  // The label of 表三's first row, a blank line, prose without findings.
  CHECK(hover(client, 56, 2).is_null());
}
