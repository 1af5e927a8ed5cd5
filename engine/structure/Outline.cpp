#include "engine/structure/Outline.h"

namespace gklint {

int Outline::match(std::string_view title) const {
  int best = -1;
  size_t bestLength = 0;
  for (size_t i = 0; i < sections.size(); ++i) {
    for (const std::string& keyword : sections[i].keywords) {
      if (keyword.size() > bestLength && title.find(keyword) != std::string_view::npos) {
        best = static_cast<int>(i);
        bestLength = keyword.size();
      }
    }
  }
  return best;
}

int Outline::indexOf(std::string_view key) const {
  for (size_t i = 0; i < sections.size(); ++i) {
    if (sections[i].key == key) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace gklint
