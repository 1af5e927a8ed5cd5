#include "engine/read/HtmlGuard.h"

#include <gumbo.h>

#include <string>

#include "engine/read/HtmlOpenElements.h"

namespace gklint {
namespace {

// Block elements that nest (p, li, dd, dt, tr, td close their open siblings; they are not counted).
bool isNestingBlock(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_MAIN: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_CENTER:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_TABLE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGURE: case GUMBO_TAG_DETAILS: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_MENU:
    case GUMBO_TAG_DIR:
      return true;
    default:
      return false;
  }
}

unsigned lineAt(std::string_view page, size_t offset) {
  unsigned line = 1;
  for (size_t k = 0; k < offset; ++k) line += page[k] == '\n' ? 1 : 0;
  return line;
}

bool isAsciiAlnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char asciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equalsNoCase(std::string_view a, std::string_view lowered) {
  if (a.size() != lowered.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (asciiLower(a[i]) != lowered[i]) return false;
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
    if (start + 3 < page.size() && page[start + 1] == '!' && page[start + 2] == '-' && page[start + 3] == '-') {
      const size_t end = page.find("-->", start + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    const bool closing = i < page.size() && page[i] == '/';
    if (closing) ++i;
    size_t n = 0;
    while (i < page.size() && n < sizeof name && isAsciiAlnum(page[i])) name[n++] = asciiLower(page[i++]);
    if (n == 0) continue;  // "<!DOCTYPE", "< ", "</ ": no element
    const std::string_view tagName(name, n);
    const bool longName = n == sizeof name && i < page.size() && isAsciiAlnum(page[i]);
    const GumboTag tag = longName ? GUMBO_TAG_UNKNOWN : gumbo_tagn_enum(name, static_cast<unsigned>(n));
    if (!closing && (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE)) {
      // Their content is not markup: skip to the matching end tag.
      const std::string end = "</" + std::string(tagName);
      size_t j = i;
      while ((j = page.find("</", j)) != std::string_view::npos && !equalsNoCase(page.substr(j, end.size()), end)) j += 2;
      if (j == std::string_view::npos) break;
      i = j + end.size();
      continue;
    }
    if (closing) {
      parser.end(tag);
    } else if (HtmlOpenElements::isFormatting(tag)) {
      // Its attributes tell identical formatting elements apart: up to the next '>' or '<' (so
      // that no byte is read twice), 1 KB at most.
      size_t end = i;
      while (end < page.size() && end - i < 1024 && page[end] != '>' && page[end] != '<') ++end;
      parser.start(tag, page.substr(i, end - i));
    } else {
      parser.start(tag, {});
    }
    ++tags;
    work += parser.load();
    if (measured) *measured = {tags, work};
    if (work > kMinTreeBuilderWork && work > kMaxTreeBuilderLoad * tags) {
      const unsigned line = lineAt(page, start);
      return MarkdownHazard{static_cast<uint32_t>(start), line,
                            "the page keeps " + std::to_string(parser.load()) + " elements open at <" +
                                std::string(closing ? "/" : "") + std::string(tagName) + "> (line " +
                                std::to_string(line) +
                                "), so that the HTML parser would search or copy them at every tag, for minutes; "
                                "no report page does: is this really a report? Save the article as .txt and check that"};
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
                                " deep (<" + std::string(tagName) + "> at line " + std::to_string(line) +
                                "); no report page does: is this really a report? Save the article as .txt and check that"};
    }
  }
  return std::nullopt;
}

}  // namespace gklint
