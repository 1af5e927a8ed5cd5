// Uri: file URIs ↔ file-system paths (RFC 8089 as editors send them, percent-encoded UTF-8).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gklint::lsp {

// The path of a file: URI ("file:///a/%E6%8A%A5%E5%91%8A.txt" → "/a/报告.txt"); the host part
// ("localhost" or empty) is ignored. Nothing for other schemes (untitled:, …) or bad escapes.
std::optional<std::string> uriToPath(std::string_view uri);

// The file: URI of an absolute path; bytes other than unreserved characters and '/' are
// percent-encoded, as VS Code does.
std::string pathToUri(std::string_view path);

// The last path segment of a URI without query or fragment ("…/2021.md?x" → "2021.md"),
// percent-decoded when possible; for telling the format from the extension.
std::string uriFileName(std::string_view uri);

}  // namespace gklint::lsp
