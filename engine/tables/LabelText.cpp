#include "engine/tables/LabelText.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <unordered_map>

#include "engine/text/Trim.h"
#include "engine/text/Utf8.h"

namespace gklint {

namespace {

std::string normalizeUncached(std::string_view label);

}  // namespace

std::string normalizeLabel(std::string_view label) {
  // Plain ASCII ("0", "12") is already NFKC: only spaces and quotes go.
  bool ascii = true;
  for (unsigned char c : label) ascii = ascii && c < 0x80;
  if (ascii) {
    std::string out;
    for (char c : label) {
      if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '\r' || c == '\n') continue;
      out += c == '[' ? '(' : c == ']' ? ')' : c;
    }
    return out;
  }
  // Labels repeat across rows and reports: remember recent results (bounded, per thread; the
  // bound keeps a long run's memory flat — the template labels are normalised at load).
  constexpr size_t kMaxCached = 512;
  thread_local std::unordered_map<std::string, std::string> cache;
  std::string key(label);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  if (cache.size() >= kMaxCached) cache.clear();
  std::string normalized = normalizeUncached(label);
  cache.emplace(std::move(key), normalized);
  return normalized;
}

namespace {

std::string normalizeUncached(std::string_view label) {
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

}  // namespace

}  // namespace gklint
