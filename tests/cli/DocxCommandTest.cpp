// CLI tests for Word reports: `gklint check`/`tables` read .docx files and folders holding them,
// refuse hostile ones with exit 2 and the reader's message, and never rewrite a .docx with --fix.
#include <catch2/catch.hpp>

#include <regex>

#include "tests/cli/CliTestSupport.h"

using namespace gklint::clitest;

namespace {
std::string docxFixture(const std::string& name) { return testPath("fixtures/docx/" + name); }
}  // namespace

TEST_CASE("check reads a .docx like its .txt", "[cli][docx]") {
  const std::string docx = docxFixture("reports/content/contact-missing-all.docx");
  const std::string txt = testPath("fixtures/reports/content/contact-missing-all.txt");
  const CliRun word = runGklint({"check", "--format", "json", docx});
  const CliRun text = runGklint({"check", "--format", "json", txt});
  CHECK(word.code == 0);  // warnings only: below --fail-on error
  CHECK(word.code == text.code);
  CHECK(word.out.find("未提供联系方式中的地址") != std::string::npos);
  const CliRun clean = runGklint({"check", docxFixture("reports/compliant/compliant-2021.docx")});
  CHECK(clean.code == 0);
}

TEST_CASE("check DIR picks up .docx reports", "[cli][docx]") {
  TempDir dir;
  dir.write("a/report.docx", readBytes(docxFixture("reports/content/contact-missing-all.docx")));
  dir.write("b/clean.docx", readBytes(docxFixture("reports/compliant/compliant-2021.docx")));
  const CliRun r = runGklint({"check", dir.path().string()});
  CHECK(r.code == 0);
  CHECK(r.err == "0 error(s), 4 warning(s), 0 info in 2 file(s)\n");
}

TEST_CASE("hostile .docx files exit 2 with the reader's message", "[cli][docx]") {
  const std::pair<const char*, const char*> cases[] = {
      {"hostile/zip-bomb.docx", "inflates to more than 48 MiB (a zip bomb, or not a report)"},
      {"hostile/encrypted.docx", "encrypted or password-protected Word document: remove the password"},
      {"hostile/legacy.doc", "binary Word document (.doc), not .docx: open it in Word or WPS and save as .docx"},
      {"hostile/doctype.docx", "declares a DTD or entities"},
      {"hostile/truncated.docx", "damaged .docx: the zip package is truncated or damaged"},
      {"hostile/not-ooxml.docx", "a zip archive, but not a Word document: it has no word/document.xml"},
  };
  for (const auto& [name, message] : cases) {
    DYNAMIC_SECTION(name) {
      const std::string path = docxFixture(name);
      const CliRun r = runGklint({"check", path});
      CHECK(r.code == 2);
      CHECK(r.err.rfind(path + ": error: ", 0) == 0);
      CHECK(r.err.find(message) != std::string::npos);
    }
  }
}

TEST_CASE("a .docx is never rewritten by --fix", "[cli][docx][fix]") {
  TempDir dir;
  const std::string original = readBytes(docxFixture("reports/text/markup-residue.docx"));
  const std::string path = dir.write("report.docx", original);
  const CliRun r = runGklint({"check", "--fix", path});
  CHECK(r.code == 2);  // refused up front: the fixes edit text, and a Word document is not that text
  CHECK(readBytes(path) == original);
  CHECK(r.err == path + ": error: --fix edits .txt and .md reports only; fix the docx in the program that made it "
                        "(or check without --fix)\n");
}

TEST_CASE("tables shows the tables of a .docx", "[cli][docx]") {
  const CliRun word = runGklint({"tables", docxFixture("seeds/001_300c643672395d3d.docx")});
  const CliRun text = runGklint({"tables", testPath("corpus/seeds/001_300c643672395d3d.txt")});
  CHECK(word.code == 0);
  // The same rows and cells; places are the document's (¶, 表/行/列) instead of the text's line:column.
  CHECK(word.out.find("  gov-2019/t2 at ¶10:1, tab-separated rows, 8/8 rows\n    R01  表1:行2:列1  规章 | 0 26 26\n") !=
        std::string::npos);
  const auto withoutPlaces = [](std::string out) {
    out = out.substr(out.find('\n'));
    out = std::regex_replace(out, std::regex(" at [^,]+,"), " at _,");
    return std::regex_replace(out, std::regex("\n(    R[0-9]+  )\\S+  "), "\n$1_  ");
  };
  CHECK(withoutPlaces(word.out) == withoutPlaces(text.out));
}
