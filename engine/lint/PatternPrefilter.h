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
#include <vector>

#include "engine/model/ByteSpan.h"
#include "engine/rules/RulePattern.h"

namespace gklint {

// Built once when a rule set is loaded; immutable and thread-safe afterwards.
class PatternPrefilter {
 public:
  PatternPrefilter();
  ~PatternPrefilter();
  PatternPrefilter(const PatternPrefilter&) = delete;
  PatternPrefilter& operator=(const PatternPrefilter&) = delete;

  // Registers `pattern` and returns its slot, or kNoSlot when it cannot join the set (other
  // options than the rule compiler's, the set is already compiled, or RE2 cannot parse it):
  // such a pattern is then simply always searched.
  static constexpr int kNoSlot = -1;
  int add(const RulePattern& pattern);
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
  explicit PieceMatchCache(const PatternPrefilter* prefilter);

  // False only when the prefilter proves that the pattern in `slot` does not match `text`
  // (the text of `piece`); true for kNoSlot, without a prefilter, or when the set cannot tell.
  bool mayMatch(ByteSpan piece, std::string_view text, int slot);

 private:
  // A report has a few hundred pieces, each asked about by many rules: answers live in one
  // array, found through a small open-addressing table (no allocation per piece).
  struct Entry {
    uint64_t key;        // piece.begin << 32 | piece.end
    bool known;          // the set answered; otherwise every slot may match
    uint32_t firstWord;  // the answer's bits (one per slot) start at words_[firstWord]
  };
  static constexpr uint32_t kEmpty = UINT32_MAX;
  uint32_t answerFor(ByteSpan piece, std::string_view text);  // index into entries_
  void grow();
  static size_t hashOf(uint64_t key);

  const PatternPrefilter* prefilter_;
  size_t wordsPerAnswer_;
  std::vector<Entry> entries_;
  std::vector<uint64_t> words_;
  std::vector<uint32_t> table_;  // indexes into entries_, or kEmpty; size a power of two
  std::vector<int> scratch_;
};

}  // namespace gklint
