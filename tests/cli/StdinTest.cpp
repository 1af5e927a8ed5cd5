// Tests for `gklint check -` (cli/CheckCommand): one report read from standard input, named by
// --stdin-filename for its format, its .gklint.yaml and the output; --fix refused. Runs the
// gklint executable, since the report comes through a real standard input (a pipe or a file).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

#include "tests/cli/CliTestSupport.h"

using namespace gklint::clitest;

namespace {

struct ProcessRun {
  int code = -1;
  std::string out, err;
};

// Runs `gklint ARGS < input` in `folder` through the shell; `viaPipe` feeds it through cat.
ProcessRun runWithStdin(const TempDir& dir, const std::string& args, const std::string& input, bool viaPipe) {
  dir.write("stdin.bytes", input);
  const std::string folder = dir.path().string();
  const std::string feed = viaPipe ? "cat stdin.bytes | " : "";
  const std::string command = "cd '" + folder + "' && " + feed + "'" GKLINT_BINARY "' " + args +
                              (viaPipe ? "" : " < stdin.bytes") + " > out.txt 2> err.txt";
  ProcessRun r;
  const int status = std::system(command.c_str());
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = readBytes(folder + "/out.txt");
  r.err = readBytes(folder + "/err.txt");
  return r;
}

}  // namespace

TEST_CASE("stdin: check - lints standard input, named <stdin>, from a pipe or a file", "[cli][stdin]") {
  TempDir dir;
  const std::string report = readBytes(cliFixture("non-bmp-2021.txt"));
  for (const bool viaPipe : {true, false}) {
    const ProcessRun r = runWithStdin(dir, "check -", report, viaPipe);
    CHECK(r.code == 0);
    CHECK(r.out == "<stdin>:13:39: info: 疑似错别字“设量”，应为“设置” [text/typo]\n");
    CHECK(r.err == "0 error(s), 0 warning(s), 1 info in 1 file(s)\n");
  }
}

TEST_CASE("stdin: --stdin-filename names the report in the output and picks its format and configuration",
          "[cli][stdin]") {
  TempDir dir;
  dir.write("county/.gklint.yaml", "rules:\n  text/typo: error\n");
  const std::string report = readBytes(cliFixture("non-bmp-2021.txt"));
  const ProcessRun r = runWithStdin(dir, "check - --stdin-filename county/乡政府.txt --format github", report, true);
  CHECK(r.code == 1);  // the folder's configuration made the typo an error
  CHECK(r.out ==
        "::error file=county/乡政府.txt,line=13,col=39,endLine=13,endColumn=41,title=text/typo::疑似错别字“设量”，应为“设置”\n");
  // As Markdown the same text has no pipe tables: the three tables are reported missing.
  const ProcessRun md = runWithStdin(dir, "check - --stdin-filename 乡政府.md", report, true);
  CHECK(md.code == 1);
  CHECK(md.out.find("乡政府.md:19:1: error: 该部分没有表二") != std::string::npos);
  // Without the name, the same text is a plain-text report: no table is missing.
  CHECK(runWithStdin(dir, "check -", report, true).out.find("table/missing") == std::string::npos);
}

TEST_CASE("stdin: what cannot work is refused with what to do", "[cli][stdin]") {
  TempDir dir;
  const std::string report = readBytes(cliFixture("non-bmp-2021.txt"));
  const ProcessRun fix = runWithStdin(dir, "check --fix -", report, true);
  CHECK(fix.code == 2);
  CHECK(fix.out.empty());
  CHECK(fix.err ==
        "gklint: error: --fix cannot rewrite standard input; save the report to a file and run gklint check --fix FILE\n");
  const ProcessRun mixed = runWithStdin(dir, "check - stdin.bytes", report, true);
  CHECK(mixed.code == 2);
  CHECK(mixed.err == "gklint: error: '-' (standard input) cannot be mixed with other paths; give it alone\n");
  const ProcessRun unnamed = runWithStdin(dir, "check --stdin-filename a.txt stdin.bytes", report, true);
  CHECK(unnamed.code == 2);
  CHECK(unnamed.err == "gklint: error: --stdin-filename names standard input; give '-' as the path\n");
  const ProcessRun format = runWithStdin(dir, "check - --stdin-filename a.rtf", report, true);
  CHECK(format.code == 2);
  CHECK(format.err ==
        "gklint: error: --stdin-filename a.rtf: cannot tell the report's format from this name (use a .txt or .md name)\n");
  const ProcessRun broken = runWithStdin(dir, "check -", std::string("\xFF\xFE\x00\xD8", 4), true);
  CHECK(broken.code == 2);
  CHECK(broken.err.rfind("<stdin>: error: invalid UTF-16 at byte offset 2", 0) == 0);
}
