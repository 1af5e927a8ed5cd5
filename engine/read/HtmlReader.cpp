#include "engine/read/HtmlReader.h"

#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "engine/read/HtmlBody.h"
#include "engine/read/HtmlRegion.h"

namespace gklint {
namespace {

using html::Anchor;
using html::Container;
using html::Line;

// Caps from the HTML standard: a cell spans at most 1000 columns and 65534 rows.
constexpr uint32_t kMaxColspan = 1000;
constexpr uint32_t kMaxRowspan = 65534;
// A "cell" longer than this that holds block elements is a page column, not a table cell.
constexpr size_t kMaxDataCellBytes = 900;

// Text being built, a line or a table cell: collapses HTML white space (runs of space, tab, line
// breaks and U+00A0 are one space; none at either end) and records where each run came from.
class Run {
 public:
  std::string text;
  std::vector<Anchor> anchors;
  uint32_t linkBytes = 0;

  void space(uint32_t source) {
    if (text.empty() || suppressSpace_ || pendingSpace_) return;
    pendingSpace_ = true;
    pendingSource_ = source;
  }
  // A block boundary inside a cell: the pieces on either side are joined without a space.
  void join() {
    pendingSpace_ = false;
    suppressSpace_ = !text.empty();
  }
  void append(std::string_view bytes, uint32_t source, bool verbatim, bool inLink) {
    if (pendingSpace_) push(" ", pendingSource_, false, inLink);
    pendingSpace_ = false;
    suppressSpace_ = false;
    push(bytes, source, verbatim, inLink);
  }
  // Appends another run's text and anchors (a cell into its row).
  void appendRun(const Run& other) {
    const auto base = static_cast<uint32_t>(text.size());
    for (const Anchor& a : other.anchors) anchors.push_back({base + a.linted, a.source, a.verbatim});
    text += other.text;
    linkBytes += other.linkBytes;
  }
  void appendSeparator(char c, uint32_t source) {
    anchors.push_back({static_cast<uint32_t>(text.size()), source, false});
    text.push_back(c);
  }
  void clear() { *this = Run(); }

 private:
  void push(std::string_view bytes, uint32_t source, bool verbatim, bool inLink) {
    const auto at = static_cast<uint32_t>(text.size());
    bool extends = false;
    if (!anchors.empty()) {
      const Anchor& last = anchors.back();
      extends = verbatim ? last.verbatim && last.source + (at - last.linted) == source
                         : !last.verbatim && last.source == source;
    }
    if (!extends) anchors.push_back({at, source, verbatim});
    text.append(bytes);
    if (inLink) linkBytes += static_cast<uint32_t>(bytes.size());
  }

  bool pendingSpace_ = false;
  bool suppressSpace_ = false;
  uint32_t pendingSource_ = 0;
};

bool isHtmlSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

size_t utf8Length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// End of a character reference starting at `i` ('&'), or `i` when it is none.
size_t referenceEnd(std::string_view s, size_t i) {
  size_t j = i + 1;
  if (j < s.size() && s[j] == '#') {
    ++j;
    const bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
    if (hex) ++j;
    const size_t digits = j;
    while (j < s.size() && (hex ? std::isxdigit(static_cast<unsigned char>(s[j])) : std::isdigit(static_cast<unsigned char>(s[j])))) ++j;
    if (j == digits) return i;
  } else {
    const size_t name = j;
    while (j < s.size() && j - name < 40 && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
    if (j == name) return i;
  }
  if (j < s.size() && s[j] == ';') ++j;
  return j;
}

std::string_view attribute(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

uint32_t spanAttribute(const GumboElement& e, const char* name, uint32_t cap) {
  const std::string_view v = attribute(e, name);
  uint32_t n = 0;
  size_t i = 0;
  while (i < v.size() && isHtmlSpace(static_cast<unsigned char>(v[i]))) ++i;
  for (; i < v.size() && std::isdigit(static_cast<unsigned char>(v[i])); ++i) n = std::min<uint32_t>(n * 10 + static_cast<uint32_t>(v[i] - '0'), cap);
  return n;
}

bool isHidden(const GumboElement& e) {
  if (gumbo_get_attribute(&e.attributes, "hidden")) return true;
  std::string style(attribute(e, "style"));
  style.erase(std::remove_if(style.begin(), style.end(), [](unsigned char c) { return isHtmlSpace(c); }), style.end());
  std::transform(style.begin(), style.end(), style.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

bool isSkipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH: case GUMBO_TAG_SELECT: case GUMBO_TAG_BUTTON: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_MAP: case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_FRAMESET:
      return true;
    default:
      return false;
  }
}

// Elements that start and end a line of text.
bool isBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_ASIDE: case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CENTER:
    case GUMBO_TAG_FORM: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HR:
    case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_LEGEND: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
      return true;
    default:
      return false;
  }
}

// Elements that may be the report body.
bool isContainer(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_BODY: case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_CENTER: case GUMBO_TAG_FORM: case GUMBO_TAG_BLOCKQUOTE:
      return true;
    default:
      return false;
  }
}

std::string tagName(const GumboNode* node) {
  const GumboElement& e = node->v.element;
  if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
  GumboStringPiece piece = e.original_tag;
  gumbo_tag_from_original_text(&piece);
  std::string name(piece.data ? std::string(piece.data, piece.length) : "unknown");
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name;
}

// "div#zoom.article-content": tag, id and classes.
std::string selector(const GumboNode* node) {
  const GumboElement& e = node->v.element;
  std::string out = tagName(node);
  html::appendIdAndClasses(out, attribute(e, "id"), attribute(e, "class"));
  return out;
}

std::string cssPath(const GumboNode* node) {
  std::vector<std::string> parts;
  for (const GumboNode* n = node; n && n->type == GUMBO_NODE_ELEMENT && n->v.element.tag != GUMBO_TAG_HTML; n = n->parent) {
    parts.push_back(selector(n));
  }
  std::string out;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) out.append(out.empty() ? "" : " > ").append(*it);
  return out;
}

// Where an element starts in the page (gumbo's offset into its input, plus `shift`: where that
// input starts in the page); an element the parser inserted (no tag in the source) starts where
// its first child with a source position does.
uint32_t sourceOffset(const GumboNode* node, uint32_t fallback, uint32_t shift) {
  for (int depth = 0; node && depth < 64; ++depth) {
    if (node->type == GUMBO_NODE_ELEMENT) {
      if (node->v.element.original_tag.length > 0) return static_cast<uint32_t>(node->v.element.start_pos.offset) + shift;
      if (node->v.element.children.length == 0) return fallback;
      node = static_cast<const GumboNode*>(node->v.element.children.data[0]);
    } else if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      return static_cast<uint32_t>(node->v.text.start_pos.offset) + shift;
    } else {
      return fallback;
    }
  }
  return fallback;
}

// Iterative: inline elements may nest as deep as a hostile page likes.
bool hasDescendantTable(const GumboNode* node) {
  std::vector<const GumboNode*> pending = {node};
  while (!pending.empty()) {
    const GumboNode* n = pending.back();
    pending.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    const GumboVector& children = n->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(children.data[i]);
      if (child->type != GUMBO_NODE_ELEMENT) continue;
      if (child->v.element.tag == GUMBO_TAG_TABLE) return true;
      pending.push_back(child);
    }
  }
  return false;
}

bool hasBlockChild(const GumboNode* node) {
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_ELEMENT && isBlock(child->v.element.tag)) return true;
  }
  return false;
}

// The info box many portals put above an article (索引号, 发布机构, 生成日期…): site metadata.
bool isMetadataTable(const std::vector<std::vector<Run>>& rows) {
  static constexpr const char* kLabels[] = {"索引号", "发布机构", "发文机关", "生成日期", "成文日期", "发布日期",
                                            "主题分类", "文号", "发文字号", "有效性", "公开方式", "公开范围"};
  int found = 0;
  for (const auto& row : rows) {
    for (const Run& cell : row) {
      if (cell.text.size() > 24) continue;
      for (const char* label : kLabels) {
        if (cell.text.rfind(label, 0) == 0) {
          ++found;
          break;
        }
      }
    }
  }
  return found >= 2;
}

// gumbo allocates every node, string and vector piece by piece (and grows vectors by allocating
// anew and copying). A bump arena serves those allocations and frees them all at once with the
// tree: a third of the parse time is malloc/free otherwise. One arena per thread is reused from
// page to page (fresh chunks would cost a page fault per 4 KiB); it keeps at most
// kKeptBytes between pages.
class ParseArena {
 public:
  static void* allocate(void* self, size_t size) { return static_cast<ParseArena*>(self)->take(size); }
  static void release(void*, void*) {}  // everything goes with the next reset

  // Forgets every allocation (the previous tree), keeping the chunks for the next page.
  void reset() {
    size_t kept = 0;
    size_t keep = 0;
    while (keep < chunks_.size() && kept + chunks_[keep].size <= kKeptBytes) kept += chunks_[keep++].size;
    chunks_.resize(keep);
    current_ = 0;
    used_ = 0;
  }

 private:
  struct Chunk {
    std::unique_ptr<std::byte[]> bytes;
    size_t size = 0;
  };

  void* take(size_t size) {
    size = (size + 15) & ~size_t{15};
    while (current_ < chunks_.size() && used_ + size > chunks_[current_].size) {
      ++current_;
      used_ = 0;
    }
    if (current_ == chunks_.size()) {
      const size_t bytes = std::max(kChunkBytes, size);
      chunks_.push_back({std::make_unique<std::byte[]>(bytes), bytes});
      used_ = 0;
    }
    void* out = chunks_[current_].bytes.get() + used_;
    used_ += size;
    return out;
  }

  static constexpr size_t kChunkBytes = 1 << 20;
  static constexpr size_t kKeptBytes = 32 << 20;
  std::vector<Chunk> chunks_;
  size_t current_ = 0;
  size_t used_ = 0;
};

class PageWalker {
 public:
  // `input`: what gumbo parsed; `shift`: where its offsets start in the page (0 for the whole
  // page); `depth`: elements above the input's <html> that a parse of the whole page would have
  // had around the region's element, so depth limits fall where they would (0 for the whole page).
  explicit PageWalker(std::string_view input, uint32_t shift = 0, int depth = 0)
      : page_(input), shift_(shift), depth_(depth) {}

  std::vector<Line> lines;
  std::vector<Container> containers;
  std::vector<const GumboNode*> containerNodes;  // the element of each container

  void walk(const GumboNode* node) {
    switch (node->type) {
      case GUMBO_NODE_DOCUMENT: children(node); break;
      case GUMBO_NODE_ELEMENT: case GUMBO_NODE_TEMPLATE: element(node); break;
      case GUMBO_NODE_TEXT: case GUMBO_NODE_WHITESPACE: case GUMBO_NODE_CDATA: text(node); break;
      case GUMBO_NODE_COMMENT: break;
    }
  }

  void finish() { flush(); }

 private:
  Run& current() { return cell_ ? *cell_ : line_; }

  void children(const GumboNode* node) {
    const GumboVector& kids = node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) walk(static_cast<const GumboNode*>(kids.data[i]));
  }

  void flush() {
    if (cell_) {
      cell_->join();
      return;
    }
    if (!line_.text.empty()) {
      Line line;
      line.text = std::move(line_.text);
      line.anchors = std::move(line_.anchors);
      line.inChrome = chromeDepth_ > 0;
      line.linkBytes = line_.linkBytes;
      lines.push_back(std::move(line));
    }
    line_.clear();
  }

  void element(const GumboNode* node) {
    const GumboElement& e = node->v.element;
    if (isSkipped(e.tag) || isHidden(e)) return;
    if (depth_ >= kMaxWalkDepth) {
      flatText(node);
      return;
    }
    ++depth_;
    elementBody(node);
    --depth_;
  }

  // Past kMaxWalkDepth (only hostile pages nest so deep: the guard refuses deep blocks, not deep
  // <span>s), the rest of the subtree is read without recursion: its text, a line per block.
  void flatText(const GumboNode* root) {
    std::vector<const GumboNode*> pending = {root};
    while (!pending.empty()) {
      const GumboNode* n = pending.back();
      pending.pop_back();
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
        text(n);
        continue;
      }
      if (n->type != GUMBO_NODE_ELEMENT || isSkipped(n->v.element.tag)) continue;
      if (isBlock(n->v.element.tag) || n->v.element.tag == GUMBO_TAG_BR) flush();
      const GumboVector& kids = n->v.element.children;
      for (unsigned i = kids.length; i > 0; --i) pending.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
    }
  }

  void elementBody(const GumboNode* node) {
    const GumboElement& e = node->v.element;
    if (e.tag == GUMBO_TAG_BR) {
      flush();
      return;
    }
    if (e.tag == GUMBO_TAG_IMG || e.tag == GUMBO_TAG_HR) {
      if (e.tag == GUMBO_TAG_HR) flush();
      return;
    }
    if (e.tag == GUMBO_TAG_TABLE && !cell_ && dataTable(node)) return;
    const bool block = isBlock(e.tag);
    const bool chrome = e.tag == GUMBO_TAG_NAV || e.tag == GUMBO_TAG_FOOTER || e.tag == GUMBO_TAG_ASIDE ||
                        html::namesChrome(std::string(attribute(e, "class"))) || html::namesChrome(std::string(attribute(e, "id")));
    const bool link = e.tag == GUMBO_TAG_A && gumbo_get_attribute(&e.attributes, "href");
    if (block || chrome) flush();
    size_t container = SIZE_MAX;
    if (!cell_ && isContainer(e.tag)) {
      container = containers.size();
      containers.push_back({static_cast<uint32_t>(lines.size()), 0});
      containerNodes.push_back(node);
    }
    chromeDepth_ += chrome ? 1 : 0;
    linkDepth_ += link ? 1 : 0;
    children(node);
    linkDepth_ -= link ? 1 : 0;
    if (block || chrome) flush();
    chromeDepth_ -= chrome ? 1 : 0;
    if (container != SIZE_MAX) containers[container].endLine = static_cast<uint32_t>(lines.size());
  }

  // Emits the decoded text of a text node, mapping it back to the page. Gumbo gives the decoded
  // text and the source piece; they differ only at character references (&nbsp; &#160; &amp;…),
  // at "\r\n" (read as "\n") and where the parser replaced bad bytes, so a walk over both finds
  // each piece's source offset.
  void text(const GumboNode* node) {
    const GumboText& t = node->v.text;
    const std::string_view decoded(t.text);
    const std::string_view original(t.original_text.data ? t.original_text.data : "", t.original_text.length);
    const auto base = static_cast<uint32_t>(t.start_pos.offset) + shift_;
    const bool sourced = t.original_text.data && t.original_text.data >= page_.data() &&
                         t.original_text.data + t.original_text.length <= page_.data() + page_.size();
    Run& run = current();
    const bool inLink = linkDepth_ > 0;
    size_t i = 0, j = 0;
    while (j < decoded.size()) {
      const auto src = static_cast<uint32_t>(base + std::min(i, original.size()));
      if (!sourced || i >= original.size()) {
        emit(run, decoded.substr(j), src, false, inLink);
        return;
      }
      if (original[i] == '&') {
        const size_t end = referenceEnd(original, i);
        if (end > i && original.compare(i, end - i, decoded, j, end - i) != 0) {
          // The decoded characters run until the original text resumes.
          size_t k = j;
          if (end >= original.size()) {
            k = decoded.size();
          } else if (original[end] == '&' || original[end] == '\r') {
            k = j + utf8Length(static_cast<unsigned char>(decoded[j]));
          } else {
            const size_t probe = std::min<size_t>(4, original.size() - end);
            k = j + 1;
            while (k <= decoded.size() && k - j <= 8 && decoded.compare(k, probe, original, end, probe) != 0) ++k;
            if (k - j > 8 || k > decoded.size()) k = j + utf8Length(static_cast<unsigned char>(decoded[j]));
          }
          k = std::min(k, decoded.size());
          emit(run, decoded.substr(j, k - j), src, false, inLink);
          i = end;
          j = k;
          continue;
        }
      }
      if (original[i] == '\r' && decoded[j] == '\n') {
        run.space(src);
        i += (i + 1 < original.size() && original[i + 1] == '\n') ? 2 : 1;
        ++j;
        continue;
      }
      const size_t length = utf8Length(static_cast<unsigned char>(decoded[j]));
      if (original.compare(i, length, decoded, j, length) != 0) {
        emit(run, decoded.substr(j), src, false, inLink);  // the parser changed something: keep its text
        return;
      }
      emit(run, decoded.substr(j, length), src, true, inLink);
      i += length;
      j += length;
    }
  }

  // Appends decoded characters, collapsing white space.
  static void emit(Run& run, std::string_view s, uint32_t source, bool verbatim, bool inLink) {
    size_t i = 0;
    while (i < s.size()) {
      const auto c = static_cast<unsigned char>(s[i]);
      const uint32_t at = verbatim ? source + static_cast<uint32_t>(i) : source;
      if (isHtmlSpace(c)) {
        run.space(at);
        ++i;
        continue;
      }
      if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {  // U+00A0
        run.space(at);
        i += 2;
        continue;
      }
      // The longest run without white space goes in one piece.
      size_t j = i;
      while (j < s.size()) {
        const auto d = static_cast<unsigned char>(s[j]);
        if (isHtmlSpace(d) || (d == 0xC2 && j + 1 < s.size() && static_cast<unsigned char>(s[j + 1]) == 0xA0)) break;
        j += utf8Length(d);
      }
      j = std::min(j, s.size());
      run.append(s.substr(i, j - i), at, verbatim, inLink);
      i = j;
    }
  }

  // The rows of `table` (not of tables nested in it): tr children of the table and of its
  // thead/tbody/tfoot.
  static void collectRows(const GumboNode* table, std::vector<const GumboNode*>& rows) {
    const GumboVector& kids = table->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const auto* kid = static_cast<const GumboNode*>(kids.data[i]);
      if (kid->type != GUMBO_NODE_ELEMENT) continue;
      const GumboTag tag = kid->v.element.tag;
      if (tag == GUMBO_TAG_TR) rows.push_back(kid);
      else if (tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TFOOT) collectRows(kid, rows);
    }
  }

  // Reads `table` as a data table into row lines; false (nothing emitted) when it is a layout
  // table — it holds another table, is a single cell, or a cell holds a page's worth of blocks.
  bool dataTable(const GumboNode* table) {
    if (hasDescendantTable(table)) return false;
    std::vector<const GumboNode*> rows;
    collectRows(table, rows);
    std::vector<std::vector<Run>> cellRuns(rows.size());
    std::vector<std::vector<uint32_t>> cellSources(rows.size());
    std::vector<std::vector<bool>> taken(rows.size());
    std::vector<std::vector<std::pair<uint32_t, size_t>>> starts(rows.size());  // (column, cell index in its row)
    size_t cellCount = 0;
    for (size_t r = 0; r < rows.size(); ++r) {
      const GumboVector& kids = rows[r]->v.element.children;
      uint32_t column = 0;
      for (unsigned i = 0; i < kids.length; ++i) {
        const auto* cell = static_cast<const GumboNode*>(kids.data[i]);
        if (cell->type != GUMBO_NODE_ELEMENT) continue;
        const GumboTag tag = cell->v.element.tag;
        if (tag != GUMBO_TAG_TD && tag != GUMBO_TAG_TH) continue;
        Run run;
        Run* outer = cell_;
        cell_ = &run;
        const int savedLinks = linkDepth_;
        children(cell);
        cell_ = outer;
        linkDepth_ = savedLinks;
        if (run.text.size() > kMaxDataCellBytes && hasBlockChild(cell)) return false;
        while (column < taken[r].size() && taken[r][column]) ++column;
        const uint32_t colspan = std::max<uint32_t>(1, spanAttribute(cell->v.element, "colspan", kMaxColspan));
        uint32_t rowspan = spanAttribute(cell->v.element, "rowspan", kMaxRowspan);
        if (rowspan == 0 && gumbo_get_attribute(&cell->v.element.attributes, "rowspan")) rowspan = kMaxRowspan;  // rowspan="0": to the end
        rowspan = std::clamp<uint32_t>(rowspan, 1, static_cast<uint32_t>(rows.size() - r));
        for (uint32_t dr = 0; dr < rowspan; ++dr) {
          auto& line = taken[r + dr];
          if (line.size() < column + colspan) line.resize(column + colspan, false);
          for (uint32_t dc = 0; dc < colspan; ++dc) line[column + dc] = true;
        }
        starts[r].push_back({column, cellRuns[r].size()});
        cellSources[r].push_back(sourceOffset(cell, sourceOffset(rows[r], 0, shift_), shift_));
        cellRuns[r].push_back(std::move(run));
        column += colspan;
        ++cellCount;
      }
    }
    if (cellCount <= 1) return false;
    const bool metadata = isMetadataTable(cellRuns);
    flush();
    // A caption is a line before the table.
    const GumboVector& kids = table->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const auto* kid = static_cast<const GumboNode*>(kids.data[i]);
      if (kid->type == GUMBO_NODE_ELEMENT && kid->v.element.tag == GUMBO_TAG_CAPTION) {
        children(kid);
        flush();
      }
    }
    for (size_t r = 0; r < rows.size(); ++r) {
      Run line;
      const uint32_t rowSource = sourceOffset(rows[r], 0, shift_);
      size_t next = 0;
      for (uint32_t c = 0; c < taken[r].size(); ++c) {
        const bool starts_here = next < starts[r].size() && starts[r][next].first == c;
        if (c > 0) line.appendSeparator('\t', starts_here ? cellSources[r][starts[r][next].second] : rowSource);
        if (starts_here) {
          line.appendRun(cellRuns[r][starts[r][next].second]);
          ++next;
        }
      }
      // An empty row is an empty line (a text export writes one; the one-cell-per-line layout
      // reads blank lines as row ends).
      Line out;
      out.text = std::move(line.text);
      out.anchors = std::move(line.anchors);
      if (!out.text.empty() && (out.anchors.empty() || out.anchors.front().linted != 0)) out.anchors.insert(out.anchors.begin(), {0, rowSource, false});
      out.tableRow = true;
      out.inChrome = metadata || chromeDepth_ > 0;
      out.linkBytes = line.linkBytes;
      lines.push_back(std::move(out));
    }
    return true;
  }

  // Recursion depth of element(): a few hundred bytes of stack each, far below any thread's stack.
  static constexpr int kMaxWalkDepth = 2000;

  std::string_view page_;
  uint32_t shift_ = 0;
  int depth_ = 0;
  Run line_;
  Run* cell_ = nullptr;
  int chromeDepth_ = 0;
  int linkDepth_ = 0;
};

GumboOutput* parse(std::string_view input) {
  thread_local ParseArena arena;
  arena.reset();
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  options.allocator = &ParseArena::allocate;
  options.deallocator = &ParseArena::release;
  options.userdata = &arena;
  // No gumbo_destroy_output: the tree lives in the arena, reused by the next parse.
  return gumbo_parse_with_options(&options, input.data(), input.size());
}

std::vector<bool> chromeLines(const std::vector<Line>& lines) {
  std::vector<bool> chrome(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) chrome[i] = html::isChromeLine(lines[i]) || (lines[i].tableRow && lines[i].inChrome);
  return chrome;
}

// The linted text of `body`'s lines that are not chrome, with their places in the page.
void appendBody(const std::vector<Line>& lines, const std::vector<bool>& chrome, const Container& body,
                HtmlText& result, OriginMap& origin) {
  for (uint32_t i = body.firstLine; i < body.endLine; ++i) {
    const Line& line = lines[i];
    if (chrome[i]) continue;
    const auto base = static_cast<uint32_t>(result.text.size());
    for (const Anchor& a : line.anchors) origin.add(base + a.linted, {OriginPlace::Kind::SourceOffset, a.source}, a.verbatim);
    result.text += line.text;
    result.text += '\n';
  }
}

// The region alone, parsed after the page's prologue; nothing when what it gives might differ
// from the whole page's reading: the body chosen in it must hold the title and a section heading
// (then no container outside the region could score higher, the scan having found no possible
// heading outside it), and gumbo must have built the region as one element under <body>.
std::optional<HtmlText> readRegion(std::string& page, const html::ReportRegion& region) {
  std::string input;
  input.reserve(region.prologueEnd + region.end - region.begin);
  input.append(page, 0, region.prologueEnd);
  input.append(page, region.begin, region.end - region.begin);
  GumboOutput* output = parse(input);
  PageWalker walker(input, static_cast<uint32_t>(region.begin - region.prologueEnd), region.ancestorCount - 2);
  walker.walk(output->document);
  walker.finish();
  const GumboNode* body = nullptr;
  const GumboVector& top = output->root->v.element.children;
  for (unsigned i = 0; i < top.length; ++i) {
    const auto* node = static_cast<const GumboNode*>(top.data[i]);
    if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_BODY) body = node;
  }
  if (!body || body->v.element.children.length != 1 || walker.containers.size() < 2 ||
      walker.containerNodes[0] != body || walker.containerNodes[1] != body->v.element.children.data[0]) {
    return std::nullopt;
  }
  const std::vector<bool> chrome = chromeLines(walker.lines);
  const html::BodyChoice choice = html::chooseBody(walker.lines, chrome, walker.containers);
  if (choice.container == 0 || !choice.title || choice.sections == 0) return std::nullopt;
  const std::string path = cssPath(walker.containerNodes[choice.container]);
  if (path.rfind("body > ", 0) != 0) return std::nullopt;
  HtmlText result;
  result.body = region.ancestorPath + path.substr(4);
  result.regionOnly = true;
  auto origin = std::make_shared<OriginMap>(std::move(page));
  appendBody(walker.lines, chrome, walker.containers[choice.container], result, *origin);
  result.origin = std::move(origin);
  return result;
}

}  // namespace

HtmlText readHtmlWholePage(std::string page) {
  GumboOutput* output = parse(page);
  PageWalker walker(page);
  walker.walk(output->document);
  walker.finish();
  HtmlText result;
  auto origin = std::make_shared<OriginMap>(std::move(page));
  if (!walker.containers.empty()) {
    const std::vector<bool> chrome = chromeLines(walker.lines);
    const size_t chosen = html::chooseBody(walker.lines, chrome, walker.containers).container;
    result.body = cssPath(walker.containerNodes[chosen]);
    appendBody(walker.lines, chrome, walker.containers[chosen], result, *origin);
  }
  result.origin = std::move(origin);
  return result;
}

HtmlText readHtml(std::string page) {
  if (const std::optional<html::ReportRegion> region = html::findReportRegion(page)) {
    if (std::optional<HtmlText> read = readRegion(page, *region)) return std::move(*read);
  }
  return readHtmlWholePage(std::move(page));
}

}  // namespace gklint
