// Decoder: turns a report's raw bytes into UTF-8 text, detecting its encoding.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/text/Source.h"

namespace gklint {

// What the caller asks for: detect (default), or force one encoding.
enum class EncodingChoice { Auto, Utf8, Utf16, Gb18030 };

// Parses "auto", "utf-8", "utf-16", "gb18030" (also "gbk", "gb2312"); false when unknown.
bool parseEncodingChoice(std::string_view name, EncodingChoice& out);

struct DecodeResult {
  bool ok = false;
  std::string text;              // UTF-8, BOM removed; line terminators kept as they were
  Encoding encoding = Encoding::Utf8;
  uint64_t errorOffset = 0;      // byte offset into the input of the first problem
  std::string error;             // what is wrong and what to do, in one sentence; empty when ok
};

// Detection order: BOM (UTF-8, UTF-16LE/BE); binary content (NUL or control bytes, known
// archive/PDF signatures) is refused; valid UTF-8; otherwise GB18030/GBK through ICU if the
// result is plausible Chinese text; otherwise an error naming the first invalid byte.
// A file that is UTF-8 but cut in the middle of a character is reported as such (it is
// never reinterpreted as GB18030). Never throws; pure function of its input.
DecodeResult decodeBytes(std::string_view bytes, EncodingChoice choice = EncodingChoice::Auto);

}  // namespace gklint
