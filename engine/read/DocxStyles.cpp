#include "engine/read/DocxStyles.h"

#include <pugixml.hpp>

#include <cstdlib>

namespace gklint {
namespace {

constexpr int kMaxBasedOnChain = 32;  // a style chain longer than this is a loop

std::optional<int> intVal(const pugi::xml_node& node) {
  if (!node) return std::nullopt;
  const pugi::xml_attribute a = node.attribute("w:val");
  if (!a) return std::nullopt;
  return static_cast<int>(std::strtol(a.value(), nullptr, 10));
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// "heading 2" (Word's built-in name in every language's file), "标题 2" (WPS), "Heading2" → 1.
std::optional<int> levelFromName(std::string_view name) {
  std::string n = lower(name);
  for (std::string_view prefix : {"heading", "标题"}) {
    if (n.rfind(prefix, 0) != 0) continue;
    std::string_view rest = std::string_view(n).substr(prefix.size());
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.size() == 1 && rest[0] >= '1' && rest[0] <= '9') return rest[0] - '1';
  }
  return std::nullopt;
}

}  // namespace

DocxStyles::DocxStyles(const pugi::xml_node& root) {
  for (const pugi::xml_node& s : root.children("w:style")) {
    if (std::string_view(s.attribute("w:type").value()) != "paragraph") continue;
    const std::string id = s.attribute("w:styleId").value();
    Style style;
    style.basedOn = s.child("w:basedOn").attribute("w:val").value();
    style.name = s.child("w:name").attribute("w:val").value();
    const pugi::xml_node pPr = s.child("w:pPr");
    if (const pugi::xml_node numPr = pPr.child("w:numPr")) {
      style.numbering.numId = intVal(numPr.child("w:numId"));
      style.numbering.ilvl = intVal(numPr.child("w:ilvl"));
    }
    style.outlineLevel = intVal(pPr.child("w:outlineLvl"));
    if (!style.outlineLevel) style.outlineLevel = levelFromName(style.name);
    if (!style.outlineLevel) style.outlineLevel = levelFromName(id);
    if (style.outlineLevel && (*style.outlineLevel < 0 || *style.outlineLevel > 8)) style.outlineLevel.reset();  // 9: body text
    const std::string_view isDefault = s.attribute("w:default").value();
    if (isDefault == "1" || isDefault == "true") defaultParagraphStyle_ = id;
    styles_[id] = std::move(style);
  }
}

const DocxStyles::Style* DocxStyles::find(std::string_view styleId) const {
  if (styleId.empty()) styleId = defaultParagraphStyle_;
  auto it = styles_.find(styleId);
  return it == styles_.end() ? nullptr : &it->second;
}

StyleNumbering DocxStyles::numbering(std::string_view styleId) const {
  StyleNumbering out;
  const Style* style = find(styleId);
  for (int depth = 0; style && depth < kMaxBasedOnChain; ++depth) {
    if (!out.numId) out.numId = style->numbering.numId;
    if (!out.ilvl) out.ilvl = style->numbering.ilvl;
    if (out.numId && out.ilvl) break;
    style = style->basedOn.empty() ? nullptr : find(style->basedOn);
  }
  return out;
}

std::optional<int> DocxStyles::outlineLevel(std::string_view styleId) const {
  const Style* style = find(styleId);
  for (int depth = 0; style && depth < kMaxBasedOnChain; ++depth) {
    if (style->outlineLevel) return style->outlineLevel;
    style = style->basedOn.empty() ? nullptr : find(style->basedOn);
  }
  return std::nullopt;
}

}  // namespace gklint
