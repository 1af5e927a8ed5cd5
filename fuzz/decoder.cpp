// Fuzz target: decodeBytes — BOMs, UTF-8, UTF-16 (odd lengths, lone surrogates), GB18030, binary refusal.
#include "engine/text/Decoder.h"
#include "engine/text/Utf8.h"
#include "fuzz/FuzzSupport.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gklint;
  const std::string_view bytes = fuzz::asText(data, size);
  for (EncodingChoice choice : {EncodingChoice::Auto, EncodingChoice::Utf8, EncodingChoice::Utf16, EncodingChoice::Gb18030}) {
    const DecodeResult r = decodeBytes(bytes, choice);
    if (r.ok) {
      // What the rest of the engine relies on: decoded text is valid UTF-8.
      if (utf8::validPrefixLength(r.text) != r.text.size()) std::abort();
    } else if (r.error.empty() || r.errorOffset > size) {
      std::abort();  // every refusal says why and where
    }
  }
  return 0;
}
