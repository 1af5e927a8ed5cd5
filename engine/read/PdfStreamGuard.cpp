#include "engine/read/PdfStreamGuard.h"

#include <zlib.h>

#include <algorithm>
#include <array>

namespace gklint {
namespace {

// The stream's dictionary: from the last "<<" before `keyword` that belongs to its object
// (after the preceding "obj"), bounded so that a huge dictionary costs nothing.
std::string_view dictionaryBefore(std::string_view pdf, size_t keyword) {
  constexpr size_t kMaxDictionary = 4096;
  const size_t from = keyword > kMaxDictionary ? keyword - kMaxDictionary : 0;
  std::string_view before = pdf.substr(from, keyword - from);
  const size_t obj = before.rfind("obj");
  if (obj != std::string_view::npos) before = before.substr(obj);
  return before;
}

bool parsedForText(std::string_view dictionary) {
  if (dictionary.find("/FlateDecode") == std::string_view::npos && dictionary.find("/Fl ") == std::string_view::npos &&
      dictionary.find("/Fl]") == std::string_view::npos && dictionary.find("/Fl/") == std::string_view::npos) {
    return false;
  }
  // Images and embedded fonts are not decoded to extract text.
  return dictionary.find("/Image") == std::string_view::npos && dictionary.find("/Length1") == std::string_view::npos &&
         dictionary.find("/Length2") == std::string_view::npos && dictionary.find("/Subtype/Type1C") == std::string_view::npos &&
         dictionary.find("/Subtype /Type1C") == std::string_view::npos &&
         dictionary.find("/CIDFontType0C") == std::string_view::npos && dictionary.find("/OpenType") == std::string_view::npos;
}

// Inflates the zlib data at the start of `data` until its end, an error or `budget` bytes out;
// returns the bytes it produced (budget + 1 when it would produce more).
size_t inflatedSize(std::string_view data, size_t budget) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return 0;
  std::array<unsigned char, 64 * 1024> scratch{};
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(std::min<size_t>(data.size(), UINT32_MAX));
  size_t produced = 0;
  while (produced <= budget) {
    z.next_out = scratch.data();
    z.avail_out = static_cast<uInt>(scratch.size());
    const int status = inflate(&z, Z_NO_FLUSH);
    produced += scratch.size() - z.avail_out;
    if (status != Z_OK) break;  // the end, a data error (poppler reports it) or no progress
  }
  inflateEnd(&z);
  return produced;
}

}  // namespace

std::optional<PdfBomb> findDecompressionBomb(std::string_view pdf, size_t limit) {
  size_t total = 0;
  size_t pos = 0;
  while ((pos = pdf.find("stream", pos)) != std::string_view::npos) {
    const size_t keyword = pos;
    pos += 6;
    if (keyword >= 3 && pdf.substr(keyword - 3, 3) == "end") continue;  // "endstream"
    size_t data = pos;
    if (data < pdf.size() && pdf[data] == '\r') ++data;
    if (data < pdf.size() && pdf[data] == '\n') ++data;
    if (data == pos) continue;  // "stream" inside some other token
    if (!parsedForText(dictionaryBefore(pdf, keyword))) continue;
    total += inflatedSize(pdf.substr(data), limit - std::min(total, limit));
    if (total > limit) return PdfBomb{data};
  }
  return std::nullopt;
}

}  // namespace gklint
