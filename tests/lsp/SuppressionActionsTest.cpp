// Tests for the "disable this rule on this line" quick fix: the exact edit, and a round trip —
// apply it, the finding is gone, nothing else changes, no meta/unused-suppression — on a
// paragraph line, a heading, an indented list item and a pipe-table row; and where it must
// not be offered (plain text, meta/unused-suppression).
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "tests/lsp/LspTestClient.h"

using namespace gklint::lsp::test;

namespace {

const std::string kMd = "file:///reports/002.md";
const char* kSeedMd002 = "../seeds-md/002_093c900e5eacee9f.md";

json range(int l1, int c1, int l2, int c2) {
  return {{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}};
}

json disableActions(const json& actions) {
  json out = json::array();
  for (const json& a : actions) {
    const std::string title = a["title"];
    if (title.find("停用") != std::string::npos) out.push_back(a);
  }
  return out;
}

json codeActions(TestClient& client, const std::string& uri, int line, int character) {
  return client.request("textDocument/codeAction", {{"textDocument", {{"uri", uri}}},
                                                    {"range", range(line, character, line, character)},
                                                    {"context", {{"diagnostics", json::array()}}}})["result"];
}

// "line:col [code] message" with 0-based lines mapped back to the text before the edit:
// `inserted` holds the 0-based lines the edit added.
std::multiset<std::string> keyed(const json& diagnostics, const std::set<int>& inserted) {
  std::multiset<std::string> out;
  for (const json& d : diagnostics) {
    int line = d["range"]["start"]["line"];
    const int shift = static_cast<int>(std::count_if(inserted.begin(), inserted.end(), [&](int l) { return l < line; }));
    out.insert(std::to_string(line - shift) + ":" + std::to_string(d["range"]["start"]["character"].get<int>()) + " [" +
               d["code"].get<std::string>() + "] " + d["message"].get<std::string>());
  }
  return out;
}

// Applies `action`, re-lints, and checks that exactly `removed` (keyed before the edit) went away.
void roundTrip(TestClient& client, const std::string& text, const json& action, const std::set<int>& inserted,
               const std::multiset<std::string>& removed) {
  const json before = client.lastPublished(kMd)["diagnostics"];
  const std::string edited = applyEdits(text, editsFor(action["edit"], kMd), false);
  client.change(kMd, 2, json::array({{{"text", edited}}}));
  const json after = client.lastPublished(kMd)["diagnostics"];
  for (const json& d : after) CHECK(d["code"] != "meta/unused-suppression");
  std::multiset<std::string> expected = keyed(before, {});
  for (const std::string& r : removed) {
    REQUIRE(expected.count(r) > 0);  // a finding the action should remove was there before
    expected.erase(expected.find(r));
  }
  CHECK(keyed(after, inserted) == expected);
}

}  // namespace

TEST_CASE("disable-next-line above a paragraph line silences that line's finding", "[lsp][codeaction]") {
  const std::string text = readFile(seedPath(kSeedMd002));
  TestClient client;
  client.initialize();
  client.open(kMd, text, "markdown");
  // Line 55: "科研 机构", a space between Chinese characters.
  const json actions = disableActions(codeActions(client, kMd, 54, 2));
  REQUIRE(actions.size() == 1);
  CHECK(actions[0]["title"] == "在此行停用 text/cjk-spacing（gklint-disable-next-line）");
  CHECK(actions[0]["kind"] == "quickfix");
  CHECK(actions[0].value("isPreferred", false) == false);
  CHECK(actions[0]["diagnostics"].size() == 1);
  CHECK(editsFor(actions[0]["edit"], kMd) ==
        json::array({{{"range", range(54, 0, 54, 0)},
                      {"newText", "<!-- gklint-disable-next-line text/cjk-spacing -->\n"}}}));
  roundTrip(client, text, actions[0], {54},
            {"54:2 [text/cjk-spacing] 多余的空格：汉字与数字之间、汉字之间不应加空格"});
}

TEST_CASE("disable-next-line above a heading, one action per rule on the line", "[lsp][codeaction]") {
  const std::string text = readFile(seedPath(kSeedMd002));
  TestClient client;
  client.initialize();
  client.open(kMd, text, "markdown");
  // Line 5: "# 1、 总体情况" — four content/overview-topics findings and the numbering.
  const json actions = disableActions(codeActions(client, kMd, 4, 3));
  REQUIRE(actions.size() == 2);
  CHECK(actions[0]["title"] == "在此行停用 content/overview-topics（gklint-disable-next-line）");
  CHECK(actions[0]["diagnostics"].size() == 3);
  CHECK(actions[1]["title"] == "在此行停用 structure/heading-numbering（gklint-disable-next-line）");
  roundTrip(client, text, actions[0], {4},
            {"4:2 [content/overview-topics] “一、总体情况”未涉及“主动公开”方面的内容",
             "4:2 [content/overview-topics] “一、总体情况”未涉及“依申请公开”方面的内容",
             "4:2 [content/overview-topics] “一、总体情况”未涉及“政府信息公开平台建设”方面的内容"});
}

TEST_CASE("disable-next-line keeps the line's indentation", "[lsp][codeaction]") {
  const std::string text = "# 2021年某县人民政府政府信息公开工作年度报告\n\n- 第一项\n  - 汉字 之间\n";
  TestClient client;
  client.initialize();
  client.open(kMd, text, "markdown");
  // The line also carries the document-level structure/section-missing findings.
  const json actions = disableActions(codeActions(client, kMd, 3, 6));
  REQUIRE(actions.size() == 2);
  const json& action = actions[1];
  CHECK(action["title"] == "在此行停用 text/cjk-spacing（gklint-disable-next-line）");
  CHECK(editsFor(action["edit"], kMd) ==
        json::array({{{"range", range(3, 0, 3, 0)},
                      {"newText", "  <!-- gklint-disable-next-line text/cjk-spacing -->\n"}}}));
  roundTrip(client, text, action, {3}, {"3:6 [text/cjk-spacing] 多余的空格：汉字与数字之间、汉字之间不应加空格"});
}

TEST_CASE("a finding inside a pipe table is disabled for the table, keeping the table intact", "[lsp][codeaction]") {
  const std::string text = readFile(seedPath(kSeedMd002));
  TestClient client;
  client.initialize();
  client.open(kMd, text, "markdown");
  // Line 82 is the third row of the table on lines 80 to 87; a
  // comment line there would cut the table in two.
  const json actions = disableActions(codeActions(client, kMd, 81, 9));
  REQUIRE(actions.size() == 1);
  CHECK(actions[0]["title"] == "在整个表格中停用 table/label-nonstandard（gklint-disable … gklint-enable）");
  CHECK(editsFor(actions[0]["edit"], kMd) ==
        json::array({{{"range", range(79, 0, 79, 0)}, {"newText", "<!-- gklint-disable table/label-nonstandard -->\n"}},
                     {{"range", range(87, 0, 87, 0)},
                      {"newText", "\n<!-- gklint-enable table/label-nonstandard -->\n"}}}));
  // Inserted: the disable comment (new line 79), a blank line and the enable comment after
  // the table (new lines 88 and 89).
  roundTrip(client, text, actions[0], {79, 88, 89},
            {"81:8 [table/label-nonstandard] 表三有1处行标签的括号、引号或逗号与模板不一致（如“3.危及三安全一稳定”应为“3.危及“三安全一稳定””）"});
}

TEST_CASE("no disable action where the engine reads no comments, nor for unused suppressions", "[lsp][codeaction]") {
  TestClient client;
  client.initialize();
  // Plain text: suppression comments are a Markdown feature.
  client.open("file:///reports/002.txt", readFile(seedPath("002_093c900e5eacee9f.txt")));
  CHECK(disableActions(codeActions(client, "file:///reports/002.txt", 4, 0)).empty());
  // An unused suppression is fixed by deleting it, not by another comment.
  const std::string text =
      "# 2021年某县人民政府政府信息公开工作年度报告\n\n<!-- gklint-disable-next-line text/cjk-spacing -->\n正文。\n";
  client.open(kMd, text, "markdown");
  const json diagnostics = client.lastPublished(kMd)["diagnostics"];
  REQUIRE(std::any_of(diagnostics.begin(), diagnostics.end(),
                      [](const json& d) { return d["code"] == "meta/unused-suppression"; }));
  CHECK(disableActions(codeActions(client, kMd, 2, 5)).empty());
}
