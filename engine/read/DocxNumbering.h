// DocxNumbering: the list numbering of a Word document (numbering.xml) and the counters that turn
// a paragraph's w:numPr into the text Word shows in front of it ("一、", "（一）", "1.").
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pugi {
class xml_node;
}

namespace gklint {

// A number in one of OOXML's w:numFmt formats ("chineseCounting" 11 → "十一", "decimal" → "11",
// "ideographTraditional" 1 → "甲", "decimalEnclosedCircle" 3 → "③"). Unknown formats print decimal.
std::string formatListNumber(std::string_view numFmt, int value);

class DocxNumbering {
 public:
  DocxNumbering() = default;
  // `numberingRoot`: the w:numbering element (null node: the document has no numbering part).
  explicit DocxNumbering(const pugi::xml_node& numberingRoot);

  // Advances the counters of list `numId` at level `ilvl` and returns the label Word shows for this
  // paragraph, suffix included ("一、"). Empty for numId 0, unknown lists and levels without text.
  std::string next(int numId, int ilvl);

 private:
  struct Level {
    int start = 1;
    std::string numFmt = "decimal";
    std::string lvlText;
    int restartAfter = -1;  // w:lvlRestart: 0 never; -1 default (after any higher level)
    bool isLegal = false;
    std::string suffix;     // what follows the label: w:suff space → " "; tab and nothing → ""
    bool defined = false;
  };
  struct AbstractNum {
    std::array<Level, 9> levels;
  };
  struct Instance {
    int abstractId = -1;
    std::array<Level, 9> overrides;       // w:lvlOverride/w:lvl
    std::array<int, 9> startOverride{};   // w:lvlOverride/w:startOverride, 0: none
    std::array<bool, 9> hasStartOverride{};
    std::array<int, 9> counters{};
    std::array<bool, 9> used{};
  };
  const Level* level(const Instance& instance, int ilvl) const;
  int startOf(const Instance& instance, int ilvl) const;

  std::map<int, AbstractNum> abstracts_;
  std::map<int, Instance> instances_;
};

}  // namespace gklint
