// Tests for cli/Cli and cli/main.cpp: global flags, and the real `gklint` executable run as a
// child process (exit status, stdout/stderr, no colour on a pipe).
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <regex>
#include <string>

#include "tests/cli/CliTestSupport.h"

using namespace gklint::clitest;

namespace {

struct ProcessRun {
  int status = -1;  // exit status, or -1 when the process did not exit normally
  std::string output;
};

// Runs `command` through the shell and captures its stdout (stderr too when the command
// redirects it).
ProcessRun runProcess(const std::string& command) {
  ProcessRun r;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) r.output.append(buffer, n);
  const int status = ::pclose(pipe);
  if (WIFEXITED(status)) r.status = WEXITSTATUS(status);
  return r;
}

std::string quoted(const std::string& s) { return "'" + s + "'"; }

}  // namespace

TEST_CASE("gklint --version prints the version and exits 0", "[cli]") {
  const CliRun r = runGklint({"--version"});
  CHECK(r.code == 0);
  CHECK(r.out == "0.1.0\n");
}

TEST_CASE("gklint --help exits 0 and lists the commands", "[cli]") {
  const CliRun r = runGklint({"--help"});
  CHECK(r.code == 0);
  CHECK(r.out.find("check") != std::string::npos);
  CHECK(r.out.find("explain") != std::string::npos);
  const CliRun check = runGklint({"check", "--help"});
  CHECK(check.code == 0);
  CHECK(check.out.find("--fail-on") != std::string::npos);
}

TEST_CASE("run can be called repeatedly in one process", "[cli]") {
  const std::string path = cliFixture("info-only-2021.txt");
  const CliRun first = runGklint({"check", "--fail-on", "info", path});
  const CliRun second = runGklint({"check", "--fail-on", "info", path});
  CHECK(first.code == 1);
  CHECK(second.code == first.code);
  CHECK(second.out == first.out);
  CHECK(second.err == first.err);
}

TEST_CASE("the gklint executable lints a seed report", "[cli][binary]") {
  const std::string seed = seed004();
  const ProcessRun r = runProcess(quoted(GKLINT_BINARY) + " check --fail-on warning " + quoted(seed) + " 2>&1");
  CHECK(r.status == 1);
  CHECK(r.output.find(seed + ":9:46: info: 疑似错别字“设量”，应为“设置” [text/typo]\n") != std::string::npos);
  CHECK(r.output.find(seed + ":272:1: warning: 一级标题编号“5、”应为“五、” [structure/heading-numbering]\n") !=
        std::string::npos);
  // The summary is the last line (stderr, after every finding on stdout).
  const size_t lastLine = r.output.rfind('\n', r.output.size() - 2) + 1;
  CHECK(std::regex_match(r.output.substr(lastLine),
                         std::regex("[0-9]+ error\\(s\\), [0-9]+ warning\\(s\\), [0-9]+ info in 1 file\\(s\\)\n")));
  CHECK(r.output.find('\033') == std::string::npos);  // stdout is a pipe: no colour
}

TEST_CASE("the gklint executable separates findings (stdout) from the summary (stderr)", "[cli][binary]") {
  const std::string path = cliFixture("info-only-2021.txt");
  const ProcessRun out = runProcess(quoted(GKLINT_BINARY) + " check --fail-on never " + quoted(path) + " 2>/dev/null");
  CHECK(out.status == 0);
  CHECK(out.output == path + ":13:37: info: 疑似错别字“设量”，应为“设置” [text/typo]\n");
  const ProcessRun err = runProcess(quoted(GKLINT_BINARY) + " check --fail-on never " + quoted(path) + " 2>&1 >/dev/null");
  CHECK(err.status == 0);
  CHECK(err.output == "0 error(s), 0 warning(s), 1 info in 1 file(s)\n");
}

TEST_CASE("the gklint executable exits 0 on a clean report and 2 on a missing one", "[cli][binary]") {
  const ProcessRun clean = runProcess(quoted(GKLINT_BINARY) + " check " + quoted(cliFixture("clean-2021.txt")) + " 2>&1");
  CHECK(clean.status == 0);
  CHECK(clean.output == "0 error(s), 0 warning(s), 0 info in 1 file(s)\n");
  const std::string missing = testPath("fixtures/cli/no-such-report.txt");
  const ProcessRun r = runProcess(quoted(GKLINT_BINARY) + " check " + quoted(missing) + " 2>&1");
  CHECK(r.status == 2);
  CHECK(r.output == missing + ": error: no such file or folder\n0 error(s), 0 warning(s), 0 info in 1 file(s); 1 "
                              "file(s) could not be read\n");
  CHECK(runProcess(quoted(GKLINT_BINARY) + " --version").output == "0.1.0\n");
}
