#include "engine/read/DocxNumbering.h"

#include <pugixml.hpp>

#include <cstdlib>

namespace gklint {
namespace {

int intAttr(const pugi::xml_node& node, int fallback) {
  const pugi::xml_attribute a = node.attribute("w:val");
  if (!a) return fallback;
  return static_cast<int>(std::strtol(a.value(), nullptr, 10));
}

constexpr std::string_view kChineseDigits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
constexpr std::string_view kLegalDigits[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};

// Chinese counting as Word prints it: 10 十, 11 十一, 20 二十, 105 一百零五, 1000 一千.
std::string chineseCounting(int value, const std::string_view* digits, std::string_view ten, std::string_view hundred,
                            std::string_view thousand) {
  if (value <= 0) return std::string(digits[0]);
  if (value >= 10000) return std::to_string(value);
  const int parts[4] = {value / 1000, value / 100 % 10, value / 10 % 10, value % 10};
  const std::string_view units[4] = {thousand, hundred, ten, ""};
  std::string out;
  bool pendingZero = false;
  for (int i = 0; i < 4; ++i) {
    if (parts[i] == 0) {
      if (!out.empty()) pendingZero = true;
      continue;
    }
    if (pendingZero) out += "零";
    pendingZero = false;
    // 十一 not 一十一 when ten is the highest place.
    if (!(i == 2 && parts[i] == 1 && out.empty())) out += digits[parts[i]];
    out += units[i];
  }
  return out;
}

std::string roman(int value, bool upper) {
  if (value <= 0 || value >= 4000) return std::to_string(value);
  static const std::pair<int, const char*> table[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                                                     {90, "xc"},   {50, "l"},   {40, "xl"},  {10, "x"},   {9, "ix"},
                                                     {5, "v"},     {4, "iv"},   {1, "i"}};
  std::string out;
  for (const auto& [n, s] : table) {
    while (value >= n) {
      out += s;
      value -= n;
    }
  }
  if (upper) {
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string letters(int value, bool upper) {
  if (value <= 0) return std::to_string(value);
  // Word repeats the letter: 27 → aa, 28 → bb.
  const char c = static_cast<char>((upper ? 'A' : 'a') + (value - 1) % 26);
  return std::string(static_cast<size_t>((value - 1) / 26 + 1), c);
}

std::string codePoint(char32_t cp) {
  std::string out;
  if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  }
  out += static_cast<char>(0x80 | (cp & 0x3F));
  return out;
}

std::string fullWidth(int value) {
  std::string out;
  for (char c : std::to_string(value)) out += codePoint(static_cast<char32_t>(0xFF10 + (c - '0')));
  return out;
}

}  // namespace

std::string formatListNumber(std::string_view f, int value) {
  if (f == "none" || f == "bullet") return "";
  if (f == "chineseCounting" || f == "chineseCountingThousand" || f == "taiwaneseCounting" ||
      f == "taiwaneseCountingThousand" || f == "japaneseCounting" || f == "ideographDigital" || f == "koreanCounting") {
    if (f == "ideographDigital") {
      std::string out;
      for (char c : std::to_string(value)) out += kChineseDigits[c - '0'];
      return out;
    }
    return chineseCounting(value, kChineseDigits, "十", "百", "千");
  }
  if (f == "chineseLegalSimplified" || f == "ideographLegalTraditional") {
    return chineseCounting(value, kLegalDigits, "拾", "佰", "仟");
  }
  if (f == "ideographTraditional") {
    static constexpr std::string_view stems[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
    return value >= 1 && value <= 10 ? std::string(stems[value - 1]) : std::to_string(value);
  }
  if (f == "ideographZodiac") {
    static constexpr std::string_view branches[] = {"子", "丑", "寅", "卯", "辰", "巳",
                                                    "午", "未", "申", "酉", "戌", "亥"};
    return value >= 1 && value <= 12 ? std::string(branches[value - 1]) : std::to_string(value);
  }
  if (f == "decimalEnclosedCircle" || f == "decimalEnclosedCircleChinese") {
    return value >= 1 && value <= 20 ? codePoint(static_cast<char32_t>(0x2460 + value - 1)) : std::to_string(value);
  }
  if (f == "decimalEnclosedParen") {
    return value >= 1 && value <= 20 ? codePoint(static_cast<char32_t>(0x2474 + value - 1)) : std::to_string(value);
  }
  if (f == "decimalEnclosedFullstop") {
    return value >= 1 && value <= 20 ? codePoint(static_cast<char32_t>(0x2488 + value - 1)) : std::to_string(value);
  }
  if (f == "decimalFullWidth" || f == "decimalFullWidth2") return fullWidth(value);
  if (f == "decimalZero") return value < 10 && value >= 0 ? "0" + std::to_string(value) : std::to_string(value);
  if (f == "upperRoman") return roman(value, true);
  if (f == "lowerRoman") return roman(value, false);
  if (f == "upperLetter") return letters(value, true);
  if (f == "lowerLetter") return letters(value, false);
  return std::to_string(value);
}

namespace {

template <typename Level>
void readLevel(const pugi::xml_node& lvl, Level& level) {
  level.defined = true;
  if (auto n = lvl.child("w:start")) level.start = intAttr(n, 1);
  if (auto n = lvl.child("w:numFmt")) level.numFmt = n.attribute("w:val").value();
  if (auto n = lvl.child("w:lvlText")) level.lvlText = n.attribute("w:val").value();
  if (auto n = lvl.child("w:lvlRestart")) level.restartAfter = intAttr(n, -1);
  if (auto n = lvl.child("w:isLgl")) level.isLegal = std::string_view(n.attribute("w:val").value()) != "0";
  if (auto n = lvl.child("w:suff")) {
    level.suffix = std::string_view(n.attribute("w:val").value()) == "space" ? " " : "";
  }
}

}  // namespace

DocxNumbering::DocxNumbering(const pugi::xml_node& root) {
  for (const pugi::xml_node& a : root.children("w:abstractNum")) {
    AbstractNum& abstract = abstracts_[static_cast<int>(std::strtol(a.attribute("w:abstractNumId").value(), nullptr, 10))];
    for (const pugi::xml_node& lvl : a.children("w:lvl")) {
      const long ilvl = std::strtol(lvl.attribute("w:ilvl").value(), nullptr, 10);
      if (ilvl >= 0 && ilvl < 9) readLevel(lvl, abstract.levels[static_cast<size_t>(ilvl)]);
    }
  }
  for (const pugi::xml_node& n : root.children("w:num")) {
    const int numId = static_cast<int>(std::strtol(n.attribute("w:numId").value(), nullptr, 10));
    Instance& instance = instances_[numId];
    instance.abstractId = intAttr(n.child("w:abstractNumId"), -1);
    for (const pugi::xml_node& o : n.children("w:lvlOverride")) {
      const long ilvl = std::strtol(o.attribute("w:ilvl").value(), nullptr, 10);
      if (ilvl < 0 || ilvl >= 9) continue;
      const size_t k = static_cast<size_t>(ilvl);
      if (auto s = o.child("w:startOverride")) {
        instance.hasStartOverride[k] = true;
        instance.startOverride[k] = intAttr(s, 1);
      }
      if (auto lvl = o.child("w:lvl")) readLevel(lvl, instance.overrides[k]);
    }
  }
}

const DocxNumbering::Level* DocxNumbering::level(const Instance& instance, int ilvl) const {
  const size_t k = static_cast<size_t>(ilvl);
  if (instance.overrides[k].defined) return &instance.overrides[k];
  auto a = abstracts_.find(instance.abstractId);
  if (a == abstracts_.end() || !a->second.levels[k].defined) return nullptr;
  return &a->second.levels[k];
}

int DocxNumbering::startOf(const Instance& instance, int ilvl) const {
  const size_t k = static_cast<size_t>(ilvl);
  if (instance.hasStartOverride[k]) return instance.startOverride[k];
  const Level* l = level(instance, ilvl);
  return l ? l->start : 1;
}

std::string DocxNumbering::next(int numId, int ilvl) {
  if (numId == 0 || ilvl < 0 || ilvl >= 9) return "";
  auto it = instances_.find(numId);
  if (it == instances_.end()) return "";
  Instance& instance = it->second;
  const Level* current = level(instance, ilvl);
  if (!current) return "";
  const size_t k = static_cast<size_t>(ilvl);
  instance.counters[k] = instance.used[k] ? instance.counters[k] + 1 : startOf(instance, ilvl);
  instance.used[k] = true;
  // A deeper level restarts after this one unless its w:lvlRestart says otherwise (0: never).
  for (int deeper = ilvl + 1; deeper < 9; ++deeper) {
    const Level* d = level(instance, deeper);
    const int restartAfter = d ? d->restartAfter : -1;
    if (restartAfter == 0) continue;
    if (restartAfter < 0 || ilvl < restartAfter) instance.used[static_cast<size_t>(deeper)] = false;
  }
  // lvlText: %1..%9 stand for the counters of levels 0..8, each in its own level's format.
  std::string out;
  const std::string& text = current->lvlText;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
      const int ref = text[i + 1] - '1';
      const size_t r = static_cast<size_t>(ref);
      const int value = ref == ilvl || instance.used[r] ? instance.counters[r] : startOf(instance, ref);
      const Level* refLevel = level(instance, ref);
      const std::string fmt = current->isLegal && ref < ilvl ? "decimal" : refLevel ? refLevel->numFmt : "decimal";
      out += formatListNumber(fmt, value);
      ++i;
      continue;
    }
    out += text[i];
  }
  if (!out.empty()) out += current->suffix;
  return out;
}

}  // namespace gklint
