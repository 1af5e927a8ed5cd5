#include "engine/text/Decimal.h"

#include <charconv>
#include <cmath>
#include <sstream>

namespace gklint {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<double> parseDecimal(std::string_view s) {
  size_t i = 0, digits = 0;
  while (i < s.size() && isDigit(s[i])) ++i;
  digits = i;
  if (digits == 0) return std::nullopt;
  if (i < s.size() && s[i] == '.') {
    const size_t point = i++;
    while (i < s.size() && isDigit(s[i])) ++i;
    if (i == point + 1) return std::nullopt;  // "3." is not a number
    digits += i - point - 1;
  }
  if (i != s.size() || digits > kMaxDecimalDigits) return std::nullopt;
  double value = 0;
  const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value, std::chars_format::fixed);
  if (error != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

std::string formatDecimal(double v) {
  if (std::fabs(v) < 1e15 && std::fabs(v - std::round(v)) < 1e-9) {
    return std::to_string(static_cast<long long>(std::llround(v)));
  }
  std::ostringstream s;
  s.precision(6);
  s << v;
  return s.str();
}

}  // namespace gklint
