// LabelText: normalisation of table labels for matching (NFKC, no white space, unified
// brackets, quotes and commas).
#pragma once

#include <string>
#include <string_view>

namespace gklint {

// NFKC (full-width → ASCII brackets, digits and commas), white space removed, quotes
// removed, "，" "、" in labels kept apart from list markers. Two labels match when their
// normalised forms are equal.
std::string normalizeLabel(std::string_view label);

}  // namespace gklint
