#include "engine/lint/PatternPrefilter.h"

#include "engine/rules/PatternCompiler.h"

namespace gklint {
namespace {

// The options every rule pattern is compiled with (PatternCompiler), with room for the
// combined program and its DFA.
RE2::Options setOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(4 * kMaxPatternMemoryBytes);
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

int PatternPrefilter::add(const RE2& re) {
  if (compiled_ || !re.ok() || !sameMatchingOptions(re.options(), setOptions())) return kNoSlot;
  std::string error;
  const int slot = set_->Add(re.pattern(), &error);
  if (slot < 0) return kNoSlot;
  count_ = slot + 1;
  return slot;
}

void PatternPrefilter::compile() {
  if (compiled_) return;
  compiled_ = true;
  if (count_ == 0 || !set_->Compile()) set_.reset();
}

bool PatternPrefilter::matchingSlots(std::string_view text, std::vector<int>& slots) const {
  slots.clear();
  if (!compiled_ || !set_) return false;
  RE2::Set::ErrorInfo error{};
  if (set_->Match(re2::StringPiece(text.data(), text.size()), &slots, &error)) return true;
  // No match and no error: nothing matches. Out of memory or anything else: cannot tell.
  return error.kind == RE2::Set::kNoError;
}

const PieceMatchCache::Answer& PieceMatchCache::answerFor(ByteSpan piece, std::string_view text) {
  const uint64_t key = (static_cast<uint64_t>(piece.begin) << 32) | piece.end;
  auto [it, inserted] = answers_.try_emplace(key);
  if (!inserted) return it->second;
  Answer& answer = it->second;
  answer.known = prefilter_->matchingSlots(text, scratch_);
  if (answer.known) {
    answer.slots.assign((prefilter_->size() + 63) / 64, 0);
    for (int slot : scratch_) answer.slots[static_cast<size_t>(slot) / 64] |= uint64_t{1} << (slot % 64);
  }
  return answer;
}

bool PieceMatchCache::mayMatch(ByteSpan piece, std::string_view text, int slot) {
  if (slot == PatternPrefilter::kNoSlot || !prefilter_) return true;
  const Answer& answer = answerFor(piece, text);
  if (!answer.known) return true;
  return (answer.slots[static_cast<size_t>(slot) / 64] >> (slot % 64)) & 1;
}

}  // namespace gklint
