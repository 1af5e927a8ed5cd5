#include "engine/tables/LabelText.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "engine/text/Trim.h"
#include "engine/text/Utf8.h"

namespace gklint {

std::string normalizeLabel(std::string_view label) {
  std::string spaced = removeSpaces(label);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  std::string normalized;
  if (U_SUCCESS(status)) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(spaced.data(), static_cast<int32_t>(spaced.size())));
    icu::UnicodeString n = nfkc->normalize(u, status);
    if (U_SUCCESS(status)) n.toUTF8String(normalized);
  }
  if (normalized.empty()) normalized = spaced;
  std::string out;
  out.reserve(normalized.size());
  size_t pos = 0;
  while (pos < normalized.size()) {
    size_t start = pos;
    char32_t cp = utf8::next(normalized, pos);
    switch (cp) {
      case U'"': case U'\'': case U'“': case U'”': case U'‘': case U'’': case U'「': case U'」':
        continue;  // quotes are often dropped: "危及三安全一稳定"
      case U'〔': case U'【': case U'[': out += '('; continue;
      case U'〕': case U'】': case U']': out += ')'; continue;
      case U'．': out += '.'; continue;
      default: break;
    }
    if (utf8::isSpace(cp)) continue;
    out.append(normalized, start, pos - start);
  }
  return out;
}

}  // namespace gklint
