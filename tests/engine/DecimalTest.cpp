// Tests for engine/text/Decimal: plain decimals read without exceptions, written back as a
// report writes them.
#include <catch2/catch.hpp>

#include <string>

#include "engine/text/Decimal.h"

using namespace gklint;

TEST_CASE("decimals: digits with at most one fraction", "[decimal]") {
  CHECK(parseDecimal("0") == 0.0);
  CHECK(parseDecimal("27") == 27.0);
  CHECK(parseDecimal("3.50") == 3.5);
  CHECK(parseDecimal("007") == 7.0);
  CHECK(parseDecimal("999999999999999") == 999999999999999.0);  // 15 digits: exact
  for (const char* bad : {"", "3.", ".5", "1.2.3", "-1", "+1", "1e5", "0x10", "12 ", " 12", "一二", "inf", "nan"}) {
    INFO(bad);
    CHECK_FALSE(parseDecimal(bad));
  }
}

TEST_CASE("decimals longer than a count can be are refused, not thrown on", "[decimal]") {
  CHECK_FALSE(parseDecimal("1234567890123456"));  // 16 digits
  CHECK_FALSE(parseDecimal("12345678901234.56"));
  CHECK_FALSE(parseDecimal(std::string(400, '9')));   // beyond double range: stod threw here
  CHECK_FALSE(parseDecimal("0." + std::string(400, '0') + "1"));
}

TEST_CASE("decimals are written as a report writes them", "[decimal]") {
  CHECK(formatDecimal(27) == "27");
  CHECK(formatDecimal(-3) == "-3");
  CHECK(formatDecimal(0) == "0");
  CHECK(formatDecimal(3.5) == "3.5");
  CHECK(formatDecimal(1.0 / 3) == "0.333333");
  CHECK(formatDecimal(2e15) == "2e+15");  // no long long overflow past the exact range
  CHECK(formatDecimal(1e300) == "1e+300");
}
