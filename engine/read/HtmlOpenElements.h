// HtmlOpenElements: a cheap model of the two lists the HTML5 tree builder (gumbo) keeps while
// it parses — the stack of open elements and the list of active formatting elements — fed one
// tag at a time, to tell how much work the real parse would do.
//
// gumbo searches the open-element stack on many tags (scope checks, "any other end tag") and
// copies the active formatting elements into every new block after they were closed
// (reconstruction). On a page that keeps thousands of elements open, either is a cost per tag
// of thousands, and the parse takes minutes and gigabytes: 1,400 distinct <b id=N> left open,
// then 20,000 paragraphs, is a 174 KB page that gumbo turns into 28 million elements. The model
// follows the rules that keep a real page's lists short (end tags close through the nearest
// open element of their name within scope, p/li/dd/dt/td/th/tr close their open sibling,
// markers at cells, the Noah's-ark limit of three identical formatting elements) in amortised
// constant time per tag, so that it can price a page before gumbo sees it.
#pragma once

#include <gumbo.h>

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace gklint {

class HtmlOpenElements {
 public:
  HtmlOpenElements();

  // b, i, font, a, …: the elements of the list of active formatting elements.
  static bool isFormatting(GumboTag tag);

  // A start tag; `attributes` is its raw text after the name, which tells identical formatting
  // elements apart (the Noah's-ark limit); other tags need none.
  void start(GumboTag tag, std::string_view attributes);
  void end(GumboTag tag);

  // The elements the parser would search or copy at the latest tag: the open elements plus
  // the active formatting elements after the last marker.
  size_t load() const { return stack_.size() + activeSinceMarker_; }

 private:
  struct Open {
    GumboTag tag;
    int previousSame;     // the next open element of the same tag below, or -1
    int previousBarrier;  // the next open special element below, or -1
  };
  struct Active {
    GumboTag tag;         // GUMBO_TAG_LAST: a marker
    uint64_t identity;    // tag and attributes, hashed
  };

  void push(GumboTag tag);
  void pushOpen(GumboTag tag);
  Open popOpen();
  void closeThrough(int index);
  void removeOpen(int index);
  bool inScope(GumboTag tag, std::initializer_list<GumboTag> extraBoundaries) const;
  void addFormatting(GumboTag tag, std::string_view attributes);
  void removeFormatting(GumboTag tag);
  void clearToMarker();

  std::vector<Open> stack_;
  std::array<int, GUMBO_TAG_LAST + 1> last_;  // the topmost open element of each tag, or -1
  int lastSpecial_ = -1;
  std::vector<Active> active_;
  size_t activeSinceMarker_ = 0;
  std::vector<size_t> markerCounts_;  // activeSinceMarker_ below each marker
  std::vector<GumboTag> lifted_;      // scratch for removeOpen
};

}  // namespace gklint
