// HtmlCharset: the character encoding an HTML page declares for itself (<meta charset>,
// <meta http-equiv="Content-Type" content="…; charset=…">), read from its raw bytes.
#pragma once

#include <optional>
#include <string_view>

#include "engine/text/Decoder.h"

namespace gklint {

// The encoding the first 4 KiB of `bytes` declare, as a decoder choice: GBK, GB2312 and GB18030
// give Gb18030; UTF-8 gives Utf8; UTF-16 gives Utf16. Nothing when the page declares nothing (or
// an encoding gklint does not read, which then goes through detection). A byte-order mark wins
// over any declaration, as in browsers: callers check it first (decodeBytes does).
std::optional<EncodingChoice> declaredHtmlCharset(std::string_view bytes);

// The decoder choice for an HTML page: `requested` when the user forced one, else the
// declared charset, else detection.
EncodingChoice htmlEncodingChoice(std::string_view bytes, EncodingChoice requested);

}  // namespace gklint
