// Decimal: the plain decimal numbers that reports and rules write ("27", "3.5", "0"), read
// without exceptions and written back the way a report writes them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gklint {

// The most digits a decimal may have: every integer up to 15 digits is exact in a double, so
// sums over such cells compare exactly; a longer "count" is not one a report can mean.
inline constexpr size_t kMaxDecimalDigits = 15;

// `s` read as ASCII digits with an optional fraction ("27", "3.50"): nothing when `s` is
// anything else (a sign, an exponent, "3.", ".5", a second point) or has more than
// kMaxDecimalDigits digits.
std::optional<double> parseDecimal(std::string_view s);

// `v` as a report writes it: an integer without a fraction ("27"), otherwise up to six
// significant digits ("3.5").
std::string formatDecimal(double v);

}  // namespace gklint
