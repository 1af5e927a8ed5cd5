#include "engine/tables/CellValue.h"

#include <string>

#include "engine/tables/LabelText.h"
#include "engine/text/Decimal.h"
#include "engine/text/Trim.h"

namespace gklint {
namespace {

bool isDash(std::string_view s) {
  return s == "/" || s == "—" || s == "——" || s == "-" || s == "--" || s == "无" || s == "不适用" || s == "／" ||
         s == "－" || s == "–" || s == "\\" || s == "、";
}

}  // namespace

void parseCell(std::string_view cellText, BoundCell& cell) {
  cell.text = removeSpaces(cellText);
  if (cell.text.empty()) {
    cell.state = CellState::Blank;
    return;
  }
  if (isDash(cell.text)) {
    cell.state = CellState::Dash;
    return;
  }
  // NFKC turns full-width digits, signs and points into ASCII.
  std::string n = normalizeLabel(cellText);
  if (isDash(n)) {
    cell.state = CellState::Dash;
    return;
  }
  const bool fullWidth = n != cell.text;
  std::string digits;
  bool separators = false;
  for (char c : n) {
    if (c == ',') {
      separators = true;
      continue;
    }
    digits += c;
  }
  // [+-]?digits(.digits)? — by hand: this runs for every cell of every table.
  std::string sign, whole, fraction;
  size_t i = 0;
  if (i < digits.size() && (digits[i] == '+' || digits[i] == '-')) sign = digits[i++];
  while (i < digits.size() && digits[i] >= '0' && digits[i] <= '9') whole += digits[i++];
  if (i < digits.size() && digits[i] == '.') {
    ++i;
    while (i < digits.size() && digits[i] >= '0' && digits[i] <= '9') fraction += digits[i++];
    if (fraction.empty()) whole.clear();  // "3." is not a number
  }
  const std::optional<double> value =
      i == digits.size() ? parseDecimal(whole + (fraction.empty() ? "" : "." + fraction)) : std::nullopt;
  if (!value || (separators && whole.size() < 4)) {  // also a count too long to be one
    cell.state = CellState::Text;
    return;
  }
  cell.state = CellState::Number;
  cell.negative = sign == "-";
  cell.integer = fraction.empty() || fraction.find_first_not_of('0') == std::string::npos;
  cell.value = *value * (cell.negative ? -1 : 1);
  cell.reformatted = fullWidth || separators || cell.text.size() != cellText.size();  // cell.text: cellText without spaces
}

bool looksLikeValue(std::string_view cellText) {
  // Most label cells start with a CJK ideograph (lead byte E4–E9), which NFKC leaves alone:
  // unless it starts 无 or 不适用 (dashes), such a cell is no value.
  const auto lead = cellText.empty() ? 0 : static_cast<unsigned char>(cellText[0]);
  if (lead >= 0xE4 && lead <= 0xE9 && cellText.substr(0, 3) != "无" && cellText.substr(0, 3) != "不") return false;
  const std::string s = normalizeLabel(cellText);
  if (s.empty()) return false;
  if (isDash(s) || isDash(removeSpaces(cellText))) return true;
  size_t i = (s[0] == '+' || s[0] == '-') ? 1 : 0;
  const size_t digitsStart = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == digitsStart) return false;
  if (i == s.size()) return true;
  // "3.其他" / "3、" are list markers; "1.5" and "1,200" are numbers.
  if (s[i] == '.' || s[i] == ',') return i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9';
  return s.compare(i, 3, "、") != 0;
}

}  // namespace gklint
