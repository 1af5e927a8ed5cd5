// Outline: the catalogue of the six top-level sections that structure recognition matches.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gklint {

struct OutlineSection {
  std::string key;                    // stable key used by rule scopes: section:<key>
  int number = 0;                     // 1..6, the numeral the template gives it
  std::string title;                  // the template wording, e.g. "总体情况"
  std::vector<std::string> keywords;  // any of these in a heading identifies the section
  std::vector<std::string> variants;  // wordings seen in real reports (reported, not errors)
  bool allowNil = false;              // "无。" is an acceptable body
};

// Loaded from the rule packs (rules/gov/outline.yaml). Immutable after loading.
struct Outline {
  std::vector<OutlineSection> sections;

  // Index of the section a heading title (white space removed) belongs to, or -1. The
  // section with the longest matching keyword wins; ties go to the earlier section.
  int match(std::string_view titleWithoutSpaces) const;
  int indexOf(std::string_view key) const;
};

}  // namespace gklint
