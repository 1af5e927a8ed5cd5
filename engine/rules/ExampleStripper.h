// ExampleStripper: a rule file's text with its rules' `tests:` examples blanked out, for the
// commands that only lint (examples are read by `rules test` and `rules doc`).
#pragma once

#include <string>
#include <string_view>

namespace gklint {

// Every block `tests:` key (alone on its line, any indentation) and the lines of its value —
// the following lines indented deeper, sequence items at the key's own indentation, blank and
// comment lines — replaced by empty lines. Every other line, and so every line number and
// column yaml-cpp reports, stays as it was. A `tests:` with a value on its own line (flow
// style) is left alone.
std::string withoutExamples(std::string_view yaml);

}  // namespace gklint
