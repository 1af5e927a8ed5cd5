// Tests for engine/text/Decoder: encodings of one real report, binary and broken input, and
// forced encodings. The error messages are the user interface, so they are asserted exactly.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <random>
#include <string>

#include "engine/text/Decoder.h"
#include "engine/text/Utf8.h"

using namespace gklint;

namespace {

std::string readFixture(const std::string& relative) {
  const std::string path = std::string(GKLINT_TEST_DIR) + "/" + relative;
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The seed every fixture under tests/fixtures/encodings/ was made from (make-fixtures.sh).
std::string seedText() { return readFixture("corpus/seeds/004_8d6632e4e8c36cd9.txt"); }
std::string encoded(const std::string& name) { return readFixture("fixtures/encodings/" + name); }

const std::string kResave = "; re-save the report as UTF-8, or name its encoding with --encoding";
const std::string kExport = "export it as .txt or .md (UTF-8) first";

}  // namespace

TEST_CASE("the same report decodes to identical text from every encoding", "[decoder]") {
  const std::string seed = seedText();
  REQUIRE(seed.size() == 5391);

  struct Case {
    const char* file;
    Encoding encoding;
  };
  for (const Case& c : {Case{"report.utf8.txt", Encoding::Utf8}, Case{"report.utf8bom.txt", Encoding::Utf8Bom},
                        Case{"report.utf16le.txt", Encoding::Utf16LE}, Case{"report.utf16be.txt", Encoding::Utf16BE},
                        Case{"report.gb18030.txt", Encoding::Gb18030}}) {
    INFO(c.file);
    const DecodeResult r = decodeBytes(encoded(c.file));
    CHECK(r.ok);
    CHECK(r.error.empty());
    CHECK(r.encoding == c.encoding);
    CHECK(r.text == seed);
  }
}

TEST_CASE("forcing the right encoding decodes the same text", "[decoder]") {
  const std::string seed = seedText();
  SECTION("utf-8") {
    const DecodeResult r = decodeBytes(encoded("report.utf8.txt"), EncodingChoice::Utf8);
    CHECK(r.ok);
    CHECK(r.encoding == Encoding::Utf8);
    CHECK(r.text == seed);
  }
  SECTION("utf-8 with BOM, forced utf-8") {
    const DecodeResult r = decodeBytes(encoded("report.utf8bom.txt"), EncodingChoice::Utf8);
    CHECK(r.ok);
    CHECK(r.encoding == Encoding::Utf8Bom);
    CHECK(r.text == seed);
  }
  SECTION("utf-16 little and big endian") {
    const DecodeResult le = decodeBytes(encoded("report.utf16le.txt"), EncodingChoice::Utf16);
    CHECK(le.ok);
    CHECK(le.encoding == Encoding::Utf16LE);
    CHECK(le.text == seed);
    const DecodeResult be = decodeBytes(encoded("report.utf16be.txt"), EncodingChoice::Utf16);
    CHECK(be.ok);
    CHECK(be.encoding == Encoding::Utf16BE);
    CHECK(be.text == seed);
  }
  SECTION("gb18030") {
    const DecodeResult r = decodeBytes(encoded("report.gb18030.txt"), EncodingChoice::Gb18030);
    CHECK(r.ok);
    CHECK(r.encoding == Encoding::Gb18030);
    CHECK(r.text == seed);
  }
}

TEST_CASE("line terminators are kept as they were", "[decoder]") {
  const DecodeResult utf8 = decodeBytes("一、总体情况\r\n二\r三\n");
  CHECK(utf8.ok);
  CHECK(utf8.text == "一、总体情况\r\n二\r三\n");
  // "一\r\n" in UTF-16LE with a BOM.
  const DecodeResult utf16 = decodeBytes(std::string("\xFF\xFE\x00\x4E\r\x00\n\x00", 8));
  CHECK(utf16.ok);
  CHECK(utf16.text == "一\r\n");
}

TEST_CASE("empty input decodes to empty text", "[decoder]") {
  const DecodeResult autoDetected = decodeBytes("");
  CHECK(autoDetected.ok);
  CHECK(autoDetected.text.empty());
  CHECK(autoDetected.encoding == Encoding::Utf8);
  CHECK(decodeBytes("", EncodingChoice::Utf8).ok);
  CHECK(decodeBytes("", EncodingChoice::Gb18030).ok);

  const DecodeResult bomOnly = decodeBytes("\xEF\xBB\xBF");
  CHECK(bomOnly.ok);
  CHECK(bomOnly.text.empty());
  CHECK(bomOnly.encoding == Encoding::Utf8Bom);

  const DecodeResult utf16BomOnly = decodeBytes(std::string("\xFF\xFE", 2));
  CHECK(utf16BomOnly.ok);
  CHECK(utf16BomOnly.text.empty());
  CHECK(utf16BomOnly.encoding == Encoding::Utf16LE);
}

TEST_CASE("binary signatures are refused by kind", "[decoder]") {
  struct Case {
    std::string bytes;
    const char* kind;
  };
  for (const Case& c : {
           Case{std::string("PK\x03\x04\x14\x00\x06\x00", 8), "a ZIP archive (.docx, .xlsx or .zip)"},
           Case{"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "a PDF document"},
           Case{std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "a legacy Office document (.doc/.xls)"},
           Case{"\x89PNG\r\n\x1A\n", "an image"},
           Case{"\xFF\xD8\xFF\xE0", "an image"},
           Case{"GIF89a", "an image"},
           Case{"\x7F" "ELF\x02\x01\x01", "an executable"},
       }) {
    INFO(c.kind);
    const DecodeResult r = decodeBytes(c.bytes);
    CHECK_FALSE(r.ok);
    CHECK(r.errorOffset == 0);
    CHECK(r.error == std::string("binary content: this looks like ") + c.kind + ", not a text report; " + kExport);
  }
}

TEST_CASE("a NUL byte anywhere makes the input binary, at its offset", "[decoder]") {
  SECTION("early") {
    const DecodeResult r = decodeBytes(std::string("一、总体情况\n\0\0\0", 22));
    CHECK_FALSE(r.ok);
    CHECK(r.errorOffset == 19);
    CHECK(r.error == "binary content at byte offset 19 (byte 0x00): this is not a text report; " + kExport);
  }
  SECTION("far past the first 64 KiB") {
    std::string bytes = seedText();
    while (bytes.size() < 100'000) bytes += seedText();
    const size_t at = bytes.size();
    bytes += '\0';
    const DecodeResult r = decodeBytes(bytes);
    CHECK_FALSE(r.ok);
    CHECK(r.errorOffset == at);
    CHECK(r.error == "binary content at byte offset " + std::to_string(at) +
                         " (byte 0x00): this is not a text report; " + kExport);
  }
  SECTION("forcing an encoding does not let binary through") {
    const DecodeResult r = decodeBytes(std::string("ab\0", 3), EncodingChoice::Gb18030);
    CHECK_FALSE(r.ok);
    CHECK(r.error == "binary content at byte offset 2 (byte 0x00): this is not a text report; " + kExport);
  }
}

TEST_CASE("many control bytes make the input binary, a stray one is tolerated", "[decoder]") {
  SECTION("nine control bytes in 510") {
    std::string bytes(510, 'x');
    for (size_t at = 100; at <= 500; at += 50) bytes[at] = '\x02';
    const DecodeResult r = decodeBytes(bytes);
    CHECK_FALSE(r.ok);
    CHECK(r.errorOffset == 100);
    CHECK(r.error == "binary content at byte offset 100 (byte 0x02): this is not a text report; " + kExport);
  }
  SECTION("a stray BEL and form feeds pasted from Word") {
    const std::string seed = seedText();
    const size_t lineStart = seed.find('\n', 1000) + 1;
    // A page break at a line start, and a BEL before 企 at 2997.
    const std::string bytes = seed.substr(0, lineStart) + "\f" + seed.substr(lineStart, 2997 - lineStart) + "\x07" +
                              seed.substr(2997);
    const DecodeResult r = decodeBytes(bytes);
    CHECK(r.ok);
    CHECK(r.text == bytes);
  }
}

TEST_CASE("UTF-16 without a byte order mark is refused as binary", "[decoder]") {
  // The BOM is what tells gklint the text is UTF-16; the first NUL is the high byte of the
  // "\n" ending line 1 (ten Chinese characters = 20 bytes, then 0A 00).
  const std::string bytes = encoded("report.utf16le.txt").substr(2);
  const DecodeResult r = decodeBytes(bytes);
  CHECK_FALSE(r.ok);
  CHECK(r.errorOffset == 21);
  CHECK(r.error == "binary content at byte offset 21 (byte 0x00): this is not a text report; " + kExport);
}

TEST_CASE("a UTF-8 report cut in the middle of a character says so", "[decoder]") {
  SECTION("the truncated fixture: one byte of 企 (E4 BC 81) left at offset 2997, line 70") {
    const std::string bytes = encoded("report.truncated.txt");
    REQUIRE(bytes.size() == 2998);
    const DecodeResult r = decodeBytes(bytes);
    CHECK_FALSE(r.ok);
    CHECK(r.errorOffset == 2997);
    CHECK(r.error == "invalid UTF-8 at byte offset 2997 (line 70): the file ends in the middle of a UTF-8 "
                     "character (it was cut off)" + kResave);
  }
  SECTION("two bytes of a three-byte character left") {
    const DecodeResult r = decodeBytes(seedText().substr(0, 2999));
    CHECK_FALSE(r.ok);
    CHECK(r.errorOffset == 2997);
    CHECK(r.error == "invalid UTF-8 at byte offset 2997 (line 70): the file ends in the middle of a UTF-8 "
                     "character (it was cut off)" + kResave);
  }
  SECTION("three bytes of 𠀋 left") {
    const std::string bytes = "一、总体情况\n" "2021年\xF0\xA0\x80";
    const DecodeResult r = decodeBytes(bytes);
    CHECK_FALSE(r.ok);
    CHECK(r.errorOffset == 26);
    CHECK(r.error == "invalid UTF-8 at byte offset 26 (line 2): the file ends in the middle of a UTF-8 "
                     "character (it was cut off)" + kResave);
  }
  SECTION("with a BOM, the offset counts the BOM") {
    const DecodeResult r = decodeBytes(encoded("report.utf8bom.txt").substr(0, 3001));
    CHECK_FALSE(r.ok);
    CHECK(r.errorOffset == 3000);
    CHECK(r.error == "invalid UTF-8 at byte offset 3000 (line 70): the file ends in the middle of a UTF-8 "
                     "character (it was cut off)" + kResave);
  }
  SECTION("forced utf-8") {
    const DecodeResult r = decodeBytes(encoded("report.truncated.txt"), EncodingChoice::Utf8);
    CHECK_FALSE(r.ok);
    CHECK(r.errorOffset == 2997);
  }
}

TEST_CASE("a short UTF-8 text cut in a character is not reinterpreted as GB18030", "[decoder]") {
  // Decoder.h: "A file that is UTF-8 but cut in the middle of a character is reported as such
  // (it is never reinterpreted as GB18030)." "2021年" + the first byte of 中 (E4 B8 AD)
  // happens to be valid GB18030 ("2021骞翠"), so with fewer than four Chinese characters
  // before the cut the decoder must still recognise the truncated UTF-8 sequence at the end.
  const DecodeResult r = decodeBytes("2021年\xE4");
  INFO("decoded as " << encodingName(r.encoding) << ": " << r.text);
  CHECK_FALSE(r.ok);
  CHECK(r.errorOffset == 7);
  CHECK(r.error == "invalid UTF-8 at byte offset 7 (line 1): the file ends in the middle of a UTF-8 character "
                   "(it was cut off)" + kResave);
}

TEST_CASE("an invalid byte inside UTF-8 text is named with its offset and line", "[decoder]") {
  const std::string seed = seedText();
  const std::string bytes = seed.substr(0, 2997) + "\xFF" + seed.substr(2997);
  const DecodeResult r = decodeBytes(bytes);
  CHECK_FALSE(r.ok);
  CHECK(r.errorOffset == 2997);
  CHECK(r.error == "invalid UTF-8 at byte offset 2997 (line 70): byte 0xFF is not valid UTF-8" + kResave);
}

TEST_CASE("an invalid byte at the very end is not mistaken for a cut-off character", "[decoder]") {
  // 0xFF (and 0xF5..0xFF, 0xC0, 0xC1) can never start a UTF-8 sequence, so a report ending in
  // one was not cut in a character: the byte itself is wrong.
  std::string bytes = seedText() + "\xFF";
  const DecodeResult r = decodeBytes(bytes);
  CHECK_FALSE(r.ok);
  CHECK(r.errorOffset == 5391);
  CHECK(r.error == "invalid UTF-8 at byte offset 5391 (line 277): byte 0xFF is not valid UTF-8" + kResave);
}

TEST_CASE("bytes that are neither UTF-8 nor plausible GB18030 are refused", "[decoder]") {
  SECTION("valid GB2312 kana, not Chinese report text") {
    // あいう in GB2312: decodes without error, but no Han character in sight.
    const DecodeResult r = decodeBytes("\xA4\xA2\xA4\xA4\xA4\xA6");
    CHECK_FALSE(r.ok);
    CHECK(r.errorOffset == 0);
    CHECK(r.error == "neither UTF-8 nor GB18030/GBK text: invalid UTF-8 at byte offset 0 (line 1): byte 0xA4 is "
                     "not valid UTF-8" + kResave);
  }
  SECTION("a lone 0x80, invalid in both") {
    const DecodeResult r = decodeBytes("2021\n\x80\x80\x80\x80\x80\x80");
    CHECK_FALSE(r.ok);
    CHECK(r.errorOffset == 5);
    CHECK(r.error == "neither UTF-8 nor GB18030/GBK text: invalid UTF-8 at byte offset 5 (line 2): byte 0x80 is "
                     "not valid UTF-8" + kResave);
  }
  SECTION("random printable and high bytes") {
    std::mt19937 generator(20211231);
    for (int round = 0; round < 50; ++round) {
      std::string bytes;
      for (int i = 0; i < 4096; ++i) bytes += static_cast<char>(0x20 + generator() % 224);
      const size_t valid = utf8::validPrefixLength(bytes);
      REQUIRE(valid < bytes.size());
      const DecodeResult r = decodeBytes(bytes);
      INFO("round " << round);
      CHECK_FALSE(r.ok);
      CHECK(r.errorOffset == valid);
      CHECK(r.error.rfind("neither UTF-8 nor GB18030/GBK text: invalid UTF-8 at byte offset " +
                              std::to_string(valid) + " (line 1): byte 0x",
                          0) == 0);
    }
  }
}

TEST_CASE("a GB18030 report is detected without a hint", "[decoder]") {
  const DecodeResult r = decodeBytes(encoded("report.gb18030.txt"), EncodingChoice::Auto);
  CHECK(r.ok);
  CHECK(r.encoding == Encoding::Gb18030);
}

TEST_CASE("a GB18030 report cut in the middle of a character says so", "[decoder]") {
  // Byte 1991 is the lead byte of 和 (two bytes) on line 59; keep only it.
  const std::string bytes = encoded("report.gb18030.txt").substr(0, 1992);
  SECTION("forced gb18030") {
    const DecodeResult r = decodeBytes(bytes, EncodingChoice::Gb18030);
    CHECK_FALSE(r.ok);
    CHECK(r.errorOffset == 1991);
    CHECK(r.error == "invalid GB18030 at byte offset 1991 (line 59): the text ends in the middle of a character");
  }
  SECTION("detected") {
    // The text up to the cut is plainly Chinese in GB18030; blaming byte 0 as "invalid UTF-8"
    // sends the user looking in the wrong place.
    const DecodeResult r = decodeBytes(bytes);
    INFO(r.error);
    CHECK_FALSE(r.ok);
    CHECK(r.errorOffset == 1991);
    CHECK(r.error.find("byte offset 1991") != std::string::npos);
    CHECK(r.error.find("ends in the middle of a character") != std::string::npos);
  }
}

TEST_CASE("forcing the wrong encoding fails cleanly", "[decoder]") {
  SECTION("utf-8 forced on a GB18030 report") {
    const DecodeResult r = decodeBytes(encoded("report.gb18030.txt"), EncodingChoice::Utf8);
    CHECK_FALSE(r.ok);
    CHECK(r.errorOffset == 0);
    CHECK(r.error == "invalid UTF-8 at byte offset 0 (line 1): byte 0xCB is not valid UTF-8" + kResave);
  }
  SECTION("gb18030 forced on a UTF-8 report") {
    // Python's gb18030 codec agrees: the first undecodable byte is the 0x80 at offset 55.
    const DecodeResult r = decodeBytes(encoded("report.utf8.txt"), EncodingChoice::Gb18030);
    CHECK_FALSE(r.ok);
    CHECK(r.errorOffset == 55);
    CHECK(r.error == "invalid GB18030 at byte offset 55 (line 2): invalid byte sequence");
  }
  SECTION("utf-16 forced on a file without a byte order mark") {
    const DecodeResult r = decodeBytes(encoded("report.utf8.txt"), EncodingChoice::Utf16);
    CHECK_FALSE(r.ok);
    CHECK(r.errorOffset == 0);
    CHECK(r.error == "UTF-16 input must start with a byte order mark (FF FE or FE FF)");
  }
  SECTION("utf-16 forced on empty input") {
    const DecodeResult r = decodeBytes("", EncodingChoice::Utf16);
    CHECK_FALSE(r.ok);
    CHECK(r.error == "UTF-16 input must start with a byte order mark (FF FE or FE FF)");
  }
  SECTION("utf-8 forced on a UTF-16 report") {
    const DecodeResult r = decodeBytes(encoded("report.utf16le.txt"), EncodingChoice::Utf8);
    CHECK_FALSE(r.ok);
    CHECK(r.errorOffset == 23);  // BOM + 10 characters + 0A, then the 00
    CHECK(r.error == "binary content at byte offset 23 (byte 0x00): this is not a text report; " + kExport);
  }
}

TEST_CASE("broken UTF-16 is located", "[decoder]") {
  SECTION("odd number of bytes") {
    std::string bytes = encoded("report.utf16le.txt");
    bytes.pop_back();
    const DecodeResult r = decodeBytes(bytes);
    CHECK_FALSE(r.ok);
    CHECK(r.errorOffset == 4526);
    CHECK(r.error == "invalid UTF-16 at byte offset 4526: the text ends in the middle of a character");
  }
  SECTION("unpaired high surrogate") {
    // BOM, 一, a lone D800, then "A".
    const DecodeResult r = decodeBytes(std::string("\xFF\xFE\x00\x4E\x00\xD8\x41\x00", 8));
    CHECK_FALSE(r.ok);
    CHECK(r.errorOffset == 4);
    CHECK(r.error == "invalid UTF-16 at byte offset 4: invalid byte sequence");
  }
}

TEST_CASE("parseEncodingChoice accepts the documented names", "[decoder]") {
  EncodingChoice c = EncodingChoice::Auto;
  CHECK(parseEncodingChoice("utf-8", c));
  CHECK(c == EncodingChoice::Utf8);
  CHECK(parseEncodingChoice("UTF8", c));
  CHECK(c == EncodingChoice::Utf8);
  CHECK(parseEncodingChoice("utf-16", c));
  CHECK(c == EncodingChoice::Utf16);
  CHECK(parseEncodingChoice("GBK", c));
  CHECK(c == EncodingChoice::Gb18030);
  CHECK(parseEncodingChoice("gb2312", c));
  CHECK(c == EncodingChoice::Gb18030);
  CHECK(parseEncodingChoice("auto", c));
  CHECK(c == EncodingChoice::Auto);
  c = EncodingChoice::Utf16;
  CHECK_FALSE(parseEncodingChoice("latin1", c));
  CHECK_FALSE(parseEncodingChoice("", c));
  CHECK(c == EncodingChoice::Utf16);  // untouched on failure
}
