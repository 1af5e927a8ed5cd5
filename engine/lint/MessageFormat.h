// MessageFormat: fills {placeholders} of a rule's message template.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gklint {

using MessageArgs = std::vector<std::pair<std::string_view, std::string>>;

// Replaces each {name} with its argument; an unknown {name} stays as written ("{{" is a
// literal brace). Rule loading rejects placeholders a kind does not provide, so in
// practice every placeholder is filled.
std::string formatMessage(std::string_view pattern, const MessageArgs& args);

// The placeholder names used in `pattern`, in order of appearance.
std::vector<std::string> placeholdersIn(std::string_view pattern);

}  // namespace gklint
