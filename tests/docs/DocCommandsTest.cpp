// DocCommandsTest: documentation that shows gklint commands proves them. A Markdown page under
// docs/ opts in with a line `<!-- doctest: cwd=PATH -->` (PATH relative to the repository); each
// "$ gklint …" line inside its ```console blocks is run with the built binary, in a fresh copy
// of PATH (so commands may write files), and its output (stdout and stderr, as a terminal shows
// them) must equal the lines after it, up to the next "$ " line or the end of the block.
// A command ending in "# exit N" must also exit with N.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "tests/support/FixtureRunner.h"

namespace fs = std::filesystem;

namespace {

struct DocCommand {
  int line = 0;             // 1-based line of the command in the page
  std::string command;      // after "$ "
  std::string expected;     // the lines after it, joined with '\n'
  int exitCode = -1;        // -1: not checked
};

std::string rtrim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.pop_back();
  return s;
}

std::vector<DocCommand> parseCommands(const std::string& page) {
  std::vector<DocCommand> commands;
  std::istringstream in(page);
  std::string line;
  bool inConsole = false;
  DocCommand* current = nullptr;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    line = rtrim(line);
    if (!inConsole && line == "```console") {
      inConsole = true;
      current = nullptr;
      continue;
    }
    if (inConsole && line == "```") {
      inConsole = false;
      current = nullptr;
      continue;
    }
    if (!inConsole) continue;
    if (line.rfind("$ ", 0) == 0) {
      DocCommand c;
      c.line = number;
      c.command = line.substr(2);
      static const std::regex exitNote(R"(\s+#\s*exit\s+(\d+)$)");
      std::smatch m;
      if (std::regex_search(c.command, m, exitNote)) {
        c.exitCode = std::stoi(m[1]);
        c.command = c.command.substr(0, static_cast<size_t>(m.position(0)));
      }
      commands.push_back(c);
      current = &commands.back();
    } else if (current) {
      current->expected += (current->expected.empty() ? "" : "\n") + line;
    }
  }
  return commands;
}

// Runs `command` (which must start with "gklint ") in `cwd`; output as a terminal shows it.
std::string runCommand(const std::string& command, const fs::path& cwd, int& exitCode) {
  const std::string shell = "cd '" + cwd.string() + "' && " + std::string(GKLINT_BINARY) + command.substr(6) + " 2>&1";
  FILE* pipe = popen(shell.c_str(), "r");
  std::string out;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  const int status = pclose(pipe);
  exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::istringstream lines(out);
  std::string line, trimmed;
  while (std::getline(lines, line)) trimmed += (trimmed.empty() ? "" : "\n") + rtrim(line);
  return trimmed;
}

}  // namespace

TEST_CASE("every gklint command shown in an opted-in doc page prints what the page says", "[docs]") {
  const fs::path repo = fs::path(GKLINT_TEST_DIR).parent_path();
  int pages = 0;
  for (const auto& entry : fs::recursive_directory_iterator(repo / "docs")) {
    if (entry.path().extension() != ".md") continue;
    const std::string page = gklint::test::readWholeFile(entry.path().string());
    static const std::regex marker(R"(<!--\s*doctest:\s*cwd=(\S+)\s*-->)");
    std::smatch m;
    if (!std::regex_search(page, m, marker)) continue;
    ++pages;
    const fs::path source = repo / m[1].str();
    const fs::path work = fs::temp_directory_path() / ("gklint-doctest-" + entry.path().stem().string());
    fs::remove_all(work);
    fs::copy(source, work, fs::copy_options::recursive);
    // In order, in one pass: a tutorial's later steps see the files earlier ones wrote.
    for (const DocCommand& c : parseCommands(page)) {
      INFO(entry.path().filename().string() << ":" << c.line << ": $ " << c.command);
      REQUIRE(c.command.rfind("gklint ", 0) == 0);
      int exitCode = 0;
      const std::string actual = runCommand(c.command, work, exitCode);
      CHECK(actual == c.expected);
      if (c.exitCode >= 0) CHECK(exitCode == c.exitCode);
    }
  }
  CHECK(pages >= 1);  // docs/authoring.md at least
}
