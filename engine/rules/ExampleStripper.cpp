#include "engine/rules/ExampleStripper.h"

namespace gklint {
namespace {

size_t indentOf(std::string_view line) {
  const size_t n = line.find_first_not_of(' ');
  return n == std::string_view::npos ? line.size() : n;
}

bool blankOrComment(std::string_view line) {
  const size_t n = line.find_first_not_of(" \t\r");
  return n == std::string_view::npos || line[n] == '#';
}

// "tests:" at `indent`, then nothing but blanks or a comment.
bool isTestsKey(std::string_view line, size_t indent) {
  constexpr std::string_view kKey = "tests:";
  if (line.substr(indent, kKey.size()) != kKey) return false;
  return blankOrComment(line.substr(indent + kKey.size()));
}

}  // namespace

std::string withoutExamples(std::string_view yaml) {
  std::string out;
  out.reserve(yaml.size());
  bool inTests = false;
  size_t testsIndent = 0;
  size_t pos = 0;
  while (pos < yaml.size()) {
    size_t end = yaml.find('\n', pos);
    const bool lastLine = end == std::string_view::npos;
    if (lastLine) end = yaml.size();
    const std::string_view line = yaml.substr(pos, end - pos);
    const size_t indent = indentOf(line);
    if (inTests && !blankOrComment(line)) {
      const bool deeper = indent > testsIndent;
      const bool itemAtKeyIndent = indent == testsIndent && line.substr(indent, 1) == "-";
      inTests = deeper || itemAtKeyIndent;
    }
    if (!inTests && isTestsKey(line, indent)) {
      inTests = true;
      testsIndent = indent;
    }
    if (!inTests) out.append(line);
    if (!lastLine) out += '\n';
    pos = end + 1;
  }
  return out;
}

}  // namespace gklint
