// Tests for engine/read/PipeTableScan and its use by the Markdown reader: reading the plain
// pipe tables directly gives exactly the blocks and tables the parser gives — on every Markdown
// file under tests/ and docs/, on variants made to probe each condition, and (when
// GKLINT_MD_EQUIVALENCE_DIR names a folder, e.g. the benchmark corpus) on every .md below it.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>

#include "engine/read/MarkdownReader.h"
#include "engine/read/PipeTableScan.h"

using namespace gklint;
namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string spanText(ByteSpan s) { return std::to_string(s.begin) + "-" + std::to_string(s.end); }

// Every block and table, with every span.
std::string dump(const ReadResult& r) {
  std::ostringstream out;
  for (const Block& b : r.blocks) {
    out << static_cast<int>(b.kind) << " " << spanText(b.span) << " " << spanText(b.content) << " h" << b.markdownLevel;
    for (const ByteSpan& m : b.markup) out << " m" << spanText(m);
    if (b.kind == BlockKind::Table) {
      const RawTable& t = r.tables.at(b.tableIndex);
      out << " table#" << b.tableIndex << " " << spanText(t.span) << " layout" << static_cast<int>(t.layout);
      for (const TableRow& row : t.rows) {
        out << "\n  row " << spanText(row.span) << ":";
        for (const TableCell& c : row.cells) out << " " << spanText(c.span);
      }
    }
    out << "\n";
  }
  out << r.tables.size() << " tables\n";
  return out.str();
}

void requireSameReading(const std::string& text, const std::string& what) {
  const std::string parsed = dump(readMarkdown(text, {/*readPlainTablesDirectly=*/false}));
  const std::string direct = dump(readMarkdown(text));
  INFO(what);
  REQUIRE(direct == parsed);
}

std::vector<fs::path> markdownFilesUnder(const fs::path& root) {
  std::vector<fs::path> files;
  if (!fs::exists(root)) return files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file() && e.path().extension() == ".md") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Concatenation without operator+ chains (GCC 12 reports a false -Wrestrict on those).
std::string join(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view p : parts) out += p;
  return out;
}

const std::string kTable = "| 信息内容 | 本年制发件数 |\n| --- | --- |\n| 规章 | 0 |\n| 行政规范性文件 | 1 |\n";

}  // namespace

TEST_CASE("plain pipe tables: a table after a blank line and before one is found, with its rows", "[markdown][tables]") {
  const std::string text = join({"# 二、主动公开政府信息情况\n\n", kTable, "\n后文。\n"});
  const std::vector<PlainPipeTable> tables = findPlainPipeTables(text);
  REQUIRE(tables.size() == 1);
  const size_t start = text.find("| 信息内容");
  CHECK(tables[0].region.begin == start);
  CHECK(tables[0].region.end == text.find("\n后文"));
  REQUIRE(tables[0].rows.size() == 3);  // header and two rows; the delimiter row is not one
  CHECK(tables[0].rows[0].begin == start);
  CHECK(text.substr(tables[0].rows[2].begin, tables[0].rows[2].end - tables[0].rows[2].begin) == "| 行政规范性文件 | 1 |");
}

TEST_CASE("plain pipe tables: what only the parser can decide is left to it", "[markdown][tables]") {
  const std::vector<std::pair<std::string, std::string>> parserOnly = {
      {"right under a heading", join({"# 标题\n", kTable})},
      {"right under a paragraph", join({"段落。\n", kTable})},
      {"a line glued to its end", join({"\n", kTable, "0\n"})},
      {"indented", join({"\n", " ", kTable})},
      {"inside fenced code", join({"```\n\n", kTable, "\n```\n"})},
      {"inside an HTML comment", join({"<!--\n\n", kTable, "\n-->\n"})},
      {"a document with a <pre> block", join({"<pre>\n</pre>\n\n", kTable})},
      {"delimiter cells do not match the header", "\n| a | b |\n| --- |\n| 1 | 2 |\n"},
      {"a delimiter of one hyphen", "\n| a | b |\n| - | - |\n| 1 | 2 |\n"},
      {"lone CR line breaks", "\r| a | b |\r| --- | --- |\r"},
      {"a row with a single pipe", join({"\n", kTable, "| 尾\n"})},
  };
  for (const auto& [what, text] : parserOnly) {
    INFO(what);
    CHECK(findPlainPipeTables(text).empty());
    requireSameReading(text, what);
  }
}

TEST_CASE("plain pipe tables: read directly, the reading is the parser's", "[markdown][tables]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"at the start, at the end without a break", kTable.substr(0, kTable.size() - 1)},
      {"two tables and prose", join({"一、总体情况\n\n", kTable, "\n（一）主动公开。\n\n", kTable, "\n"})},
      {"CRLF", "标题\r\n\r\n| a | b |\r\n| --- | --- |\r\n| 1 | 2 |\r\n\r\n后文\r\n"},
      {"escaped pipes and code", "\n| a \\| b | `c` |\n| :--- | ---: |\n| 1 | **2** |\n\n"},
      {"blank cells, no outer pipes on a row", "\n| a | b | c |\n|---|---|---|\n|  |  | 1 |\n| 2 | | |\n\n"},
      {"after a list and a quote", join({"- 项目\n  - 子项\n\n", kTable, "\n> 引文\n\n", kTable})},
      {"after a closed fence and a one-line comment", join({"```\ncode\n```\n\n<!-- gklint-disable -->\n\n", kTable})},
      {"a table inside a list item (parser's)", join({"- 项目\n\n  | a | b |\n  | --- | --- |\n\n", kTable})},
  };
  for (const auto& [what, text] : cases) requireSameReading(text, what);
}

TEST_CASE("plain pipe tables: every Markdown file in the repository reads the same both ways", "[markdown][tables]") {
  size_t files = 0, tables = 0;
  const fs::path tests = GKLINT_TEST_DIR;
  for (const fs::path& root : {tests, tests.parent_path() / "docs", tests.parent_path() / "examples"}) {
    for (const fs::path& path : markdownFilesUnder(root)) {
      const std::string text = readFile(path);
      tables += findPlainPipeTables(text).size();
      requireSameReading(text, path.string());
      ++files;
    }
  }
  CHECK(files > 20);
  CHECK(tables > 20);  // the seeds' tables are read directly
  if (const char* dir = std::getenv("GKLINT_MD_EQUIVALENCE_DIR")) {
    size_t extra = 0;
    for (const fs::path& path : markdownFilesUnder(dir)) {
      requireSameReading(readFile(path), path.string());
      ++extra;
    }
    WARN("compared " << extra << " more files under " << dir);
  }
}
