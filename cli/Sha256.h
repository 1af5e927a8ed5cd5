// Sha256: the SHA-256 digest (FIPS 180-4) of a byte string, as lowercase hex — for stable
// fingerprints (GitLab Code Quality) without a crypto library.
#pragma once

#include <string>
#include <string_view>

namespace gklint::cli {

// 64 lowercase hex digits.
std::string sha256Hex(std::string_view bytes);

}  // namespace gklint::cli
