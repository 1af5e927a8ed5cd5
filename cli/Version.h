// Version: gklint's version and home, as --version and the SARIF and JUnit reporters name them.
#pragma once

namespace gklint::cli {

inline constexpr const char* kVersion = "0.1.0";
// Where gklint's documentation is published (a URL ending in '/'), set at build time with
// -DGKLINT_DOCS_URL=…: SARIF's informationUri, and the base of each rule's helpUri
// (kDocumentationUri + "docs/rules/<id>.md"). Empty (the default) leaves both out rather
// than pointing at pages that do not exist.
#ifndef GKLINT_DOCS_URL
#define GKLINT_DOCS_URL ""
#endif
inline constexpr const char* kDocumentationUri = GKLINT_DOCS_URL;
inline constexpr bool hasDocumentationUri() { return kDocumentationUri[0] != '\0'; }

}  // namespace gklint::cli
