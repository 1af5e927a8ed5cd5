// Tests for `gklint check --fix`: fixes are written to UTF-8 files, other encodings are left alone.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/Cli.h"
#include "tests/support/FixtureRunner.h"

namespace fs = std::filesystem;

namespace {

int runGklint(std::vector<std::string> args, std::string& out, std::string& err) {
  std::vector<const char*> argv = {"gklint"};
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream o, e;
  int code = gklint::cli::run(static_cast<int>(argv.size()), argv.data(), o, e);
  out = o.str();
  err = e.str();
  return code;
}

std::string writeTemp(const std::string& name, const std::string& bytes) {
  const fs::path dir = fs::temp_directory_path() / "gklint-fix-test";
  fs::create_directories(dir);
  const fs::path path = dir / name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

}  // namespace

TEST_CASE("check --fix rewrites a UTF-8 report and reports what remains", "[cli][fix]") {
  const std::string seed = gklint::test::readWholeFile(std::string(GKLINT_TEST_DIR) + "/corpus/seeds/003_8d3f9a9668695af1.txt");
  const std::string path = writeTemp("003.txt", seed);
  std::string out, err;
  CHECK(runGklint({"check", "--fix", "--fail-on", "never", path}, out, err) == 0);
  const std::string fixed = gklint::test::readWholeFile(path);
  CHECK(fixed.find("（一）存在问题。") != std::string::npos);
  CHECK(fixed.find("**五是**") == std::string::npos);
  CHECK(fixed.find("0954-7810188") != std::string::npos);
  CHECK(fixed.find("街道（邮编：756505，电话：0954-7810188）。") != std::string::npos);
  CHECK(err.find(": fixed ") != std::string::npos);
  // What remains cannot be fixed mechanically: the fee statement, the e-mail, "778余条".
  CHECK(out.find("[content/fee-statement]") != std::string::npos);
  CHECK(out.find("[text/approx-exact]") != std::string::npos);
  CHECK(out.find("[text/halfwidth-punct]") == std::string::npos);
  // A second run has nothing left to fix and changes nothing.
  CHECK(runGklint({"check", "--fix", "--fail-on", "never", path}, out, err) == 0);
  CHECK(gklint::test::readWholeFile(path) == fixed);
}

TEST_CASE("check --fix keeps a UTF-8 BOM and never rewrites a GB18030 file", "[cli][fix]") {
  const std::string bom = "\xEF\xBB\xBF";
  const std::string path = writeTemp("bom.txt", bom + "交岔乡人民政府2021年政府信息公开工作年度报告\n\n地址:彭阳县\n");
  std::string out, err;
  runGklint({"check", "--fix", "--fail-on", "never", path}, out, err);
  CHECK(gklint::test::readWholeFile(path) == bom + "交岔乡人民政府2021年政府信息公开工作年度报告\n\n地址：彭阳县\n");

  // "地址:彭阳县" in GB18030: 地 B5D8 址 D6B7 : 彭 C5ED 阳 D1F4 县 CFD8
  const std::string gb = "\xB5\xD8\xD6\xB7:\xC5\xED\xD1\xF4\xCF\xD8\n";
  const std::string gbPath = writeTemp("gb.txt", gb);
  runGklint({"check", "--fix", "--fail-on", "never", gbPath}, out, err);
  CHECK(gklint::test::readWholeFile(gbPath) == gb);
  CHECK(err.find("not fixed: the file is gb18030; re-save it as UTF-8 to use --fix") != std::string::npos);
}

TEST_CASE("check --fix on a folder fixes its text reports and checks its pages and Word files as they are", "[cli][fix]") {
  const fs::path dir = fs::temp_directory_path() / "gklint-fix-folder-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string text = "交岔乡人民政府2021年政府信息公开工作年度报告\n\n地址:彭阳县\n";
  std::ofstream(dir / "a.txt", std::ios::binary) << text;
  const std::string page = gklint::test::readWholeFile(std::string(GKLINT_TEST_DIR) + "/fixtures/html/pages/compliant/compliant-2021.portal.html");
  std::ofstream(dir / "b.html", std::ios::binary) << page;
  const std::string word = gklint::test::readWholeFile(std::string(GKLINT_TEST_DIR) + "/fixtures/docx/reports/text/markup-residue.docx");
  std::ofstream(dir / "c.docx", std::ios::binary) << word;
  std::string out, err;
  CHECK(runGklint({"check", "--fix", "--no-config", "--fail-on", "never", dir.string()}, out, err) == 0);
  CHECK(gklint::test::readWholeFile((dir / "a.txt").string()) == "交岔乡人民政府2021年政府信息公开工作年度报告\n\n地址：彭阳县\n");
  CHECK(gklint::test::readWholeFile((dir / "b.html").string()) == page);
  CHECK(gklint::test::readWholeFile((dir / "c.docx").string()) == word);
  CHECK(err.find((dir / "a.txt").string() + ": fixed 1 finding(s)\n") != std::string::npos);
  CHECK(err.find((dir / "b.html").string() + ": not fixed: --fix rewrites text reports only; correct this web page in the program that wrote it\n") !=
        std::string::npos);
  CHECK(err.find((dir / "c.docx").string() + ": not fixed: --fix rewrites text reports only; correct this Word document in the program that wrote it\n") !=
        std::string::npos);
  // The Word file's own findings are still reported.
  CHECK(out.find("c.docx:") != std::string::npos);
  fs::remove_all(dir);
}
