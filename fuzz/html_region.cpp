// Fuzz target: the HTML reader's region pre-scan against the whole-page parse. A page is decoded
// and guarded as analyzeBytes does; whenever readHtml took the region path (HtmlRegion found the
// report's element and gumbo parsed only that), its HtmlText must equal readHtmlWholePage's in
// every field but regionOnly: the linted text, the body path, the page the OriginMap holds, and
// the place of every linted byte. A difference aborts, naming the first field that differs.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "engine/read/HtmlCharset.h"
#include "engine/read/HtmlGuard.h"
#include "engine/read/HtmlReader.h"
#include "engine/text/Decoder.h"
#include "fuzz/FuzzSupport.h"

namespace {

using namespace gklint;

[[noreturn]] void diverge(const char* field, const std::string& detail) {
  std::fprintf(stderr, "html_region: readHtml (region only) and readHtmlWholePage differ in %s: %s\n", field,
               detail.c_str());
  std::abort();
}

// The first offset where `a` and `b` differ, with a few bytes of each from there.
std::string firstDifference(const std::string& a, const std::string& b) {
  size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  return "byte " + std::to_string(i) + " of " + std::to_string(a.size()) + " / " + std::to_string(b.size()) +
         ": region \"" + a.substr(i, 24) + "\", whole page \"" + b.substr(i, 24) + "\"";
}

std::string describe(const OriginPlace& p) {
  return "kind " + std::to_string(static_cast<int>(p.kind)) + " offset " + std::to_string(p.offset) + " character " +
         std::to_string(p.character);
}

void compare(const HtmlText& region, const HtmlText& whole) {
  if (whole.regionOnly) diverge("regionOnly", "readHtmlWholePage says it read a region");
  if (region.text != whole.text) diverge("text", firstDifference(region.text, whole.text));
  if (region.body != whole.body) diverge("body", "region \"" + region.body + "\", whole page \"" + whole.body + "\"");
  if (!region.origin || !whole.origin) {
    diverge("origin", std::string("region ") + (region.origin ? "has" : "has no") + " map, whole page " +
                          (whole.origin ? "has" : "has no") + " map");
  }
  const OriginMap& a = *region.origin;
  const OriginMap& b = *whole.origin;
  if (a.originalText() != b.originalText()) diverge("origin.originalText", firstDifference(a.originalText(), b.originalText()));
  if (a.empty() != b.empty() || a.anchorCount() != b.anchorCount()) {
    diverge("origin.anchorCount", std::to_string(a.anchorCount()) + " / " + std::to_string(b.anchorCount()));
  }
  // Every linted byte, and one past the end (where a finding at the end of the text is placed).
  for (size_t i = 0; i <= region.text.size(); ++i) {
    const auto at = static_cast<uint32_t>(i);
    const OriginPlace pa = a.placeOf(region.text, at);
    const OriginPlace pb = b.placeOf(whole.text, at);
    if (!(pa == pb)) {
      const size_t line = region.text.rfind('\n', i == 0 ? 0 : i - 1);
      diverge("origin.placeOf", "linted byte " + std::to_string(i) + " (line \"" +
                                    region.text.substr(line == std::string::npos ? 0 : line + 1, 30) + "\"): region " +
                                    describe(pa) + ", whole page " + describe(pb));
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes = fuzz::asText(data, size);
  // The page as analyzeBytes hands it to readHtml: decoded by its declared charset, not refused by
  // the nesting guard.
  DecodeResult decoded = decodeBytes(bytes, htmlEncodingChoice(bytes, EncodingChoice::Auto));
  if (!decoded.ok || findHtmlHazard(decoded.text)) return 0;
  const HtmlText region = readHtml(decoded.text);
  if (!region.regionOnly) return 0;  // readHtml fell back to readHtmlWholePage itself
  compare(region, readHtmlWholePage(std::move(decoded.text)));
  return 0;
}
