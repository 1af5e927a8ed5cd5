#include "engine/text/Decoder.h"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

#include "engine/text/Utf8.h"

namespace gklint {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

std::string hexByte(unsigned char c) {
  static const char* digits = "0123456789ABCDEF";
  return std::string("0x") + digits[c >> 4] + digits[c & 15];
}

uint64_t lineOfByte(std::string_view bytes, uint64_t offset) {
  return 1 + static_cast<uint64_t>(std::count(bytes.begin(), bytes.begin() + static_cast<long>(offset), '\n'));
}

DecodeResult failure(uint64_t offset, std::string message) {
  DecodeResult r;
  r.errorOffset = offset;
  r.error = std::move(message);
  return r;
}

// Converts with ICU, stopping at the first illegal or truncated sequence.
DecodeResult convertWithIcu(std::string_view bytes, const char* converterName, Encoding encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(converterName, &status));
  if (U_FAILURE(status)) return failure(0, std::string("ICU has no converter for ") + converterName);
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::vector<UChar> utf16(bytes.size() + 1);
  const char* src = bytes.data();
  UChar* dst = utf16.data();
  ucnv_toUnicode(conv.get(), &dst, utf16.data() + utf16.size(), &src, bytes.data() + bytes.size(), nullptr,
                 /*flush=*/true, &status);
  if (U_FAILURE(status)) {
    char invalid[32];
    int8_t invalidLength = sizeof invalid;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(conv.get(), invalid, &invalidLength, &ignored);
    uint64_t offset = static_cast<uint64_t>(src - bytes.data()) - static_cast<uint64_t>(std::max<int8_t>(invalidLength, 0));
    DecodeResult r = failure(offset, "");
    r.error = status == U_TRUNCATED_CHAR_FOUND ? "the text ends in the middle of a character" : "invalid byte sequence";
    return r;
  }
  int32_t length = static_cast<int32_t>(dst - utf16.data());
  std::string out(static_cast<size_t>(length) * 3 + 1, '\0');
  int32_t written = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &written, utf16.data(), length, &status);
  if (U_FAILURE(status)) return failure(0, "unpaired UTF-16 surrogate");
  out.resize(static_cast<size_t>(written));
  DecodeResult r;
  r.ok = true;
  r.text = std::move(out);
  r.encoding = encoding;
  return r;
}

// GB18030 decodes almost any byte soup; accept it only when the non-ASCII characters are
// overwhelmingly Chinese characters and CJK/full-width punctuation, as in real reports.
bool plausibleChinese(std::string_view utf8Text) {
  size_t nonAscii = 0, cjk = 0, controls = 0;
  size_t pos = 0;
  while (pos < utf8Text.size()) {
    char32_t cp = utf8::next(utf8Text, pos);
    if (cp < 0x80) {
      if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' && cp != '\f' && cp != '\v') ++controls;
      continue;
    }
    ++nonAscii;
    if (utf8::isHan(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
        (cp >= 0x2010 && cp <= 0x206F) || cp == 0xB7 || cp == 0xA0 || (cp >= 0x2460 && cp <= 0x24FF) ||
        (cp >= 0x2160 && cp <= 0x217F)) {
      ++cjk;
    }
  }
  return controls == 0 && nonAscii > 0 && cjk * 100 >= nonAscii * 95;
}

const char* binarySignature(std::string_view bytes) {
  auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
  if (starts("PK\x03\x04")) return "a ZIP archive (.docx, .xlsx or .zip)";
  if (starts("%PDF")) return "a PDF document";
  if (starts(std::string_view("\xD0\xCF\x11\xE0", 4))) return "a legacy Office document (.doc/.xls)";
  if (starts("\x89PNG") || starts("\xFF\xD8\xFF") || starts("GIF8")) return "an image";
  if (starts("\x7F" "ELF")) return "an executable";
  return nullptr;
}

// Offset of the first byte that makes the input binary, or npos.
size_t firstBinaryByte(std::string_view bytes) {
  const size_t probe = std::min<size_t>(bytes.size(), 64 * 1024);
  size_t controls = 0, firstControl = std::string_view::npos;
  for (size_t i = 0; i < bytes.size(); ++i) {
    auto c = static_cast<unsigned char>(bytes[i]);
    if (c >= 0x20) continue;  // nearly every byte: one test
    if (c == 0) return i;
    if (i < probe && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B) {
      if (controls++ == 0) firstControl = i;
    }
  }
  // A stray control byte is tolerated (pasted from Word); many of them mean binary data.
  return (controls > 8 && controls * 200 > probe) ? firstControl : std::string_view::npos;
}

// Whether the invalid tail starting at `from` is a UTF-8 sequence cut short by the end of the
// input: a valid lead byte followed only by continuation bytes, fewer than it needs.
bool truncatedAt(std::string_view bytes, size_t from) {
  const auto lead = static_cast<unsigned char>(bytes[from]);
  size_t need = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
  if (need == 0 || bytes.size() - from >= need) return false;
  for (size_t i = from + 1; i < bytes.size(); ++i) {
    if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) return false;
  }
  return true;
}

// `knownValid`: the valid prefix length when the caller has measured it already.
DecodeResult decodeUtf8(std::string_view bytes, Encoding encoding, uint64_t base, std::string_view whole,
                        std::optional<size_t> knownValid = std::nullopt) {
  const size_t valid = knownValid ? *knownValid : utf8::validPrefixLength(bytes);
  if (valid == bytes.size()) {
    DecodeResult r;
    r.ok = true;
    r.text = std::string(bytes);
    r.encoding = encoding;
    return r;
  }
  const uint64_t offset = base + valid;
  const bool truncated = truncatedAt(bytes, valid);
  std::string what = truncated ? "the file ends in the middle of a UTF-8 character (it was cut off)"
                               : "byte " + hexByte(static_cast<unsigned char>(bytes[valid])) +
                                     " is not valid UTF-8";
  return failure(offset, "invalid UTF-8 at byte offset " + std::to_string(offset) + " (line " +
                             std::to_string(lineOfByte(whole, offset)) + "): " + what +
                             "; re-save the report as UTF-8, or name its encoding with --encoding");
}

}  // namespace

bool parseEncodingChoice(std::string_view name, EncodingChoice& out) {
  std::string n(name);
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (n == "auto") out = EncodingChoice::Auto;
  else if (n == "utf-8" || n == "utf8") out = EncodingChoice::Utf8;
  else if (n == "utf-16" || n == "utf16") out = EncodingChoice::Utf16;
  else if (n == "gb18030" || n == "gbk" || n == "gb2312" || n == "cp936") out = EncodingChoice::Gb18030;
  else return false;
  return true;
}

DecodeResult decodeBytes(std::string_view bytes, EncodingChoice choice) {
  auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
  const bool bomUtf8 = starts("\xEF\xBB\xBF");
  const bool bomLE = starts(std::string_view("\xFF\xFE", 2));
  const bool bomBE = starts(std::string_view("\xFE\xFF", 2));

  if (choice == EncodingChoice::Utf16 || (choice == EncodingChoice::Auto && (bomLE || bomBE))) {
    if (!bomLE && !bomBE) return failure(0, "UTF-16 input must start with a byte order mark (FF FE or FE FF)");
    DecodeResult r = convertWithIcu(bytes.substr(2), bomLE ? "UTF-16LE" : "UTF-16BE",
                                    bomLE ? Encoding::Utf16LE : Encoding::Utf16BE);
    if (!r.ok) {
      r.errorOffset += 2;
      r.error = "invalid UTF-16 at byte offset " + std::to_string(r.errorOffset) + ": " + r.error;
    }
    return r;
  }

  if (const char* kind = binarySignature(bytes)) {
    return failure(0, std::string("binary content: this looks like ") + kind +
                          ", not a text report; export it as .txt or .md (UTF-8) first");
  }
  if (size_t at = firstBinaryByte(bytes); at != std::string_view::npos) {
    // Every other byte NUL: UTF-16 that lost its byte order mark.
    const size_t sample = std::min<size_t>(bytes.size(), 512);
    size_t evenNul = 0, oddNul = 0;
    for (size_t i = 0; i < sample; ++i) (i % 2 ? oddNul : evenNul) += bytes[i] == 0;
    // At least 16 bytes, 80% of one parity NUL, none of the other.
    const bool utf16 = sample >= 16 && std::max(evenNul, oddNul) * 5 >= sample * 2 && std::min(evenNul, oddNul) == 0;
    return failure(at, "binary content at byte offset " + std::to_string(at) + " (byte " +
                           hexByte(static_cast<unsigned char>(bytes[at])) + "): " +
                           (utf16 ? "this looks like UTF-16 without a byte order mark; re-save it as UTF-8"
                                  : "this is not a text report; export it as .txt or .md (UTF-8) first"));
  }

  if (choice == EncodingChoice::Utf8 || bomUtf8) {
    return decodeUtf8(bomUtf8 ? bytes.substr(3) : bytes, bomUtf8 ? Encoding::Utf8Bom : Encoding::Utf8,
                      bomUtf8 ? 3 : 0, bytes);
  }
  if (choice == EncodingChoice::Gb18030) {
    DecodeResult r = convertWithIcu(bytes, "GB18030", Encoding::Gb18030);
    if (!r.ok) {
      r.error = "invalid GB18030 at byte offset " + std::to_string(r.errorOffset) + " (line " +
                std::to_string(lineOfByte(bytes, r.errorOffset)) + "): " + r.error;
    }
    return r;
  }

  // Auto without BOM: UTF-8 first.
  const size_t valid = utf8::validPrefixLength(bytes);
  if (valid == bytes.size()) return decodeUtf8(bytes, Encoding::Utf8, 0, bytes, valid);
  // Real UTF-8 Chinese text that breaks later (e.g. cut off) is not GB18030: GBK-encoded
  // Chinese turns invalid as UTF-8 within its first few characters. A UTF-8 file merely cut
  // in its last character is UTF-8 however short it is.
  const size_t multiByte = utf8::countMultiByteSequences(bytes.substr(0, valid));
  if (multiByte >= 4 || (multiByte >= 1 && truncatedAt(bytes, valid))) return decodeUtf8(bytes, Encoding::Utf8, 0, bytes, valid);
  DecodeResult gb = convertWithIcu(bytes, "GB18030", Encoding::Gb18030);
  if (gb.ok && plausibleChinese(gb.text)) return gb;
  if (!gb.ok && gb.error == "the text ends in the middle of a character" && gb.errorOffset > 0) {
    // GB18030 text cut off: judge it by what came before the cut.
    DecodeResult head = convertWithIcu(bytes.substr(0, gb.errorOffset), "GB18030", Encoding::Gb18030);
    if (head.ok && plausibleChinese(head.text)) {
      return failure(gb.errorOffset, "invalid GB18030 at byte offset " + std::to_string(gb.errorOffset) + " (line " +
                                         std::to_string(lineOfByte(bytes, gb.errorOffset)) +
                                         "): the file ends in the middle of a character (it was cut off); "
                                         "restore the complete file");
    }
  }
  DecodeResult r = decodeUtf8(bytes, Encoding::Utf8, 0, bytes, valid);
  r.error = "neither UTF-8 nor GB18030/GBK text: " + r.error;
  return r;
}

}  // namespace gklint
