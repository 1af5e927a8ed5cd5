#include "engine/lint/PatternPrefilter.h"

#include <algorithm>

#include "engine/rules/PatternCompiler.h"

namespace gklint {
namespace {

// The combined program and its DFA cache. The cache keeps the states the reports so far
// needed and is reset by RE2 when full, so this is also the bound on how much the prefilter
// adds to gklint's memory however many files one process reads.
constexpr int64_t kSetMemoryBytes = 8 << 20;

// The options every rule pattern is compiled with (PatternCompiler), with room for the
// combined program and its DFA.
RE2::Options setOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(kSetMemoryBytes);
  return options;
}

// Whether `re` was compiled with the options the set uses for every member (memory budget
// aside): only then does the set's answer equal the pattern's own.
bool sameMatchingOptions(const RE2::Options& a, const RE2::Options& b) {
  return a.encoding() == b.encoding() && a.posix_syntax() == b.posix_syntax() &&
         a.longest_match() == b.longest_match() && a.literal() == b.literal() && a.never_nl() == b.never_nl() &&
         a.dot_nl() == b.dot_nl() && a.never_capture() == b.never_capture() &&
         a.case_sensitive() == b.case_sensitive() && a.perl_classes() == b.perl_classes() &&
         a.word_boundary() == b.word_boundary() && a.one_line() == b.one_line();
}

}  // namespace

PatternPrefilter::PatternPrefilter() : set_(std::make_unique<RE2::Set>(setOptions(), RE2::UNANCHORED)) {}
PatternPrefilter::~PatternPrefilter() = default;

int PatternPrefilter::add(const RulePattern& pattern) {
  if (sealed_ || !sameMatchingOptions(pattern.options(), setOptions())) return kNoSlot;
  sources_.push_back(pattern.source());
  count_ = static_cast<int>(sources_.size());
  return count_ - 1;
}

void PatternPrefilter::seal() { sealed_ = true; }

void PatternPrefilter::compileOnce() const {
  std::call_once(compileFlag_, [this] {
    // The patterns join the set only now (parsing them at load was a twentieth of start-up).
    for (size_t slot = 0; slot < sources_.size(); ++slot) {
      std::string error;
      if (set_->Add(sources_[slot], &error) >= 0) slotOfMember_.push_back(static_cast<int>(slot));
      else alwaysMatching_.push_back(static_cast<int>(slot));  // RE2 cannot parse it for a set
    }
    if (!slotOfMember_.empty() && set_->Compile()) compiled_.store(true, std::memory_order_release);
  });
}

bool PatternPrefilter::useFor(size_t documentBytes) const {
  if (!sealed_ || count_ == 0) return false;
  if (compiled_.load(std::memory_order_acquire)) return true;
  const size_t linted = lintedBytes_.fetch_add(documentBytes, std::memory_order_relaxed) + documentBytes;
  if (linted < kWorthCompilingBytes) return false;
  compileOnce();
  return compiled_.load(std::memory_order_acquire);
}

bool PatternPrefilter::matchingSlots(std::string_view text, std::vector<int>& slots) const {
  slots.clear();
  if (!compiled_.load(std::memory_order_acquire)) return false;
  const re2::StringPiece input(text.data(), text.size());
  RE2::Set::ErrorInfo error{};
  // Most pieces match nothing: asking only whether anything matches stops at the first match
  // and allocates nothing; the slots are collected only when something does.
  if (!set_->Match(input, nullptr, &error)) {
    if (error.kind != RE2::Set::kNoError) return false;
  } else if (!set_->Match(input, &slots, &error) && error.kind != RE2::Set::kNoError) {
    return false;  // out of memory or anything else: cannot tell
  }
  // Members to slots: both ascend, so the order stays.
  for (int& member : slots) member = slotOfMember_[static_cast<size_t>(member)];
  if (!alwaysMatching_.empty()) {
    slots.insert(slots.end(), alwaysMatching_.begin(), alwaysMatching_.end());
    std::sort(slots.begin(), slots.end());
  }
  return true;
}

PieceMatchCache::PieceMatchCache(const PatternPrefilter* prefilter, size_t documentBytes)
    : prefilter_(prefilter && prefilter->useFor(documentBytes) ? prefilter : nullptr),
      wordsPerAnswer_(prefilter_ ? (prefilter_->size() + 63) / 64 : 0) {}

uint32_t PieceMatchCache::answerFor(ByteSpan piece, std::string_view text) {
  const uint64_t key = (static_cast<uint64_t>(piece.begin) << 32) | piece.end;
  if ((entries_.size() + 1) * 4 > table_.size() * 3) grow();
  size_t i = hashOf(key) & (table_.size() - 1);
  while (table_[i] != kEmpty) {
    const Entry& e = entries_[table_[i]];
    if (e.key == key) return table_[i];
    i = (i + 1) & (table_.size() - 1);
  }
  Entry entry{key, false, static_cast<uint32_t>(words_.size())};
  entry.known = prefilter_->matchingSlots(text, scratch_);
  words_.resize(words_.size() + wordsPerAnswer_, 0);
  for (int slot : scratch_) words_[entry.firstWord + static_cast<size_t>(slot) / 64] |= uint64_t{1} << (slot % 64);
  table_[i] = static_cast<uint32_t>(entries_.size());
  entries_.push_back(entry);
  return table_[i];
}

void PieceMatchCache::grow() {
  std::vector<uint32_t> bigger(std::max<size_t>(64, table_.size() * 2), kEmpty);
  for (uint32_t index = 0; index < entries_.size(); ++index) {
    size_t i = hashOf(entries_[index].key) & (bigger.size() - 1);
    while (bigger[i] != kEmpty) i = (i + 1) & (bigger.size() - 1);
    bigger[i] = index;
  }
  table_ = std::move(bigger);
}

size_t PieceMatchCache::hashOf(uint64_t key) { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 20); }

bool PieceMatchCache::mayMatch(ByteSpan piece, std::string_view text, int slot) {
  if (slot == PatternPrefilter::kNoSlot || !prefilter_ || prefilter_->size() == 0) return true;
  const Entry& answer = entries_[answerFor(piece, text)];
  if (!answer.known) return true;
  return (words_[answer.firstWord + static_cast<size_t>(slot) / 64] >> (slot % 64)) & 1;
}

}  // namespace gklint
