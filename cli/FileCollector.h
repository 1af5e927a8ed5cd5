// FileCollector: expands the paths given on the command line into report files to lint.
#pragma once

#include <string>
#include <vector>

namespace gklint::cli {

struct PathError {
  std::string path;
  std::string message;  // what is wrong and what to do
};

struct CollectedFiles {
  std::vector<std::string> files;  // in argument order; folder contents sorted by path
  std::vector<PathError> errors;   // paths that do not exist, cannot be read or are unsupported
};

// A file argument is taken as given if its extension is supported (.txt, .md, .markdown),
// else reported. A folder is searched recursively for supported files (hidden entries and
// node_modules skipped).
CollectedFiles collectFiles(const std::vector<std::string>& paths);

}  // namespace gklint::cli
