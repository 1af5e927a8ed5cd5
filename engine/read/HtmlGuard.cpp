#include "engine/read/HtmlGuard.h"

#include <array>
#include <cctype>
#include <string>

namespace gklint {
namespace {

// Block elements that nest (p, li, dd, dt, tr, td close their open siblings; they are not counted).
bool isNestingBlock(std::string_view name) {
  static constexpr std::array<std::string_view, 21> kNames = {
      "div",  "section", "article", "aside",  "nav",    "header",     "footer", "main",  "blockquote", "center", "ul",
      "ol",   "dl",      "table",   "form",   "fieldset", "figure",   "details", "address", "menu", "dir"};
  for (std::string_view n : kNames) {
    if (name == n) return true;
  }
  return false;
}

bool equalsNoCase(std::string_view a, std::string_view lowered) {
  if (a.size() != lowered.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != lowered[i]) return false;
  }
  return true;
}

}  // namespace

std::optional<MarkdownHazard> findHtmlHazard(std::string_view page) {
  unsigned depth = 0;
  size_t i = 0;
  char name[16];
  while ((i = page.find('<', i)) != std::string_view::npos) {
    const size_t start = i++;
    if (page.substr(start, 4) == "<!--") {
      const size_t end = page.find("-->", start + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    const bool closing = i < page.size() && page[i] == '/';
    if (closing) ++i;
    size_t n = 0;
    while (i < page.size() && n < sizeof name && std::isalnum(static_cast<unsigned char>(page[i]))) {
      name[n++] = static_cast<char>(std::tolower(static_cast<unsigned char>(page[i++])));
    }
    const std::string_view tag(name, n);
    if (!closing && (equalsNoCase(tag, "script") || equalsNoCase(tag, "style"))) {
      // Their content is not markup: skip to the matching end tag.
      const std::string end = "</" + std::string(tag);
      size_t j = i;
      while ((j = page.find("</", j)) != std::string_view::npos && !equalsNoCase(page.substr(j, end.size()), end)) j += 2;
      if (j == std::string_view::npos) break;
      i = j + end.size();
      continue;
    }
    if (!isNestingBlock(tag)) continue;
    if (closing) {
      depth -= depth > 0 ? 1 : 0;
      continue;
    }
    // A self-closing "<div/>" opens a div in HTML all the same.
    if (++depth > kMaxHtmlBlockDepth) {
      unsigned line = 1;
      for (size_t k = 0; k < start; ++k) line += page[k] == '\n' ? 1 : 0;
      return MarkdownHazard{static_cast<uint32_t>(start), line,
                            "the page nests block elements more than " + std::to_string(kMaxHtmlBlockDepth) +
                                " deep (<" + std::string(tag) + "> at line " + std::to_string(line) +
                                "); no report page does: is this really a report? Save the article as .txt and check that"};
    }
  }
  return std::nullopt;
}

}  // namespace gklint
