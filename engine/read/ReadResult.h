// ReadResult: what every reader yields — blocks and raw tables with byte spans.
#pragma once

#include <vector>

#include "engine/model/Block.h"

namespace gklint {

struct ReadResult {
  std::vector<Block> blocks;
  std::vector<RawTable> tables;
};

}  // namespace gklint
