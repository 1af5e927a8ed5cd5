#include "cli/HtmlText.h"

#include "engine/text/Utf8.h"

namespace gklint::cli {

std::string htmlEscape(std::string_view text) {
  static constexpr const char* kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const size_t valid = utf8::validPrefixLength(text);
    for (char c : text.substr(0, valid)) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default:
          if ((static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\x7F') out += kReplacement;
          else out += c;
      }
    }
    if (valid == text.size()) break;
    out += kReplacement;
    text.remove_prefix(valid + 1);
  }
  return out;
}

}  // namespace gklint::cli
