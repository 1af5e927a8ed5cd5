#include "engine/read/HtmlCharset.h"

#include <algorithm>
#include <string>

namespace gklint {
namespace {

// How far into the page a declaration is looked for (the HTML standard's prescan reads 1024
// bytes; CMS pages often put comments and scripts first, so allow more).
constexpr size_t kPrescanBytes = 4096;

std::string lowerAscii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
  return out;
}

std::optional<EncodingChoice> choiceForLabel(std::string_view label) {
  if (label == "gbk" || label == "gb2312" || label == "gb18030" || label == "gb_2312-80" || label == "x-gbk" ||
      label == "cp936" || label == "euc-cn" || label == "chinese" || label == "csgb2312") {
    return EncodingChoice::Gb18030;
  }
  if (label == "utf-8" || label == "utf8") return EncodingChoice::Utf8;
  if (label == "utf-16" || label == "utf-16le" || label == "utf-16be") return EncodingChoice::Utf16;
  return std::nullopt;
}

bool isLabelChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; }

}  // namespace

std::optional<EncodingChoice> declaredHtmlCharset(std::string_view bytes) {
  const std::string head = lowerAscii(bytes.substr(0, std::min(bytes.size(), kPrescanBytes)));
  size_t at = 0;
  while ((at = head.find("<meta", at)) != std::string::npos) {
    const size_t end = head.find('>', at);
    const std::string_view tag = std::string_view(head).substr(at, end == std::string::npos ? std::string::npos : end - at);
    at += 5;
    // Both forms carry "charset" followed by '=' and the label, quoted or not.
    const size_t key = tag.find("charset");
    if (key == std::string_view::npos) continue;
    size_t i = key + 7;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t' || tag[i] == '\n' || tag[i] == '\r')) ++i;
    if (i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '"' || tag[i] == '\'')) ++i;
    size_t j = i;
    while (j < tag.size() && isLabelChar(tag[j])) ++j;
    if (j > i) return choiceForLabel(tag.substr(i, j - i));
  }
  return std::nullopt;
}

EncodingChoice htmlEncodingChoice(std::string_view bytes, EncodingChoice requested) {
  if (requested != EncodingChoice::Auto) return requested;
  // A byte-order mark wins: detection reads it.
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF" || bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    return EncodingChoice::Auto;
  }
  // Only a GB declaration forces the decoder. A page that says UTF-8 is still detected (a
  // mislabelled GBK page then reads as GBK); one whose <meta> says UTF-16 is ASCII-compatible
  // by the very fact that the declaration could be read, so browsers read it as UTF-8 too.
  const auto declared = declaredHtmlCharset(bytes);
  return declared == EncodingChoice::Gb18030 ? EncodingChoice::Gb18030 : EncodingChoice::Auto;
}

}  // namespace gklint
