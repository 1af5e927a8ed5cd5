#include "engine/read/HtmlRegion.h"

#include <gumbo.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <unordered_map>
#include <vector>

#include "engine/read/HtmlBody.h"

namespace gklint::html {
namespace {

// The tags whose tree construction the scan models (gumbo 0.10's lists, which predate <main> and
// <dialog>: gumbo reads those as ordinary inline elements, and so does the scan). Everything else
// is Other: an ordinary element, compared by name.
enum class Tag : uint8_t {
  Other, Html, Head, Body, P, Li, Dd, Dt, H, Pre, Form, Button, A, Nobr, Table, Tbody, Tr, Td,
  Option, Optgroup, Select, Script, Style, Title, Textarea, Iframe, Br, Hr, Input, Nav, Footer, Aside,
  Div, Article, Section, Center, Blockquote, Ignored, Void, Formatting, Block, Unsupported,
};

enum Flag : uint16_t {
  kSpecial = 1 << 0,
  kClosesP = 1 << 1,    // its start tag closes an open <p> (address, div, ul, h1, …)
  kBlockEnd = 1 << 2,   // its end tag closes it when in scope (address, div, ul, pre, button, …)
  kSkipped = 1 << 3,    // the walker reads nothing inside it (PageWalker's isSkipped)
  kTablePart = 1 << 4,  // table, tbody, thead, tfoot, tr, td, th (caption, col: unsupported)
  kBodyCandidate = 1 << 5,  // may be the region: a block container the walker records
};

struct TagInfo {
  Tag tag = Tag::Other;
  uint16_t flags = 0;
};

const TagInfo& infoOf(std::string_view name) {
  static const std::unordered_map<std::string_view, TagInfo> kTags = [] {
    std::unordered_map<std::string_view, TagInfo> m;
    const auto add = [&m](std::initializer_list<std::string_view> names, Tag tag, uint16_t flags) {
      for (std::string_view n : names) m[n] = {tag, flags};
    };
    const uint16_t block = kSpecial | kClosesP | kBlockEnd;
    add({"address", "details", "dir", "dl", "fieldset", "figcaption", "figure", "header", "hgroup", "menu", "ol",
         "summary", "ul"},
        Tag::Block, block);
    add({"div"}, Tag::Div, block | kBodyCandidate);
    add({"article"}, Tag::Article, block | kBodyCandidate);
    add({"section"}, Tag::Section, block | kBodyCandidate);
    add({"center"}, Tag::Center, block | kBodyCandidate);
    add({"blockquote"}, Tag::Blockquote, block | kBodyCandidate);
    add({"nav"}, Tag::Nav, block);
    add({"footer"}, Tag::Footer, block);
    add({"aside"}, Tag::Aside, block);
    add({"p"}, Tag::P, kSpecial | kClosesP);
    add({"h1", "h2", "h3", "h4", "h5", "h6"}, Tag::H, kSpecial | kClosesP);
    add({"pre", "listing"}, Tag::Pre, kSpecial | kClosesP | kBlockEnd);
    add({"li"}, Tag::Li, kSpecial);
    add({"dd"}, Tag::Dd, kSpecial);
    add({"dt"}, Tag::Dt, kSpecial);
    add({"form"}, Tag::Form, kSpecial);
    add({"button"}, Tag::Button, kSpecial | kBlockEnd | kSkipped);
    add({"a"}, Tag::A, 0);
    add({"b", "big", "code", "em", "font", "i", "s", "small", "strike", "strong", "tt", "u"}, Tag::Formatting, 0);
    add({"nobr"}, Tag::Nobr, 0);
    add({"table"}, Tag::Table, kSpecial | kTablePart);
    add({"tbody", "thead", "tfoot"}, Tag::Tbody, kSpecial | kTablePart);
    add({"tr"}, Tag::Tr, kSpecial | kTablePart);
    add({"td", "th"}, Tag::Td, kSpecial | kTablePart);
    add({"option"}, Tag::Option, 0);
    add({"optgroup"}, Tag::Optgroup, 0);
    add({"select"}, Tag::Select, kSpecial | kSkipped);
    add({"script"}, Tag::Script, kSpecial | kSkipped);
    add({"style"}, Tag::Style, kSpecial | kSkipped);
    add({"title"}, Tag::Title, kSpecial | kSkipped);
    add({"textarea"}, Tag::Textarea, kSpecial | kSkipped);
    add({"iframe"}, Tag::Iframe, kSpecial | kSkipped);
    add({"html"}, Tag::Html, kSpecial);
    add({"head"}, Tag::Head, kSpecial);
    add({"body"}, Tag::Body, kSpecial);
    add({"br"}, Tag::Br, kSpecial);
    add({"hr"}, Tag::Hr, kSpecial);
    add({"input"}, Tag::Input, kSpecial | kSkipped);
    add({"area", "embed", "img", "image", "keygen", "wbr", "param", "source", "track", "base", "basefont", "bgsound",
         "link", "meta"},
        Tag::Void, kSpecial);
    // Start tags the in-body rules ignore outside a table.
    add({"frame"}, Tag::Ignored, kSpecial);
    // Elements the walker skips but gumbo builds as ordinary ones (scripting is off in gumbo, so
    // <noscript> holds markup).
    add({"noscript"}, Tag::Other, kSpecial | kSkipped);
    add({"map", "canvas", "audio", "video"}, Tag::Other, kSkipped);
    // Constructs the scan does not model: foreign content (its own tokenizer rules and breakout
    // tags), templates, frames, plain text, markers in the formatting list (applet, marquee,
    // object), captions and column groups, ruby, and what gumbo 0.10 handles in ways of its own.
    add({"svg", "math", "template", "plaintext", "xmp", "noembed", "noframes", "frameset", "isindex", "applet",
         "marquee", "object", "caption", "colgroup", "col", "ruby", "rb", "rt", "rp", "rtc", "menuitem", "main",
         "datalist"},
        Tag::Unsupported, 0);
    return m;
  }();
  static const TagInfo kOther;
  const auto it = kTags.find(name);
  return it == kTags.end() ? kOther : it->second;
}

bool isSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool isAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool equalsLower(std::string_view bytes, std::string_view lowerName) {
  if (bytes.size() != lowerName.size()) return false;
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (lower(bytes[i]) != lowerName[i]) return false;
  }
  return true;
}

// Whether gumbo reads `value` (valid UTF-8) as it is: its input stream replaces C0 and C1 controls
// other than white space, DEL and the noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF) with U+FFFD.
bool gumboKeeps(std::string_view value) {
  for (size_t i = 0; i < value.size();) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') || c == 0x7F) return false;
      ++i;
      continue;
    }
    const size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (i + length > value.size()) return false;
    uint32_t cp = c & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F);
    for (size_t k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(value[i + k]) & 0x3F);
    if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFF) >= 0xFFFE) return false;
    i += length;
  }
  return true;
}

uint32_t decodeUtf8(std::string_view s) {
  const auto b = [&s](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(s[i])); };
  if (s.size() == 3) return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
  return 0;
}

struct Element {
  uint32_t start = 0;      // '<' of its start tag (0 for implied elements)
  uint32_t nameEnd = 0;    // end of its tag name
  uint32_t end = 0;        // just past the end tag that closed it; 0 if something else closed it
  int32_t parent = -1;
  uint16_t depth = 0;      // elements above it (html: 0)
  TagInfo info;
  bool open = true;
  bool implied = false;
  bool unknown = false;    // a tag gumbo does not know (GUMBO_TAG_UNKNOWN): see sameTag
  bool inCell = false;     // its nearest table part above or at it is a td/th
  bool inSelect = false;
  bool selectInTable = false;
};

// Attributes the region needs of an ancestor: first occurrence wins, as in gumbo.
struct AncestorAttributes {
  std::string_view id, classes, style;
  bool haveId = false, haveClass = false, haveStyle = false, hidden = false;
  bool clean = true;  // no value taken needs decoding (character references, CR, what gumbo replaces)

  void take(std::string_view name, std::string_view value) {
    const auto keep = [&](std::string_view& slot, bool& have) {
      if (have) return;
      have = true;
      slot = value;
      if (value.find('&') != std::string_view::npos || value.find('\r') != std::string_view::npos || !gumboKeeps(value)) {
        clean = false;
      }
    };
    if (equalsLower(name, "id")) keep(id, haveId);
    else if (equalsLower(name, "class")) keep(classes, haveClass);
    else if (equalsLower(name, "style")) keep(style, haveStyle);
    else if (equalsLower(name, "hidden")) hidden = true;
  }

  // Whether PageWalker reads the text inside the element as it is: not hidden (isHidden), not
  // chrome by class or id, and nothing to decode.
  bool leaveTextAlone() const {
    if (!clean || hidden) return false;
    std::string css;
    for (char c : style) {
      if (!isSpace(static_cast<unsigned char>(c))) css.push_back(lower(c));
    }
    if (css.find("display:none") != std::string::npos || css.find("visibility:hidden") != std::string::npos) return false;
    return !namesChrome(std::string(classes)) && !namesChrome(std::string(id));
  }
};

class Scanner {
 public:
  explicit Scanner(std::string_view page) : s_(page), n_(page.size()) {}

  std::optional<ReportRegion> run() {
    // NUL bytes are replaced or dropped by gumbo's tokenizer; a byte order mark may or may not
    // hide the doctype from its initial insertion mode.
    if (n_ == 0 || n_ > UINT32_MAX / 2 || std::memchr(s_.data(), 0, n_) || s_.rfind("\xEF\xBB\xBF", 0) == 0) {
      return std::nullopt;
    }
    elements_.reserve(n_ / 64);
    Element html;
    html.info = infoOf("html");
    html.implied = true;
    elements_.push_back(html);
    stack_.push_back(0);
    if (!scan()) return std::nullopt;
    return choose();
  }

 private:
  enum class Mode { Body, Table, TableBody, Row, Cell, Select };

  // ---- tokenizer ----

  bool scan() {
    findPrologue();
    while (pos_ < n_) {
      const void* lt = std::memchr(s_.data() + pos_, '<', n_ - pos_);
      const size_t at = lt ? static_cast<size_t>(static_cast<const char*>(lt) - s_.data()) : n_;
      if (at > pos_ && !text(pos_, at)) return false;
      if (at >= n_) break;
      pos_ = at;
      if (at + 1 >= n_) return text(at, n_);
      const auto c = static_cast<unsigned char>(s_[at + 1]);
      bool ok = true;
      if (isAlpha(c)) {
        ok = tag(at, false);
      } else if (c == '/') {
        if (at + 2 >= n_) return false;
        const auto d = static_cast<unsigned char>(s_[at + 2]);
        if (isAlpha(d)) ok = tag(at, true);
        else if (d == '>') pos_ = at + 3;
        else ok = bogusComment(at + 2);
      } else if (c == '!') {
        if (s_.compare(at, 4, "<!--") == 0) ok = comment(at + 4);
        else ok = bogusComment(at + 2);  // <!DOCTYPE …>, <![CDATA[…]> outside foreign content: to the first '>'
      } else if (c == '?') {
        ok = bogusComment(at + 1);
      } else {
        ok = text(at, at + 1);
        pos_ = at + 1;
      }
      if (!ok) return false;
    }
    return true;
  }

  // The doctype and what precedes it (white space, comments): parsed before the region too, so
  // gumbo picks the page's quirks mode.
  void findPrologue() {
    size_t i = 0;
    while (true) {
      while (i < n_ && isSpace(static_cast<unsigned char>(s_[i]))) ++i;
      if (s_.compare(i, 4, "<!--") == 0) {
        const size_t end = commentEnd(i + 4);
        if (end == std::string_view::npos) break;
        i = end;
        continue;
      }
      if (i + 9 <= n_ && equalsLower(s_.substr(i, 9), "<!doctype")) {
        const size_t gt = s_.find('>', i);
        if (gt != std::string_view::npos) {
          prologueEnd_ = gt + 1;
          // "<!DOCTYPE html>" is the no-quirks doctype every modern page has; the others need
          // gumbo's tables of public identifiers.
          std::string_view rest = s_.substr(i + 9, gt - i - 9);
          while (!rest.empty() && isSpace(static_cast<unsigned char>(rest.front()))) rest.remove_prefix(1);
          while (!rest.empty() && isSpace(static_cast<unsigned char>(rest.back()))) rest.remove_suffix(1);
          quirks_ = equalsLower(rest, "html") ? Quirks::No : Quirks::Unknown;
        }
      }
      break;
    }
  }

  // Just past a comment whose "<!--" ends at `i` (gumbo 0.10's comment states: "<!-->" and
  // "<!--->" are empty comments; "--!>" ends one too); npos when it runs to the end of the page.
  size_t commentEnd(size_t i) const {
    if (i < n_ && s_[i] == '>') return i + 1;
    if (i + 1 < n_ && s_[i] == '-' && s_[i + 1] == '>') return i + 2;
    while (true) {
      const size_t dash = s_.find("--", i);
      if (dash == std::string_view::npos) return dash;
      size_t j = dash + 2;
      while (j < n_ && s_[j] == '-') ++j;
      if (j < n_ && s_[j] == '>') return j + 1;
      if (j + 1 < n_ && s_[j] == '!' && s_[j + 1] == '>') return j + 2;
      i = j;
    }
  }

  bool comment(size_t i) {
    const size_t end = commentEnd(i);
    if (end == std::string_view::npos) return false;
    pos_ = end;
    return true;
  }

  bool bogusComment(size_t i) {
    const size_t gt = s_.find('>', i);
    if (gt == std::string_view::npos) return false;
    pos_ = gt + 1;
    return true;
  }

  // Reads a tag's attributes from `i` (just past its name) to its '>' (the tokenizer's attribute
  // states: quotes only open a value). Returns the offset past '>' or npos at the end of the page.
  template <typename OnAttribute>
  size_t attributes(size_t i, OnAttribute&& onAttribute) const {
    while (true) {
      while (i < n_ && (isSpace(static_cast<unsigned char>(s_[i])) || s_[i] == '/')) ++i;
      if (i >= n_) return std::string_view::npos;
      if (s_[i] == '>') return i + 1;
      const size_t nameBegin = i++;
      while (i < n_ && !isSpace(static_cast<unsigned char>(s_[i])) && s_[i] != '/' && s_[i] != '>' && s_[i] != '=') ++i;
      const std::string_view name = s_.substr(nameBegin, i - nameBegin);
      while (i < n_ && isSpace(static_cast<unsigned char>(s_[i]))) ++i;
      if (i >= n_) return std::string_view::npos;
      std::string_view value;
      if (s_[i] == '=') {
        ++i;
        while (i < n_ && isSpace(static_cast<unsigned char>(s_[i]))) ++i;
        if (i >= n_) return std::string_view::npos;
        if (s_[i] == '"' || s_[i] == '\'') {
          const size_t close = s_.find(s_[i], i + 1);
          if (close == std::string_view::npos) return close;
          value = s_.substr(i + 1, close - i - 1);
          i = close + 1;
        } else if (s_[i] != '>') {
          const size_t valueBegin = i;
          while (i < n_ && !isSpace(static_cast<unsigned char>(s_[i])) && s_[i] != '>') ++i;
          value = s_.substr(valueBegin, i - valueBegin);
        }
      }
      onAttribute(name, value);
    }
  }

  static constexpr auto kNoAttributes = [](std::string_view, std::string_view) {};

  bool tag(size_t at, bool end) {
    const size_t nameBegin = at + (end ? 2 : 1);
    size_t i = nameBegin;
    while (i < n_ && !isSpace(static_cast<unsigned char>(s_[i])) && s_[i] != '/' && s_[i] != '>') ++i;
    if (i - nameBegin > 32) return false;
    char lowered[33];
    for (size_t k = nameBegin; k < i; ++k) lowered[k - nameBegin] = lower(s_[k]);
    const std::string_view name(lowered, i - nameBegin);
    const size_t after = attributes(i, kNoAttributes);
    if (after == std::string_view::npos) return false;
    pos_ = after;
    const TagInfo& info = infoOf(name);
    if (info.tag == Tag::Unsupported) return false;
    token_ = {static_cast<uint32_t>(at), static_cast<uint32_t>(i), static_cast<uint32_t>(after),
              info.tag == Tag::Other && gumbo_tagn_enum(name.data(), static_cast<unsigned>(name.size())) == GUMBO_TAG_UNKNOWN};
    // Every <html> start tag, wherever it is, gives <html> the attributes it does not have yet;
    // the walker reads <html>'s hidden, style, class and id as any element's.
    if (!end && info.tag == Tag::Html) {
      attributes(i, [this](std::string_view attrName, std::string_view value) { htmlAttributes_.take(attrName, value); });
    }
    const bool ok = end ? endTag(info, name) : startTag(info, name);
    return ok && formattingListSound();
  }

  // Skips raw text or RCDATA up to the end tag `</name` (+ white space, '/' or '>').
  bool skipRawText(std::string_view name) {
    size_t i = pos_;
    while (true) {
      const size_t lt = s_.find("</", i);
      if (lt == std::string_view::npos || lt + 2 + name.size() >= n_) return false;
      const size_t after = lt + 2 + name.size();
      const auto d = static_cast<unsigned char>(s_[after]);
      if (equalsLower(s_.substr(lt + 2, name.size()), name) && (isSpace(d) || d == '/' || d == '>')) {
        if (name == "script") {
          // "<!--" then "<script" inside a script enter the double-escaped state, where
          // "</script>" does not end it.
          const std::string_view body = s_.substr(pos_, lt - pos_);
          const size_t open = body.find("<!--");
          if (open != std::string_view::npos) {
            for (size_t k = body.find('<', open + 4); k != std::string_view::npos; k = body.find('<', k + 1)) {
              if (k + 7 <= body.size() && equalsLower(body.substr(k + 1, 6), "script")) return false;
            }
          }
        }
        const size_t close = attributes(after, kNoAttributes);
        if (close == std::string_view::npos) return false;
        pos_ = close;
        return true;
      }
      i = lt + 2;
    }
  }

  // ---- text ----

  bool text(size_t b, size_t e) {
    bool blank = true;
    for (size_t i = b; i < e && blank; ++i) blank = isSpace(static_cast<unsigned char>(s_[i]));
    if (blank) return true;
    if (!body_) openBody(true);
    if (maySectionHeading(b, e)) {
      marks_.push_back(top());
      sawHeading_ = true;
    }
    // A text like the body choice's title line (a name, not a sentence); the pre-scan only
    // places the region with it: readHtml checks the title is in the chosen body.
    const std::string_view piece = s_.substr(b, e - b);
    if (piece.size() <= 60 * 3 && piece.find("政府信息公开") != std::string_view::npos &&
        (piece.find("年度报告") != std::string_view::npos || piece.find("年报") != std::string_view::npos) &&
        piece.find("。") == std::string_view::npos && piece.find("，") == std::string_view::npos) {
      if (titleCandidate_ < 0 || !sawHeading_) titleCandidate_ = top();  // the last one before the first heading
    }
    return true;
  }

  // Whether text [b, e) could begin a line matching the section heading pattern: after white
  // space (and character references, which might be spaces) one of kSectionNumerals, then white
  // space and one of kSectionMarks — or the end of the text, since a tag, comment or hidden
  // element may come between numeral and mark. A superset: it errs towards "could".
  bool maySectionHeading(size_t b, size_t e) const {
    static const std::array<uint32_t, kSectionNumerals.size()> kNumeralCodes = [] {
      std::array<uint32_t, kSectionNumerals.size()> out{};
      for (size_t k = 0; k < out.size(); ++k) out[k] = decodeUtf8(kSectionNumerals[k]);
      return out;
    }();
    size_t i = b;
    bool numeral = false;
    while (i < e && !numeral) {
      const auto c = static_cast<unsigned char>(s_[i]);
      if (isSpace(c)) {
        ++i;
      } else if (c == 0xC2 && i + 1 < e && static_cast<unsigned char>(s_[i + 1]) == 0xA0) {
        i += 2;
      } else if (c == '&') {
        size_t j = i + 1;
        uint32_t code = 0;
        if (j < e && s_[j] == '#') {
          ++j;
          const bool hex = j < e && (s_[j] == 'x' || s_[j] == 'X');
          if (hex) ++j;
          for (; j < e && std::isxdigit(static_cast<unsigned char>(s_[j])); ++j) {
            const auto d = static_cast<unsigned char>(s_[j]);
            if (!hex && !std::isdigit(d)) break;
            const uint32_t v = std::isdigit(d) ? d - '0' : (d | 0x20) - 'a' + 10;
            code = std::min<uint32_t>(code * (hex ? 16 : 10) + v, 0x110000);
          }
        } else {
          while (j < e && std::isalnum(static_cast<unsigned char>(s_[j]))) ++j;
        }
        if (j < e && s_[j] == ';') ++j;
        numeral = std::find(kNumeralCodes.begin(), kNumeralCodes.end(), code) != kNumeralCodes.end();
        i = j;
      } else {
        for (std::string_view n : kSectionNumerals) {
          if (s_.compare(i, n.size(), n) == 0) numeral = true;
        }
        if (!numeral) return false;
        i += 3;
      }
    }
    if (!numeral) return false;
    while (i < e) {
      const auto c = static_cast<unsigned char>(s_[i]);
      if (isSpace(c)) {
        ++i;
        continue;
      }
      if (c == 0xC2 && i + 1 < e && static_cast<unsigned char>(s_[i + 1]) == 0xA0) {
        i += 2;
        continue;
      }
      if (c == '&') return true;
      for (std::string_view m : kSectionMarks) {
        if (s_.compare(i, m.size(), m) == 0 && i + m.size() <= e) return true;
      }
      return false;
    }
    return true;
  }

  // ---- the tree ----

  int top() const { return stack_.back(); }
  Element& el(int i) { return elements_[static_cast<size_t>(i)]; }
  const Element& el(int i) const { return elements_[static_cast<size_t>(i)]; }
  Tag topTag() const { return el(top()).info.tag; }

  int push(const TagInfo& info, bool implied = false) {
    Element e;
    e.start = implied ? 0 : token_.start;
    e.nameEnd = implied ? 0 : token_.nameEnd;
    e.parent = top();
    const Element& parent = el(e.parent);
    e.depth = static_cast<uint16_t>(std::min<int>(parent.depth + 1, UINT16_MAX));
    e.info = info;
    e.implied = implied;
    e.unknown = !implied && info.tag == Tag::Other && token_.unknown;
    e.inCell = info.tag == Tag::Td || (!(info.flags & kTablePart) && parent.inCell);
    e.inSelect = info.tag == Tag::Select || parent.inSelect;
    e.selectInTable = parent.selectInTable;
    elements_.push_back(e);
    const int index = static_cast<int>(elements_.size()) - 1;
    stack_.push_back(index);
    return index;
  }

  void pop() {
    Element& e = el(top());
    e.open = false;
    stack_.pop_back();
    if (e.info.tag == Tag::Td) clearFormattingToMarker();
  }

  // Pops through element `index`; `ownEnd`: its own end tag closes it (the region may end there).
  void popThrough(int index, bool ownEnd) {
    while (top() != index) pop();
    if (ownEnd) el(index).end = token_.after;
    pop();
  }

  // Whether `e` is an element of the current token's tag, `info` and `name`, as gumbo 0.10 decides:
  // by tag enum, so that every tag it does not know is the same tag (GUMBO_TAG_UNKNOWN): </pn>
  // closes an open <n>.
  bool sameTag(const Element& e, const TagInfo& info, std::string_view name) const {
    if (e.info.tag != info.tag) return false;
    if (info.tag == Tag::Other && (e.unknown || token_.unknown)) return e.unknown && token_.unknown;
    if (info.tag != Tag::Other && info.tag != Tag::Block && info.tag != Tag::Formatting && info.tag != Tag::H &&
        info.tag != Tag::Void && info.tag != Tag::Tbody && info.tag != Tag::Td && info.tag != Tag::Pre) {
      return true;
    }
    if (e.implied) return name == (info.tag == Tag::Tbody ? "tbody" : "tr");
    return equalsLower(s_.substr(e.start + 1, e.nameEnd - e.start - 1), name);
  }

  enum class Scope { Default, ListItem, Button, Table };

  // The topmost open element that matches, if "in scope" (gumbo's has_an_element_in_*scope).
  template <typename Match>
  int inScope(Scope scope, Match&& match) const {
    for (size_t k = stack_.size(); k-- > 0;) {
      const int i = stack_[k];
      const Element& e = el(i);
      if (match(e)) return i;
      const Tag t = e.info.tag;
      if (t == Tag::Html || t == Tag::Table) return -1;
      if (scope == Scope::Table) continue;
      if (t == Tag::Td) return -1;  // td, th (applet, caption, marquee, object: unsupported)
      if (scope == Scope::ListItem && t == Tag::Block && isList(e)) return -1;
      if (scope == Scope::Button && t == Tag::Button) return -1;
    }
    return -1;
  }

  bool isList(const Element& e) const {
    const std::string_view name = s_.substr(e.start + 1, e.nameEnd - e.start - 1);
    return equalsLower(name, "ol") || equalsLower(name, "ul");
  }

  int inScopeTag(Scope scope, const TagInfo& info, std::string_view name) const {
    return inScope(scope, [&](const Element& e) { return sameTag(e, info, name); });
  }

  static bool impliedEnd(Tag t) {
    return t == Tag::Dd || t == Tag::Dt || t == Tag::Li || t == Tag::Option || t == Tag::Optgroup || t == Tag::P;
  }

  void generateImpliedEndTags(Tag except) {
    while (impliedEnd(topTag()) && topTag() != except) pop();
  }

  void closeP() {
    static const TagInfo& p = infoOf("p");
    const int open = inScopeTag(Scope::Button, p, "p");
    if (open < 0) return;
    generateImpliedEndTags(Tag::P);
    popThrough(open, false);
  }

  void openBody(bool implied) {
    static const TagInfo& body = infoOf("body");
    body_ = true;
    bodyIndex_ = push(body, implied);
  }

  // The formatting elements gumbo would reconstruct later are the ones popped by another tag
  // while still in its list of active formatting elements: the scan does not model that.
  bool formattingListSound() const {
    for (int i : formatting_) {
      if (i >= 0 && !el(i).open) return false;
    }
    return true;
  }

  void clearFormattingToMarker() {
    while (!formatting_.empty()) {
      const int i = formatting_.back();
      formatting_.pop_back();
      if (i < 0) return;
    }
  }

  void removeFormatting(int index) {
    const auto it = std::find(formatting_.rbegin(), formatting_.rend(), index);
    if (it != formatting_.rend()) formatting_.erase(std::next(it).base());
  }

  Mode mode() const {
    const Element& e = el(top());
    if (e.inSelect) return Mode::Select;
    switch (e.info.tag) {
      case Tag::Table: return Mode::Table;
      case Tag::Tbody: return Mode::TableBody;
      case Tag::Tr: return Mode::Row;
      default: return e.inCell ? Mode::Cell : Mode::Body;
    }
  }

  bool startTag(const TagInfo& info, std::string_view name) {
    const Tag t = info.tag;
    if (!body_) {
      switch (t) {
        case Tag::Html: case Tag::Head: return true;
        case Tag::Void:
          if (name == "base" || name == "basefont" || name == "bgsound" || name == "link" || name == "meta") return true;
          openBody(true);
          break;
        case Tag::Title: return skipRawText("title");
        case Tag::Script: return skipRawText("script");
        case Tag::Style: return skipRawText("style");
        case Tag::Body: openBody(false); return true;
        default:
          if (name == "noscript") return false;  // <head>'s own noscript mode
          openBody(true);
          break;
      }
    }
    switch (mode()) {
      case Mode::Select: return selectStart(info, name);
      case Mode::Table: return tableStart(info, name);
      case Mode::TableBody: return tableBodyStart(info, name);
      case Mode::Row: return rowStart(info, name);
      case Mode::Cell:
        if (t == Tag::Tbody || t == Tag::Tr || t == Tag::Td) {
          const int cell = inScope(Scope::Table, [](const Element& e) { return e.info.tag == Tag::Td; });
          if (cell < 0) return true;
          generateImpliedEndTags(Tag::Other);
          popThrough(cell, false);
          return startTag(info, name);
        }
        return bodyStart(info, name);
      case Mode::Body: return bodyStart(info, name);
    }
    return false;
  }

  bool tableStart(const TagInfo& info, std::string_view name) {
    static const TagInfo& tbody = infoOf("tbody");
    switch (info.tag) {
      case Tag::Tbody: push(info); return true;
      case Tag::Tr: case Tag::Td: push(tbody, true); return startTag(info, name);
      case Tag::Script: return skipRawText("script");
      case Tag::Style: return skipRawText("style");
      default: return false;  // foster parenting, <input type=hidden>, <form>, nested <table>
    }
  }

  bool tableBodyStart(const TagInfo& info, std::string_view name) {
    static const TagInfo& tr = infoOf("tr");
    switch (info.tag) {
      case Tag::Tr: push(info); return true;
      case Tag::Td: push(tr, true); return startTag(info, name);
      case Tag::Tbody: pop(); return startTag(info, name);
      default: return tableStart(info, name);
    }
  }

  bool rowStart(const TagInfo& info, std::string_view name) {
    switch (info.tag) {
      case Tag::Td:
        push(info);
        formatting_.push_back(-1);
        return true;
      case Tag::Tr: case Tag::Tbody: pop(); return startTag(info, name);
      default: return tableStart(info, name);
    }
  }

  bool selectStart(const TagInfo& info, std::string_view name) {
    switch (info.tag) {
      case Tag::Option:
        if (topTag() == Tag::Option) pop();
        push(info);
        return true;
      case Tag::Optgroup:
        if (topTag() == Tag::Option) pop();
        if (topTag() == Tag::Optgroup) pop();
        push(info);
        return true;
      case Tag::Select: case Tag::Input: case Tag::Textarea: return false;
      case Tag::Void: return name != "keygen";  // <keygen> closes the select, as <input> does
      case Tag::Script: return skipRawText("script");
      case Tag::Table: case Tag::Tbody: case Tag::Tr: case Tag::Td: return !el(top()).selectInTable;
      default: return true;  // ignored
    }
  }

  bool bodyStart(const TagInfo& info, std::string_view) {
    switch (info.tag) {
      case Tag::Html: return true;  // its attributes go to <html>, which no path names
      case Tag::Head: case Tag::Ignored: case Tag::Tbody: case Tag::Tr: case Tag::Td: return true;  // ignored
      case Tag::Body: return false;  // its attributes would go to <body>
      case Tag::Void: case Tag::Br: case Tag::Input: return true;
      case Tag::Hr: closeP(); return true;
      case Tag::Script: return skipRawText("script");
      case Tag::Style: return skipRawText("style");
      case Tag::Title: return skipRawText("title");
      case Tag::Textarea: return skipRawText("textarea");
      case Tag::Iframe: return skipRawText("iframe");
      case Tag::Block: case Tag::Div: case Tag::Article: case Tag::Section: case Tag::Center:
      case Tag::Blockquote: case Tag::Nav: case Tag::Footer: case Tag::Aside: case Tag::P: case Tag::Pre:
        closeP();
        push(info);
        return true;
      case Tag::H:
        closeP();
        if (topTag() == Tag::H) pop();
        push(info);
        return true;
      case Tag::Form:
        if (form_ >= 0) {
          risky_.push_back(token_.start);  // ignored here, not in a parse of the region alone
          return true;
        }
        closeP();
        form_ = push(info);
        return true;
      case Tag::Li: case Tag::Dd: case Tag::Dt: {
        for (size_t k = stack_.size(); k-- > 0;) {
          const Element& e = el(stack_[k]);
          const Tag t = e.info.tag;
          const bool closes = info.tag == Tag::Li ? t == Tag::Li : (t == Tag::Dd || t == Tag::Dt);
          if (closes) {
            generateImpliedEndTags(t);
            popThrough(stack_[k], false);
            break;
          }
          if ((e.info.flags & kSpecial) && t != Tag::Div && t != Tag::P &&
              !(t == Tag::Block && equalsLower(s_.substr(e.start + 1, e.nameEnd - e.start - 1), "address"))) {
            break;
          }
        }
        closeP();
        push(info);
        return true;
      }
      case Tag::Button:
        if (inScope(Scope::Default, [](const Element& e) { return e.info.tag == Tag::Button; }) >= 0) return false;
        push(info);
        return true;
      case Tag::A:
        for (auto it = formatting_.rbegin(); it != formatting_.rend() && *it >= 0; ++it) {
          if (el(*it).info.tag == Tag::A) return false;  // the adoption agency
        }
        formatting_.push_back(push(info));
        return true;
      case Tag::Nobr:
        if (inScope(Scope::Default, [](const Element& e) { return e.info.tag == Tag::Nobr; }) >= 0) return false;
        formatting_.push_back(push(info));
        return true;
      case Tag::Formatting:
        formatting_.push_back(push(info));
        return true;
      case Tag::Table:
        // <table> closes an open <p> except in quirks mode.
        if (inScopeTag(Scope::Button, infoOf("p"), "p") >= 0) {
          if (quirks_ == Quirks::Unknown) return false;
          if (quirks_ == Quirks::No) closeP();
        }
        tables_.push_back(token_.start);
        push(info);
        return true;
      case Tag::Select: {
        const bool inTable = mode() == Mode::Cell;
        push(info);
        el(top()).selectInTable = inTable;
        return true;
      }
      case Tag::Option: case Tag::Optgroup:
        if (topTag() == Tag::Option) pop();
        push(info);
        return true;
      default:
        push(info);
        return true;
    }
  }

  bool endTag(const TagInfo& info, std::string_view name) {
    const Tag t = info.tag;
    if (!body_) {
      if (t == Tag::Body || t == Tag::Html || t == Tag::Br) return false;
      return true;  // </head>; any other end tag is ignored before <body>
    }
    switch (mode()) {
      case Mode::Select: return selectEnd(info);
      case Mode::Table: return tableEnd(info, name);
      case Mode::TableBody: return tableBodyEnd(info, name);
      case Mode::Row: return rowEnd(info, name);
      case Mode::Cell: return cellEnd(info, name);
      case Mode::Body: return bodyEnd(info, name);
    }
    return false;
  }

  bool tableEnd(const TagInfo& info, std::string_view name) {
    (void)name;
    switch (info.tag) {
      case Tag::Table: popThrough(top(), true); return true;
      case Tag::Body: case Tag::Html: case Tag::Tbody: case Tag::Tr: case Tag::Td: return true;  // ignored
      case Tag::P: case Tag::Br: return false;  // an element foster-parented before the table
      default:
        // The in-body rules with the table as the current node: nothing is in scope past a table,
        // so the end tag is ignored — but </form> clears the form pointer all the same.
        return info.tag != Tag::Form;
    }
  }

  bool tableBodyEnd(const TagInfo& info, std::string_view name) {
    switch (info.tag) {
      case Tag::Tbody:
        if (sameTag(el(top()), info, name)) popThrough(top(), false);
        else if (inScopeTag(Scope::Table, info, name) >= 0) return false;
        return true;
      case Tag::Table: pop(); return tableEnd(info, name);
      case Tag::Body: case Tag::Html: case Tag::Tr: case Tag::Td: return true;
      default: return tableEnd(info, name);
    }
  }

  bool rowEnd(const TagInfo& info, std::string_view name) {
    switch (info.tag) {
      case Tag::Tr: popThrough(top(), false); return true;
      case Tag::Table: pop(); return tableBodyEnd(info, name);
      case Tag::Tbody:
        if (inScopeTag(Scope::Table, info, name) < 0) return true;
        pop();
        return tableBodyEnd(info, name);
      case Tag::Body: case Tag::Html: case Tag::Td: return true;
      default: return tableEnd(info, name);
    }
  }

  bool cellEnd(const TagInfo& info, std::string_view name) {
    switch (info.tag) {
      case Tag::Td: {
        const int cell = inScopeTag(Scope::Table, info, name);
        if (cell < 0) return true;
        generateImpliedEndTags(Tag::Other);
        popThrough(cell, false);
        return true;
      }
      case Tag::Body: case Tag::Html: return true;
      case Tag::Table: case Tag::Tbody: case Tag::Tr: {
        if (inScopeTag(Scope::Table, info, name) < 0) return true;
        const int cell = inScope(Scope::Table, [](const Element& e) { return e.info.tag == Tag::Td; });
        generateImpliedEndTags(Tag::Other);
        popThrough(cell, false);
        return endTag(info, name);
      }
      default: return bodyEnd(info, name);
    }
  }

  bool selectEnd(const TagInfo& info) {
    switch (info.tag) {
      case Tag::Select:
        while (topTag() != Tag::Select) pop();
        pop();
        return true;
      case Tag::Option:
        if (topTag() == Tag::Option) pop();
        return true;
      case Tag::Optgroup:
        if (topTag() == Tag::Option && el(el(top()).parent).info.tag == Tag::Optgroup) pop();
        if (topTag() == Tag::Optgroup) pop();
        return true;
      case Tag::Table: case Tag::Tbody: case Tag::Tr: case Tag::Td: return !el(top()).selectInTable;
      default: return true;  // ignored
    }
  }

  bool bodyEnd(const TagInfo& info, std::string_view name) {
    const Tag t = info.tag;
    switch (t) {
      case Tag::Body: case Tag::Html:
        risky_.push_back(token_.start);  // "after body" here; ignored inside a cell
        return true;
      case Tag::Form: {
        risky_.push_back(token_.start);
        const int form = form_;
        form_ = -1;
        if (form < 0 || inScope(Scope::Default, [form, this](const Element& e) { return &e == &el(form); }) < 0) {
          return true;
        }
        generateImpliedEndTags(Tag::Other);
        if (top() != form) return false;  // gumbo removes it from the middle of the stack
        popThrough(form, false);
        return true;
      }
      case Tag::P: {
        const int p = inScopeTag(Scope::Button, info, name);
        if (p < 0) return true;  // an empty <p> is inserted: no line, no container
        generateImpliedEndTags(Tag::P);
        popThrough(p, false);
        return true;
      }
      case Tag::Li: case Tag::Dd: case Tag::Dt: {
        const int open = inScopeTag(t == Tag::Li ? Scope::ListItem : Scope::Default, info, name);
        if (open < 0) return true;
        generateImpliedEndTags(t);
        popThrough(open, false);
        return true;
      }
      case Tag::H: {
        const int open = inScope(Scope::Default, [](const Element& e) { return e.info.tag == Tag::H; });
        if (open < 0) return true;
        generateImpliedEndTags(Tag::Other);
        while (topTag() != Tag::H) pop();
        pop();
        return true;
      }
      case Tag::A: case Tag::Nobr: case Tag::Formatting: {
        if (sameTag(el(top()), info, name)) {
          removeFormatting(top());
          popThrough(top(), true);
          return true;
        }
        for (int i : stack_) {
          if (sameTag(el(i), info, name)) return false;  // the adoption agency
        }
        return true;
      }
      case Tag::Br: return true;  // read as <br>
      default:
        break;
    }
    if (info.flags & kBlockEnd) {
      const int open = inScopeTag(Scope::Default, info, name);
      if (open < 0) return true;
      generateImpliedEndTags(Tag::Other);
      popThrough(open, true);
      return true;
    }
    // Any other end tag: the nearest element of that name unless a special element comes first.
    for (size_t k = stack_.size(); k-- > 0;) {
      const Element& e = el(stack_[k]);
      if (sameTag(e, info, name)) {
        generateImpliedEndTags(t);
        popThrough(stack_[k], true);
        return true;
      }
      if (e.info.flags & kSpecial) return true;
    }
    return true;
  }

  // ---- the region ----

  std::optional<ReportRegion> choose() const {
    if (marks_.empty() || titleCandidate_ < 0 || bodyIndex_ < 0) return std::nullopt;
    int common = titleCandidate_;
    for (int m : marks_) common = commonAncestor(common, m);
    for (int r = common; r > bodyIndex_; r = el(r).parent) {
      if (!(el(r).info.flags & kBodyCandidate)) continue;
      if (auto region = qualify(r)) return region;
    }
    return std::nullopt;
  }

  int commonAncestor(int a, int b) const {
    while (el(a).depth > el(b).depth) a = el(a).parent;
    while (el(b).depth > el(a).depth) b = el(b).parent;
    while (a != b) {
      a = el(a).parent;
      b = el(b).parent;
    }
    return a;
  }

  std::optional<ReportRegion> qualify(int r) const {
    const Element& region = el(r);
    if (region.end == 0 || region.implied || region.depth > 1000 || !htmlAttributes_.leaveTextAlone()) return std::nullopt;
    const auto risky = std::lower_bound(risky_.begin(), risky_.end(), region.start);
    if (risky != risky_.end() && *risky < region.end) return std::nullopt;
    const auto table = std::upper_bound(tables_.begin(), tables_.end(), region.start);
    const bool holdsTable = table != tables_.end() && *table < region.end;
    std::vector<std::string> selectors;
    bool tablePartSeen = false;
    for (int a = region.parent; a > 0; a = el(a).parent) {
      const Element& e = el(a);
      const Tag t = e.info.tag;
      if ((e.info.flags & kSkipped) || t == Tag::A || t == Tag::Nav || t == Tag::Footer || t == Tag::Aside) {
        return std::nullopt;
      }
      if ((e.info.flags & kTablePart) && !tablePartSeen) {
        // In a cell, the region's own table makes every table around it a layout table; a
        // region straight in a table, tbody or tr would be foster-parented.
        if (t != Tag::Td || !holdsTable) return std::nullopt;
        tablePartSeen = true;
      }
      std::string selector;
      if (!ancestorSelector(e, selector)) return std::nullopt;
      selectors.push_back(std::move(selector));
    }
    ReportRegion out;
    out.begin = region.start;
    out.end = region.end;
    out.prologueEnd = std::min<size_t>(prologueEnd_, region.start);
    out.ancestorCount = static_cast<int>(selectors.size()) + 1;
    for (auto it = selectors.rbegin(); it != selectors.rend(); ++it) {
      out.ancestorPath.append(out.ancestorPath.empty() ? "" : " > ").append(*it);
    }
    return out;
  }

  // "div#zoom.article-content" as HtmlReader's selector() writes it; false when the element would
  // hide the region's text (hidden, chrome) or its attributes need decoding (character
  // references, CR, characters gumbo replaces: gumboKeeps).
  bool ancestorSelector(const Element& e, std::string& out) const {
    std::string name;
    if (e.implied) {
      name = e.info.tag == Tag::Body ? "body" : e.info.tag == Tag::Tbody ? "tbody" : "tr";
      out = name;
      return true;
    }
    for (size_t k = e.start + 1; k < e.nameEnd; ++k) name.push_back(lower(s_[k]));
    // The path names an element gumbo does not know by its original tag cut at the first isspace()
    // (gumbo_tag_from_original_text), and '\v' is one but not HTML white space: "<foo\vbar>" is
    // "foo" in the path, "foo\vbar" to the tokenizer.
    if (name.find('\v') != std::string::npos) return false;
    AncestorAttributes attrs;
    attributes(e.nameEnd, [&attrs](std::string_view attrName, std::string_view value) { attrs.take(attrName, value); });
    if (!attrs.leaveTextAlone()) return false;
    out = name;
    appendIdAndClasses(out, attrs.id, attrs.classes);
    return true;
  }

  struct Token {
    uint32_t start = 0, nameEnd = 0, after = 0;
    bool unknown = false;  // an ordinary (Tag::Other) tag that gumbo does not know
  };

  std::string_view s_;
  size_t n_;
  size_t pos_ = 0;
  size_t prologueEnd_ = 0;
  // A page without a doctype is in quirks mode; with one, gumbo decides from its identifiers.
  enum class Quirks { Yes, No, Unknown } quirks_ = Quirks::Yes;
  Token token_;
  std::vector<Element> elements_;
  std::vector<int> stack_;
  std::vector<int> formatting_;  // gumbo's list of active formatting elements; -1: a cell's marker
  AncestorAttributes htmlAttributes_;  // <html>'s, from every <html> start tag
  int form_ = -1;                // gumbo's form element pointer
  bool body_ = false;
  int bodyIndex_ = -1;
  std::vector<uint32_t> risky_;   // tokens whose reading depends on elements outside the region
  std::vector<uint32_t> tables_;  // start of every <table>
  std::vector<int> marks_;        // the element around each text that could be a section heading
  int titleCandidate_ = -1;
  bool sawHeading_ = false;
};

}  // namespace

std::optional<ReportRegion> findReportRegion(std::string_view page) { return Scanner(page).run(); }

}  // namespace gklint::html
