#include "engine/read/HtmlOpenElements.h"

#include <algorithm>
#include <functional>

namespace gklint {
namespace {

bool isVoid(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_AREA: case GUMBO_TAG_BASE: case GUMBO_TAG_BASEFONT: case GUMBO_TAG_BGSOUND: case GUMBO_TAG_BR:
    case GUMBO_TAG_COL: case GUMBO_TAG_EMBED: case GUMBO_TAG_FRAME: case GUMBO_TAG_HR: case GUMBO_TAG_IMAGE:
    case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT: case GUMBO_TAG_KEYGEN: case GUMBO_TAG_LINK: case GUMBO_TAG_META:
    case GUMBO_TAG_PARAM: case GUMBO_TAG_SOURCE: case GUMBO_TAG_TRACK: case GUMBO_TAG_WBR: case GUMBO_TAG_MENUITEM:
      return true;
    default:
      return false;
  }
}

}  // namespace

bool HtmlOpenElements::isFormatting(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_A: case GUMBO_TAG_B: case GUMBO_TAG_BIG: case GUMBO_TAG_CODE: case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_NOBR: case GUMBO_TAG_S: case GUMBO_TAG_SMALL:
    case GUMBO_TAG_STRIKE: case GUMBO_TAG_STRONG: case GUMBO_TAG_TT: case GUMBO_TAG_U:
      return true;
    default:
      return false;
  }
}

namespace {

// Elements that put a marker in the list of active formatting elements.
bool isMarker(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_APPLET: case GUMBO_TAG_MARQUEE: case GUMBO_TAG_OBJECT: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_TEMPLATE:
      return true;
    default:
      return false;
  }
}

bool isHeading(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 || t == GUMBO_TAG_H5 ||
         t == GUMBO_TAG_H6;
}

// The HTML "special" category: "any other end tag" does not search past one of these.
bool isSpecial(GumboTag t) {
  if (isVoid(t) || isMarker(t) || isHeading(t)) return true;
  switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY: case GUMBO_TAG_BUTTON: case GUMBO_TAG_CENTER: case GUMBO_TAG_COLGROUP: case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_HEAD: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HTML: case GUMBO_TAG_IFRAME: case GUMBO_TAG_LI: case GUMBO_TAG_LISTING: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_PRE:
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_SECTION: case GUMBO_TAG_SELECT: case GUMBO_TAG_STYLE:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_TFOOT: case GUMBO_TAG_THEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_TR: case GUMBO_TAG_UL:
    case GUMBO_TAG_XMP:
      return true;
    default:
      return false;
  }
}

// Start tags that close an open <p> (in button scope) first.
bool closesParagraph(GumboTag t) {
  if (isHeading(t)) return true;
  switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_UL:
    case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_FORM: case GUMBO_TAG_TABLE: case GUMBO_TAG_HR:
    case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_XMP:
      return true;
    default:
      return false;
  }
}

constexpr std::initializer_list<GumboTag> kButtonScope = {GUMBO_TAG_BUTTON};
constexpr std::initializer_list<GumboTag> kListItemScope = {GUMBO_TAG_OL, GUMBO_TAG_UL};
constexpr std::initializer_list<GumboTag> kDefaultScope = {};

uint64_t identityOf(GumboTag tag, std::string_view attributes) {
  return std::hash<std::string_view>{}(attributes) * 31 + static_cast<uint64_t>(tag);
}

}  // namespace

HtmlOpenElements::HtmlOpenElements() { last_.fill(-1); }

void HtmlOpenElements::pushOpen(GumboTag tag) {
  const int index = static_cast<int>(stack_.size());
  stack_.push_back({tag, last_[tag], lastSpecial_});
  last_[tag] = index;
  if (isSpecial(tag)) lastSpecial_ = index;
}

HtmlOpenElements::Open HtmlOpenElements::popOpen() {
  const Open e = stack_.back();
  stack_.pop_back();
  last_[e.tag] = e.previousSame;
  if (isSpecial(e.tag)) lastSpecial_ = e.previousBarrier;
  return e;
}

void HtmlOpenElements::push(GumboTag tag) {
  pushOpen(tag);
  if (isMarker(tag)) {
    active_.push_back({GUMBO_TAG_LAST, 0});
    markerCounts_.push_back(activeSinceMarker_);
    activeSinceMarker_ = 0;
  }
}

void HtmlOpenElements::closeThrough(int index) {
  if (index < 0) return;
  while (static_cast<int>(stack_.size()) > index) {
    if (isMarker(popOpen().tag)) clearToMarker();
  }
}

// Takes the element at `index` out of the stack, the ones above it staying open (the adoption
// agency's furthest block and what it holds). Costs the number above: gumbo walks them too.
void HtmlOpenElements::removeOpen(int index) {
  lifted_.clear();
  while (static_cast<int>(stack_.size()) > index + 1) lifted_.push_back(popOpen().tag);
  popOpen();
  for (size_t k = lifted_.size(); k-- > 0;) pushOpen(lifted_[k]);
}

// Whether the topmost open `tag` lies above every open boundary of the default scope (applet,
// caption, html, table, td, th, marquee, object, template) and of `extraBoundaries`.
bool HtmlOpenElements::inScope(GumboTag tag, std::initializer_list<GumboTag> extraBoundaries) const {
  const int at = last_[tag];
  if (at < 0) return false;
  for (GumboTag b : {GUMBO_TAG_APPLET, GUMBO_TAG_CAPTION, GUMBO_TAG_TABLE, GUMBO_TAG_TD, GUMBO_TAG_TH,
                     GUMBO_TAG_MARQUEE, GUMBO_TAG_OBJECT, GUMBO_TAG_TEMPLATE}) {
    if (last_[b] > at) return false;
  }
  for (GumboTag b : extraBoundaries) {
    if (last_[b] > at) return false;
  }
  return true;
}

void HtmlOpenElements::addFormatting(GumboTag tag, std::string_view attributes) {
  const uint64_t identity = identityOf(tag, attributes);
  // Noah's ark: a fourth identical entry after the last marker replaces the earliest one.
  size_t same = 0, earliest = active_.size();
  for (size_t k = active_.size(); k-- > 0 && active_[k].tag != GUMBO_TAG_LAST;) {
    if (active_[k].identity == identity && active_[k].tag == tag) {
      ++same;
      earliest = k;
    }
  }
  if (same >= 3) {
    active_.erase(active_.begin() + static_cast<std::ptrdiff_t>(earliest));
    --activeSinceMarker_;
  }
  active_.push_back({tag, identity});
  ++activeSinceMarker_;
}

void HtmlOpenElements::removeFormatting(GumboTag tag) {
  for (size_t k = active_.size(); k-- > 0 && active_[k].tag != GUMBO_TAG_LAST;) {
    if (active_[k].tag == tag) {
      active_.erase(active_.begin() + static_cast<std::ptrdiff_t>(k));
      --activeSinceMarker_;
      return;
    }
  }
}

void HtmlOpenElements::clearToMarker() {
  while (!active_.empty()) {
    const bool marker = active_.back().tag == GUMBO_TAG_LAST;
    active_.pop_back();
    if (marker) break;
  }
  activeSinceMarker_ = markerCounts_.empty() ? 0 : markerCounts_.back();
  if (!markerCounts_.empty()) markerCounts_.pop_back();
}

void HtmlOpenElements::start(GumboTag tag, std::string_view attributes) {
  if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_BODY) return;
  if (closesParagraph(tag) && inScope(GUMBO_TAG_P, kButtonScope)) closeThrough(last_[GUMBO_TAG_P]);
  // A heading straight inside a heading closes it.
  if (isHeading(tag) && !stack_.empty() && isHeading(stack_.back().tag)) closeThrough(static_cast<int>(stack_.size()) - 1);
  switch (tag) {
    case GUMBO_TAG_LI:
      if (inScope(GUMBO_TAG_LI, kListItemScope)) closeThrough(last_[GUMBO_TAG_LI]);
      break;
    case GUMBO_TAG_DD: case GUMBO_TAG_DT: {
      const int open = std::max(inScope(GUMBO_TAG_DD, kDefaultScope) ? last_[GUMBO_TAG_DD] : -1,
                                inScope(GUMBO_TAG_DT, kDefaultScope) ? last_[GUMBO_TAG_DT] : -1);
      closeThrough(open);
      break;
    }
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TR: {
      // A new cell closes the open cell of its row, a new row the open row of its table.
      const int table = last_[GUMBO_TAG_TABLE];
      const int cell = std::max(last_[GUMBO_TAG_TD], last_[GUMBO_TAG_TH]);
      if (cell > table) closeThrough(cell);
      if (tag == GUMBO_TAG_TR && last_[GUMBO_TAG_TR] > table) closeThrough(last_[GUMBO_TAG_TR]);
      break;
    }
    case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: {
      const int table = last_[GUMBO_TAG_TABLE];
      const int section = std::max({last_[GUMBO_TAG_TBODY], last_[GUMBO_TAG_THEAD], last_[GUMBO_TAG_TFOOT]});
      if (section > table) closeThrough(section);
      break;
    }
    case GUMBO_TAG_OPTION: case GUMBO_TAG_OPTGROUP:
      if (!stack_.empty() && stack_.back().tag == GUMBO_TAG_OPTION) closeThrough(static_cast<int>(stack_.size()) - 1);
      if (tag == GUMBO_TAG_OPTGROUP && !stack_.empty() && stack_.back().tag == GUMBO_TAG_OPTGROUP) {
        closeThrough(static_cast<int>(stack_.size()) - 1);
      }
      break;
    case GUMBO_TAG_A:
      // An <a> inside an open <a> closes it (the adoption agency).
      removeFormatting(GUMBO_TAG_A);
      if (last_[GUMBO_TAG_A] > lastSpecial_) closeThrough(last_[GUMBO_TAG_A]);
      break;
    default:
      break;
  }
  if (isVoid(tag)) return;
  push(tag);
  if (isFormatting(tag)) addFormatting(tag, attributes);
}

void HtmlOpenElements::end(GumboTag tag) {
  if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_BODY) return;
  if (isFormatting(tag)) {
    // The adoption agency, roughly: with no special element above it, the element closes with
    // what it holds; below a block it leaves the stack and the block stays open.
    removeFormatting(tag);
    if (last_[tag] > lastSpecial_) {
      closeThrough(last_[tag]);
    } else if (last_[tag] >= 0) {
      removeOpen(last_[tag]);
    }
    return;
  }
  if (isHeading(tag)) {
    int open = -1;
    for (GumboTag h : {GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6}) {
      if (inScope(h, kDefaultScope)) open = std::max(open, last_[h]);
    }
    closeThrough(open);
    return;
  }
  if (isSpecial(tag)) {
    const bool open = tag == GUMBO_TAG_P    ? inScope(tag, kButtonScope)
                      : tag == GUMBO_TAG_LI ? inScope(tag, kListItemScope)
                      : isMarker(tag) || tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_TR
                          ? last_[tag] >= 0 && last_[GUMBO_TAG_TABLE] <= last_[tag]
                          : inScope(tag, kDefaultScope);
    if (open) closeThrough(last_[tag]);
    return;
  }
  // Any other end tag: the nearest open element of its name, unless a special element is above it.
  if (last_[tag] > lastSpecial_) closeThrough(last_[tag]);
}

}  // namespace gklint
