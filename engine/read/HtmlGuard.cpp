#include "engine/read/HtmlGuard.h"

#include <gumbo.h>

#include <array>
#include <cctype>
#include <string>

#include "engine/read/HtmlOpenElements.h"

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

unsigned lineAt(std::string_view page, size_t offset) {
  unsigned line = 1;
  for (size_t k = 0; k < offset; ++k) line += page[k] == '\n' ? 1 : 0;
  return line;
}

bool equalsNoCase(std::string_view a, std::string_view lowered) {
  if (a.size() != lowered.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != lowered[i]) return false;
  }
  return true;
}

}  // namespace

std::optional<MarkdownHazard> findHtmlHazard(std::string_view page, HtmlTreeBuilderWork* measured) {
  unsigned depth = 0;
  size_t i = 0;
  char name[16];
  HtmlOpenElements parser;
  uint64_t tags = 0, work = 0;
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
    const bool longName = n == sizeof name && i < page.size() && std::isalnum(static_cast<unsigned char>(page[i]));
    if (!closing && (equalsNoCase(tag, "script") || equalsNoCase(tag, "style"))) {
      // Their content is not markup: skip to the matching end tag.
      const std::string end = "</" + std::string(tag);
      size_t j = i;
      while ((j = page.find("</", j)) != std::string_view::npos && !equalsNoCase(page.substr(j, end.size()), end)) j += 2;
      if (j == std::string_view::npos) break;
      i = j + end.size();
      continue;
    }
    if (n > 0) {
      const GumboTag known = longName ? GUMBO_TAG_UNKNOWN : gumbo_tagn_enum(name, static_cast<unsigned>(n));
      if (closing) {
        parser.end(known);
      } else {
        // The attributes, up to the next '>' or '<' (so that no byte is read twice) and 1 KB.
        const std::string_view rest = page.substr(i, 1024);
        parser.start(known, rest.substr(0, rest.find_first_of("<>")));
      }
      ++tags;
      work += parser.load();
      if (measured) *measured = {tags, work};
      if (work > kMinTreeBuilderWork && work > kMaxTreeBuilderLoad * tags) {
        const unsigned line = lineAt(page, start);
        return MarkdownHazard{static_cast<uint32_t>(start), line,
                              "the page keeps " + std::to_string(parser.load()) + " elements open at <" +
                                  std::string(closing ? "/" : "") + std::string(tag) + "> (line " +
                                  std::to_string(line) +
                                  "), so that the HTML parser would search or copy them at every tag, for minutes; "
                                  "no report page does: is this really a report? Save the article as .txt and check that"};
      }
    }
    if (!isNestingBlock(tag)) continue;
    if (closing) {
      depth -= depth > 0 ? 1 : 0;
      continue;
    }
    // A self-closing "<div/>" opens a div in HTML all the same.
    if (++depth > kMaxHtmlBlockDepth) {
      const unsigned line = lineAt(page, start);
      return MarkdownHazard{static_cast<uint32_t>(start), line,
                            "the page nests block elements more than " + std::to_string(kMaxHtmlBlockDepth) +
                                " deep (<" + std::string(tag) + "> at line " + std::to_string(line) +
                                "); no report page does: is this really a report? Save the article as .txt and check that"};
    }
  }
  return std::nullopt;
}

}  // namespace gklint
