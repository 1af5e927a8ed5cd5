// PdfStreamGuard: finds decompression bombs in a PDF's streams before poppler parses them.
//
// poppler inflates a page's content stream while it lays out the page's text, in one call that
// cannot be interrupted or told to stop at a size; a few hundred kilobytes of Flate data can
// inflate to gigabytes. This guard scans the raw file for "stream" keywords, and inflates every
// Flate stream that poppler would parse for text (page contents, form XObjects, object streams;
// not images or embedded fonts, which text extraction does not decode) into a small scratch
// buffer, counting the bytes, and stops at the first that takes the total over the limit.
// Linear in the inflated size up to the limit; allocates no more than the scratch buffer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace gklint {

struct PdfBomb {
  uint64_t offset = 0;  // byte offset of the stream's data in the file
};

// The first stream at which the inflated total of text-bearing Flate streams passes `limit`.
std::optional<PdfBomb> findDecompressionBomb(std::string_view pdf, size_t limit);

}  // namespace gklint
