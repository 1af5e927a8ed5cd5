#include "lsp/Hover.h"

#include <algorithm>
#include <cctype>

#include "lsp/Convert.h"

namespace gklint::lsp {
namespace {

std::string escapeMarkdown(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' || c == '<' || c == '>') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool asciiWord(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

}  // namespace

std::string unwrapParagraphs(std::string_view text) {
  std::string out;
  bool paragraphBreak = false;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = trim(text.substr(start, end - start));
    if (line.empty()) {
      paragraphBreak = !out.empty();
    } else {
      if (paragraphBreak) out += "\n\n";
      else if (!out.empty() && asciiWord(out.back()) && asciiWord(line.front())) out += ' ';
      out += line;
      paragraphBreak = false;
    }
    start = end + 1;
  }
  return out;
}

std::vector<HoverSection> findingHover(const DocumentAnalysis& analysis, uint32_t offset) {
  std::vector<HoverSection> sections;
  std::vector<std::string> seen;
  for (const Finding& f : analysis.findings) {
    const bool here = f.span.contains(offset) || (f.span.empty() && f.span.begin == offset);
    if (!here || std::find(seen.begin(), seen.end(), f.ruleId) != seen.end()) continue;
    seen.push_back(f.ruleId);
    HoverSection section;
    section.span = f.span;
    const Check* check = analysis.rules ? analysis.rules->find(f.ruleId) : nullptr;
    const std::string severity(severityName(f.severity));
    if (check == nullptr) {  // cannot happen for findings of this rule set; kept safe anyway
      section.markdown = escapeMarkdown(f.message) + "\n\n`" + f.ruleId + "` · " + severity;
      section.plaintext = f.message + "\n\n[" + f.ruleId + "] " + severity;
    } else {
      const RuleInfo& info = check->info();
      const std::string description = unwrapParagraphs(info.description);
      section.markdown = "**" + escapeMarkdown(info.summary) + "**";
      section.plaintext = info.summary;
      if (!description.empty()) {
        section.markdown += "\n\n" + escapeMarkdown(description);
        section.plaintext += "\n\n" + description;
      }
      if (!info.source.empty()) {
        section.markdown += "\n\n依据：" + escapeMarkdown(info.source);
        section.plaintext += "\n\n依据：" + info.source;
      }
      section.markdown += "\n\n`" + info.id + "` · " + severity;
      section.plaintext += "\n\n[" + info.id + "] " + severity;
    }
    sections.push_back(std::move(section));
  }
  return sections;
}

std::optional<Hover> hoverAt(const DocumentAnalysis& analysis, uint32_t offset, const HoverOptions& options) {
  std::vector<HoverSection> sections = findingHover(analysis, offset);
  for (HoverSection& s : tableCellHover(analysis, offset)) sections.push_back(std::move(s));
  if (sections.empty()) return std::nullopt;
  Hover hover;
  hover.contents.kind = options.markdown ? "markdown" : "plaintext";
  for (size_t i = 0; i < sections.size(); ++i) {
    if (i > 0) hover.contents.value += options.markdown ? "\n\n---\n\n" : "\n\n";
    hover.contents.value += options.markdown ? sections[i].markdown : sections[i].plaintext;
  }
  hover.range = toRange(analysis.source(), sections.front().span, options.encoding);
  return hover;
}

}  // namespace gklint::lsp
