// PatternPrefilter: one RE2::Set over every pattern of a rule set, so that a piece of text is
// scanned once to learn which patterns can match in it; each text check then runs its own
// (submatching) search only on the pieces where its pattern is known to match. Most pieces of
// a report match no pattern at all, and scanning them once instead of once per pattern is
// what keeps the text rules cheap.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/model/ByteSpan.h"

namespace gklint {

// Built once when a rule set is loaded; immutable and thread-safe afterwards.
class PatternPrefilter {
 public:
  PatternPrefilter();
  ~PatternPrefilter();
  PatternPrefilter(const PatternPrefilter&) = delete;
  PatternPrefilter& operator=(const PatternPrefilter&) = delete;

  // Registers `re` and returns its slot, or kNoSlot when it cannot join the set (other
  // options than the rule compiler's, or the set is already compiled): such a pattern is
  // then simply always searched.
  static constexpr int kNoSlot = -1;
  int add(const RE2& re);
  // Compiles the set; after this, add() refuses. A set that fails to compile answers
  // "may match" for every slot.
  void compile();
  size_t size() const { return static_cast<size_t>(count_); }

  // The slots whose pattern matches somewhere in `text`, ascending. False when the set could
  // not answer (not compiled, or the DFA ran out of memory): every slot may match then.
  bool matchingSlots(std::string_view text, std::vector<int>& slots) const;

 private:
  std::unique_ptr<RE2::Set> set_;
  int count_ = 0;
  bool compiled_ = false;
};

// The prefilter's answers for one document, cached by piece: text checks visit the same
// paragraphs, so each piece is scanned by the set once however many rules look at it.
// Not thread-safe; one per document being linted.
class PieceMatchCache {
 public:
  explicit PieceMatchCache(const PatternPrefilter* prefilter) : prefilter_(prefilter) {}

  // False only when the prefilter proves that the pattern in `slot` does not match `text`
  // (the text of `piece`); true for kNoSlot, without a prefilter, or when the set cannot tell.
  bool mayMatch(ByteSpan piece, std::string_view text, int slot);

 private:
  struct Answer {
    bool known = false;            // the set answered; otherwise every slot may match
    std::vector<uint64_t> slots;   // bit per slot
  };
  const Answer& answerFor(ByteSpan piece, std::string_view text);

  const PatternPrefilter* prefilter_;
  std::unordered_map<uint64_t, Answer> answers_;  // key: piece.begin << 32 | piece.end
  std::vector<int> scratch_;
};

}  // namespace gklint
