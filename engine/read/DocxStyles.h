// DocxStyles: what a Word paragraph style (styles.xml) contributes to reading: list numbering it
// carries and the outline (heading) level it gives, both through its w:basedOn chain.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace pugi {
class xml_node;
}

namespace gklint {

struct StyleNumbering {
  std::optional<int> numId;
  std::optional<int> ilvl;
};

class DocxStyles {
 public:
  DocxStyles() = default;
  // `stylesRoot`: the w:styles element (null node: no styles part).
  explicit DocxStyles(const pugi::xml_node& stylesRoot);

  // The numbering a paragraph of style `styleId` gets when it has no w:numPr of its own (or only
  // part of one); the default paragraph style applies when `styleId` is empty.
  StyleNumbering numbering(std::string_view styleId) const;
  // 0-based outline level (0 = Heading 1 / 标题 1), or nothing for body text styles.
  std::optional<int> outlineLevel(std::string_view styleId) const;

 private:
  struct Style {
    std::string basedOn;
    std::string name;
    StyleNumbering numbering;
    std::optional<int> outlineLevel;
  };
  const Style* find(std::string_view styleId) const;

  std::map<std::string, Style, std::less<>> styles_;
  std::string defaultParagraphStyle_;
};

}  // namespace gklint
