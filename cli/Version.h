// Version: gklint's version and home, as --version and the SARIF and JUnit reporters name them.
#pragma once

namespace gklint::cli {

inline constexpr const char* kVersion = "0.1.0";
// Where gklint's documentation lives; SARIF's informationUri, and the base of each rule's
// helpUri (kDocumentationUri + "docs/rules/<id>.md"). NOTE: no public home is fixed yet;
// change it here when there is one.
inline constexpr const char* kDocumentationUri = "https://gklint.example.org/";

}  // namespace gklint::cli
