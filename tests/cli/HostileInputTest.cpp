// Hostile and huge input at the CLI (issue 13): the file size limit, the findings cap in every
// output format, a report of nothing but table rows.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>

#include "tests/cli/CliTestSupport.h"

namespace fs = std::filesystem;
using gklint::clitest::runGklint;
using gklint::clitest::TempDir;
using gklint::clitest::writeBytes;

namespace {

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) ++n;
  return n;
}

const std::string kClosing3 =
    "此处起还有 1997 处同类问题未列出（每条规则每个文件最多列出 3 处；用 --max-findings-per-rule 或 .gklint.yaml 的 "
    "max_findings_per_rule 调整，0 为不限）";

}  // namespace

TEST_CASE("a report over the size limit is exit 2 with the size and the limit", "[cli][bad-input]") {
  TempDir dir;
  const fs::path report = dir.path() / "big.txt";
  writeBytes(report, std::string(3u << 20, 'a'));
  const gklint::clitest::CliRun r = runGklint({"check", "--no-config", "--max-file-mb", "2", report.string()});
  CHECK(r.code == 2);
  CHECK((r.out + r.err).find(report.string() + ": error: the file is 3 MiB, over the 2 MiB limit for one report; is this "
                                               "really a report? (raise the limit with --max-file-mb or max_file_mb in "
                                               ".gklint.yaml)") != std::string::npos);
  // The same limit from .gklint.yaml; the option overrides it.
  writeBytes(dir.path() / ".gklint.yaml", "max_file_mb: 1\n");
  CHECK(runGklint({"check", report.string()}).code == 2);
  CHECK(runGklint({"check", "--fail-on", "never", "--max-file-mb", "4", report.string()}).code == 0);
  const gklint::clitest::CliRun bad = runGklint({"check", "--no-config", "--max-file-mb", "0", report.string()});
  CHECK(bad.code != 0);
}

TEST_CASE("the findings cap reaches the text and JSON output", "[cli][cap]") {
  TempDir dir;
  const fs::path report = dir.path() / "commas.txt";
  writeBytes(report, "𠀋" + repeat("测试,", 2000) + "\n");
  const gklint::clitest::CliRun text =
      runGklint({"check", "--no-config", "--fail-on", "never", "--max-findings-per-rule", "3", report.string()});
  CHECK(text.code == 0);
  CHECK(count(text.out, "[text/halfwidth-punct]") == 4);
  CHECK(text.out.find(report.string() + ":1:13: info: " + kClosing3 + " [text/halfwidth-punct]") != std::string::npos);

  const gklint::clitest::CliRun json = runGklint(
      {"check", "--no-config", "--fail-on", "never", "-f", "json", "--max-findings-per-rule", "3", report.string()});
  const nlohmann::json doc = nlohmann::json::parse(json.out);
  size_t commas = 0;
  nlohmann::json closing;
  for (const auto& file : doc["files"]) {
    for (const auto& f : file["findings"]) {
      if (f["rule"] != "text/halfwidth-punct") continue;
      ++commas;
      closing = f;
    }
  }
  CHECK(commas == 4);
  CHECK(closing["message"] == kClosing3);
  CHECK(closing["line"] == 1);
  CHECK(closing["column"] == 13);

  // The default is 1,000; max_findings_per_rule in .gklint.yaml; 0 lists all.
  const gklint::clitest::CliRun all = runGklint({"check", "--no-config", "--fail-on", "never", "--max-findings-per-rule", "0", report.string()});
  CHECK(count(all.out, "[text/halfwidth-punct]") == 2000);
  CHECK(count(runGklint({"check", "--no-config", "--fail-on", "never", report.string()}).out, "[text/halfwidth-punct]") == 1001);
  writeBytes(dir.path() / ".gklint.yaml", "max_findings_per_rule: 3\n");
  CHECK(count(runGklint({"check", "--fail-on", "never", report.string()}).out, "[text/halfwidth-punct]") == 4);
}

TEST_CASE("a report of nothing but table rows is linted like any other", "[cli][bad-input]") {
  TempDir dir;
  const fs::path report = dir.path() / "rows.txt";
  writeBytes(report, repeat("规章\t1\t2\t3\n", 5000));
  const gklint::clitest::CliRun r = runGklint({"check", "--no-config", "--fail-on", "never", report.string()});
  CHECK(r.code == 0);
  CHECK(count(r.out, "[structure/section-missing]") == 6);
  CHECK(r.err.find("could not be read") == std::string::npos);
}
