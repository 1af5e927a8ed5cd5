#include "engine/rules/YamlSizeLimit.h"

namespace gklint {

std::optional<std::string> yamlTooLarge(size_t bytes, std::string_view what) {
  if (bytes <= kMaxYamlFileBytes) return std::nullopt;
  return "the file is " + std::to_string(bytes) + " bytes, over the " + std::to_string(kMaxYamlFileBytes >> 20) +
         " MiB limit for " + std::string(what) + "; split it into smaller files";
}

std::string shortenForMessage(std::string_view text, size_t maxBytes) {
  if (text.size() <= maxBytes) return std::string(text);
  size_t cut = maxBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return std::string(text.substr(0, cut)) + "…";
}

}  // namespace gklint
