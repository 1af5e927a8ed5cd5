#include "engine/text/Origin.h"

#include <algorithm>

#include "engine/text/Utf8.h"

namespace gklint {

OriginMap::OriginMap(std::string originalText)
    : originalText_(std::move(originalText)), originalLines_(originalText_) {}

void OriginMap::add(uint32_t lintedOffset, const OriginPlace& place, bool verbatim) {
  if (!anchors_.empty() && anchors_.back().linted >= lintedOffset) {
    // Same offset: the later anchor wins. An earlier offset would break the ordering the lookup
    // relies on; readers never do that, so keep the map usable and drop the out-of-order anchor.
    if (anchors_.back().linted == lintedOffset) anchors_.back() = {lintedOffset, place, verbatim};
    return;
  }
  anchors_.push_back({lintedOffset, place, verbatim});
}

OriginPlace OriginMap::placeOf(std::string_view lintedText, uint32_t lintedOffset) const {
  if (anchors_.empty()) return {};
  auto after = std::upper_bound(anchors_.begin(), anchors_.end(), lintedOffset,
                                [](uint32_t offset, const Anchor& a) { return offset < a.linted; });
  if (after == anchors_.begin()) return anchors_.front().place;
  const Anchor& anchor = *(after - 1);
  OriginPlace place = anchor.place;
  if (!anchor.verbatim) return place;
  const uint32_t end = std::min<uint32_t>(lintedOffset, static_cast<uint32_t>(lintedText.size()));
  if (end <= anchor.linted) return place;
  const std::string_view piece = lintedText.substr(anchor.linted, end - anchor.linted);
  if (place.kind == OriginPlace::Kind::SourceOffset) {
    place.offset += static_cast<uint32_t>(piece.size());
  } else {
    place.character += static_cast<uint32_t>(utf8::codePointCount(piece));
  }
  return place;
}

}  // namespace gklint
