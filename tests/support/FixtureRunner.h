// FixtureRunner: lints a report file with the built-in rules and renders its findings in
// the CLI's text format without the path ("LINE:COL: SEVERITY: MESSAGE [RULE]").
#pragma once

#include <string>
#include <vector>

namespace gklint::test {

// Findings of the file at `path`, one line each, in the engine's order. A decoding error
// renders as a single "error: …" line.
std::vector<std::string> renderFindings(const std::string& path);

// Lines of an expectation file: blank lines and lines starting with '#' are skipped.
std::vector<std::string> readExpectations(const std::string& path);

// Every report (.txt, .md) under `dir`, recursively, sorted.
std::vector<std::string> reportFilesUnder(const std::string& dir);

std::string readWholeFile(const std::string& path);

}  // namespace gklint::test
