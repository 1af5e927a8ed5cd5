// Tests for cli/GitlabReporter (through gklint::cli::run): `gklint check --format gitlab`,
// GitLab Code Quality JSON, and its fingerprints: the same finding keeps its fingerprint when
// lines are added above it; identical findings in one file each get their own.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>
#include <string>

#include "cli/Sha256.h"
#include "tests/cli/CliTestSupport.h"

using namespace gklint::clitest;
using nlohmann::json;

namespace {

const std::string kRepo = std::filesystem::canonical(std::string(GKLINT_TEST_DIR) + "/..").string();

json gitlabOf(const std::vector<std::string>& args, int expectedCode) {
  std::vector<std::string> all = {"check", "--format", "gitlab"};
  all.insert(all.end(), args.begin(), args.end());
  const CliRun r = runGklint(all);
  CHECK(r.code == expectedCode);
  REQUIRE(json::accept(r.out));
  return json::parse(r.out);
}

std::string key(const std::string& path, const std::string& rule, const std::string& message,
                const std::string& excerpt, int occurrence) {
  return path + '\0' + rule + '\0' + message + '\0' + excerpt + '\0' + std::to_string(occurrence);
}

}  // namespace

TEST_CASE("sha256: the FIPS 180-4 examples", "[cli][gitlab]") {
  CHECK(gklint::cli::sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(gklint::cli::sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(gklint::cli::sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(gklint::cli::sha256Hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("gitlab: a seed report's findings as Code Quality issues, severities mapped", "[cli][gitlab]") {
  WorkingFolder here(kRepo);
  const std::string path = "tests/corpus/seeds/004_8d6632e4e8c36cd9.txt";
  const json issues = gitlabOf({path}, 1);
  REQUIRE(issues.is_array());
  REQUIRE(issues.size() == 13);
  CHECK(issues[0] == json{{"type", "issue"},
                          {"check_name", "content/assessment-results"},
                          {"description", "未报告政府信息公开工作考核、社会评议和责任追究结果情况"},
                          {"fingerprint", issues[0]["fingerprint"]},
                          {"severity", "minor"},
                          {"location", {{"path", path}, {"lines", {{"begin", 1}, {"end", 2}}}}}});
  const json& rows = issues[10];
  CHECK(rows["check_name"] == "table/rows-missing");
  CHECK(rows["severity"] == "major");  // gklint error
  CHECK(rows["location"]["lines"] == json{{"begin", 206}, {"end", 206}});
  CHECK(issues[7]["check_name"] == "text/typo");
  CHECK(issues[7]["severity"] == "info");
  CHECK(issues[7]["description"] == "疑似错别字“设量”，应为“设置”");
  CHECK(issues[7]["location"]["lines"]["begin"] == 9);
  // The fingerprint: SHA-256 of path, rule, message, the finding's text, occurrence.
  CHECK(issues[7]["fingerprint"] == gklint::cli::sha256Hex(key(path, "text/typo", "疑似错别字“设量”，应为“设置”", "设量", 0)));
  std::set<std::string> fingerprints;
  for (const json& issue : issues) fingerprints.insert(issue["fingerprint"].get<std::string>());
  CHECK(fingerprints.size() == issues.size());
}

TEST_CASE("gitlab: fingerprints survive lines added above, and tell identical findings apart", "[cli][gitlab]") {
  TempDir dir;
  const std::string original = readBytes(cliFixture("non-bmp-2021.txt"));
  dir.write("a.txt", original);
  // The same report with a paragraph added near the top and the typo repeated further down.
  std::string edited = original;
  const size_t second = edited.find('\n', edited.find('\n') + 1) + 1;
  edited.insert(second, "\n本报告由县政府办公室编制。\n");
  edited += "\n另：𠀋字调整设量相关栏目。\n";
  dir.write("later/a.txt", edited);
  WorkingFolder here(dir.path());
  const json before = gitlabOf({"a.txt"}, 0);
  REQUIRE(before.size() == 1);
  CHECK(before[0]["location"] == json{{"path", "a.txt"}, {"lines", {{"begin", 13}, {"end", 13}}}});
  CHECK(before[0]["fingerprint"] == gklint::cli::sha256Hex(key("a.txt", "text/typo", "疑似错别字“设量”，应为“设置”", "设量", 0)));

  std::filesystem::rename(dir.path() / "later/a.txt", dir.path() / "a.txt");
  const json after = gitlabOf({"a.txt"}, 0);
  REQUIRE(after.size() == 2);
  CHECK(after[0]["location"]["lines"]["begin"] == 15);  // moved down two lines
  CHECK(after[0]["fingerprint"] == before[0]["fingerprint"]);
  CHECK(after[1]["fingerprint"] != before[0]["fingerprint"]);  // the new one is new
  CHECK(after[1]["fingerprint"] == gklint::cli::sha256Hex(key("a.txt", "text/typo", "疑似错别字“设量”，应为“设置”", "设量", 1)));
}

TEST_CASE("gitlab: no findings is an empty array, and an unreadable report is a critical issue", "[cli][gitlab]") {
  WorkingFolder here(kRepo);
  const CliRun clean = runGklint({"check", "--format", "gitlab", "tests/fixtures/cli/clean-2021.txt"});
  CHECK(clean.code == 0);
  CHECK(clean.out == "[]\n");
  const json issues = gitlabOf({"tests/fixtures/cli/missing-2021.txt"}, 2);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0]["check_name"] == "gklint/unreadable");
  CHECK(issues[0]["severity"] == "critical");
  CHECK(issues[0]["location"] == json{{"path", "tests/fixtures/cli/missing-2021.txt"}, {"lines", {{"begin", 1}}}});
}

TEST_CASE("gitlab: a sum still wrong after one of its numbers changed keeps its fingerprint", "[cli][gitlab]") {
  TempDir dir;
  const std::string original = readBytes(testPath("fixtures/reports/tables/tab-t4-sum-component.txt"));
  // Line 72, 表四's 未经复议直接起诉 group: 总计 3 against parts adding to 5. The drafter changes
  // the total to 4, and it is still wrong.
  const std::string row = "2\t1\t1\t1\t5\t1\t2\t1\t1\t3\t0\t1\t0\t1\t2\n";
  const size_t at = original.find(row);
  REQUIRE(at != std::string::npos);
  std::string edited = original;
  edited.replace(at, row.size(), "2\t1\t1\t1\t5\t1\t2\t1\t1\t4\t0\t1\t0\t1\t2\n");
  dir.write("a.txt", original);
  dir.write("later/a.txt", edited);
  WorkingFolder here(dir.path());
  const json before = gitlabOf({"--fail-on", "never", "a.txt"}, 0);
  std::filesystem::rename(dir.path() / "later/a.txt", dir.path() / "a.txt");
  const json after = gitlabOf({"--fail-on", "never", "a.txt"}, 0);
  REQUIRE(before.size() == 1);
  REQUIRE(after.size() == 1);
  CHECK(before[0]["description"] == "表四：未经复议直接起诉总计为3，结果维持、结果纠正、其他结果、尚未审结之和为5");
  CHECK(after[0]["description"] == "表四：未经复议直接起诉总计为4，结果维持、结果纠正、其他结果、尚未审结之和为5");
  CHECK(after[0]["fingerprint"] == before[0]["fingerprint"]);
  // Each run of digits is written as one '#'.
  CHECK(before[0]["fingerprint"] ==
        gklint::cli::sha256Hex(key("a.txt", "arith/t4-sum", "表四：未经复议直接起诉总计为#，结果维持、结果纠正、其他结果、尚未审结之和为#", "#", 0)));
}
