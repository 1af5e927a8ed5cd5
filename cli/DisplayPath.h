// DisplayPath: how the CLI shows a file path to people — relative to the working folder when
// the file is under it (as compilers print them), absolute otherwise.
#pragma once

#include <string>

namespace gklint::cli {

// `path` relative to the current working folder when it lies under it ("reports/a.txt"),
// else absolute and normalised ("/srv/other/a.txt"). '/'-separated. Pure path arithmetic:
// never touches the file. A path equal to the working folder is ".".
std::string displayPath(const std::string& path);

}  // namespace gklint::cli
