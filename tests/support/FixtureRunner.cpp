#include "tests/support/FixtureRunner.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/Analyzer.h"

namespace gklint::test {

namespace fs = std::filesystem;

std::string readWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> renderFindings(const std::string& path) {
  static const RuleLoadResult rules = loadBuiltinRules();
  const std::string bytes = readWholeFile(path);
  Analysis analysis = analyzeBytes(path, bytes, formatFromPath(path).value_or(DocumentFormat::Text), rules.rules);
  if (!analysis.ok()) return {"error: " + analysis.error};
  std::vector<std::string> lines;
  for (const Finding& f : analysis.findings) {
    const Position p = analysis.source->position(f.span.begin, ColumnUnit::CodePoints);
    lines.push_back(std::to_string(p.line + 1) + ":" + std::to_string(p.column + 1) + ": " +
                    std::string(severityName(f.severity)) + ": " + f.message + " [" + f.ruleId + "]");
  }
  return lines;
}

std::vector<std::string> readExpectations(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    lines.push_back(line);
  }
  return lines;
}

std::vector<std::string> reportFilesUnder(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const std::string ext = entry.path().extension().string();
    if (ext == ".txt" || ext == ".md") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace gklint::test
