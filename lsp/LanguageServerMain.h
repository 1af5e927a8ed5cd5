// LanguageServerMain: the command line of `gklint lsp` and `gklint-lsp`.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace gklint::lsp {

// Runs the Language Server with `args` (the words after "lsp"):
//   --sync                 no worker thread: each message is fully handled before the next
//   --debounce=MS          a fixed delay before diagnostics after an edit (default: adaptive,
//                          a few times the document's recent lint time; lsp/Debounce.h)
//   --input-style=STYLE    standard (Content-Length framing) or delimited (messages
//                          separated by "---" lines, for hand-written transcripts)
//   --pretty               indent the JSON it writes
//   --log=LEVEL            error, info (default) or verbose, on `err`
//   --help                 usage on stdout
// Reads `in`, writes the protocol to `out`. Returns the exit code: 0 after shutdown and
// exit, 1 when the input ends or exit comes without shutdown, 2 for a bad command line.
int runLanguageServer(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);

// The same on the process's stdin and stdout.
int runLanguageServer(const std::vector<std::string>& args, std::ostream& err);

}  // namespace gklint::lsp
