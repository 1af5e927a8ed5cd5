// PatternPrefilter: one RE2::Set over every pattern of a rule set, so that a piece of text is
// scanned once to learn which patterns can match in it; each text check then runs its own
// (submatching) search only on the pieces where its pattern is known to match. Most pieces of
// a report match no pattern at all, and scanning them once instead of once per pattern is
// what keeps the text rules cheap.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/ByteSpan.h"
#include "engine/rules/RulePattern.h"

namespace gklint {

// Filled when a rule set is loaded, then sealed; thread-safe afterwards. The set itself is
// compiled once enough text has been linted to repay it (kWorthCompilingBytes): until then
// documents search their patterns directly, with the same findings (the prefilter only ever
// rules out what the pattern itself would not match).
class PatternPrefilter {
 public:
  PatternPrefilter();
  ~PatternPrefilter();
  PatternPrefilter(const PatternPrefilter&) = delete;
  PatternPrefilter& operator=(const PatternPrefilter&) = delete;

  // Registers `pattern` and returns its slot, or kNoSlot when it cannot join the set (other
  // options than the rule compiler's, or the set is already sealed): such a pattern is then
  // simply always searched. Patterns are parsed for the set only when it is compiled.
  static constexpr int kNoSlot = -1;
  int add(const RulePattern& pattern);
  // Ends registration: after this, add() refuses and the set may be compiled.
  void seal();
  size_t size() const { return static_cast<size_t>(count_); }

  // Once the documents linted with this prefilter add up to this much text, the set is compiled.
  // Compiling it (and warming its DFA) costs what searching the patterns directly costs over
  // about four reports (≈ 33 M instructions against ≈ 9 M saved per 7 KB report), so a process
  // that lints one report — `gklint check report.txt` — never compiles it; a batch or an editor
  // session does after a few.
  static constexpr size_t kWorthCompilingBytes = 32 << 10;
  // Whether a document of `documentBytes` is filtered by the set: always once the set is
  // compiled; otherwise when this document brings the text linted so far to
  // kWorthCompilingBytes, compiling it now (once, whichever thread asks first). False before
  // seal() and for a set that fails to compile.
  bool useFor(size_t documentBytes) const;

  // The slots whose pattern matches somewhere in `text`, ascending. False when the set could
  // not answer (not compiled, or the DFA ran out of memory): every slot may match then.
  bool matchingSlots(std::string_view text, std::vector<int>& slots) const;

 private:
  void compileOnce() const;

  std::unique_ptr<RE2::Set> set_;
  std::vector<std::string> sources_;  // by slot
  // Filled when the set is compiled: the slot of each member of the set, and the slots RE2
  // could not add to it (reported as matching everywhere).
  mutable std::vector<int> slotOfMember_;
  mutable std::vector<int> alwaysMatching_;
  int count_ = 0;
  bool sealed_ = false;
  mutable std::once_flag compileFlag_;
  mutable std::atomic<bool> compiled_{false};  // set_ compiled successfully
  mutable std::atomic<size_t> lintedBytes_{0};  // documents asked about so far (useFor)
};

// The prefilter's answers for one document, cached by piece: text checks visit the same
// paragraphs, so each piece is scanned by the set once however many rules look at it.
// Not thread-safe; one per document being linted.
class PieceMatchCache {
 public:
  // `documentBytes`: the size of the document's linted text (PatternPrefilter::useFor).
  PieceMatchCache(const PatternPrefilter* prefilter, size_t documentBytes);

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
