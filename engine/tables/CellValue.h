// CellValue: parses the text of a table value cell into a BoundCell's state and number.
#pragma once

#include <string_view>

#include "engine/model/BoundTable.h"

namespace gklint {

// "12", "１２", "1,200", "1 200", "-3", "+2", "0.35" are numbers; "", white space are
// blank; "/", "—", "-", "无", "不适用" are dashes; anything else is text. Sets
// state, value, integer, negative, reformatted and text; never fails.
void parseCell(std::string_view cellText, BoundCell& cell);

// Whether a raw cell looks like a value rather than a label: a number, a dash, or text that
// starts with a number not followed by a list marker ("22（其中修订16件）" yes, "3. 其他" no).
bool looksLikeValue(std::string_view cellText);

}  // namespace gklint
