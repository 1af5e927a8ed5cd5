// JsonText: appends JSON values to a string, byte for byte as nlohmann::json's dump() writes
// them (compact, UTF-8 kept, invalid UTF-8 replaced), for the reporters' per-finding hot path.
#pragma once

#include <string>
#include <string_view>

namespace gklint::cli {

// `"…"` with `"`, `\`, \b \f \n \r \t and the other control characters (\u00XX) escaped, the
// rest of valid UTF-8 copied; text that is not valid UTF-8 goes through nlohmann::json, which
// replaces each bad sequence with U+FFFD (error_handler_t::replace).
void appendJsonString(std::string& out, std::string_view text);

// A decimal integer, as dump() writes a number_integer.
void appendJsonInt(std::string& out, long long value);

// `"key":`, the key written as appendJsonString writes it.
inline void appendJsonKey(std::string& out, std::string_view key) {
  appendJsonString(out, key);
  out += ':';
}

}  // namespace gklint::cli
