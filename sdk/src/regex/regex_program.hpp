// The compiled form of a Regex: an NFA program for a Pike VM (internal header).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "regex/unicode_properties.hpp"

namespace medusa::regex {

/// A character class: ranges, property sets and ASCII, optionally negated as a whole.
struct CharClass {
  struct Property {
    PropertySet set;
    bool negated = false;  ///< `\P{..}`
  };
  std::vector<std::pair<char32_t, char32_t>> ranges;  ///< sorted, disjoint after finish()
  std::vector<Property> properties;
  std::vector<CharClass> subsets;  ///< e.g. `\D` inside a class: member if any subset matches
  bool negated = false;
  /// Membership of the 128 ASCII code points, once prepare_ascii() has run: personalized
  /// text is mostly ASCII, and a bit test beats the range search and category lookup.
  std::uint64_t ascii_bits[2] = {0, 0};
  bool ascii_ready = false;

  void add(char32_t lo, char32_t hi) { ranges.emplace_back(lo, hi); }
  void finish();  ///< sorts and merges ranges
  void prepare_ascii();
  bool matches(char32_t cp) const {
    if (cp < 0x80 && ascii_ready) return (ascii_bits[cp >> 6] >> (cp & 63)) & 1u;
    return matches_slow(cp);
  }
  bool matches_slow(char32_t cp) const;
};

/// One code point test: a character, `.` or a class.
struct Matcher {
  enum class Kind : std::uint8_t { character, any, char_class } kind = Kind::character;
  char32_t ch = 0;
  std::uint32_t cls = 0;
};

/// The shape most personalization patterns have, `^` + single code point tests + at
/// most one final repetition of a test + `$` (e.g. `^[\p{L} ,.!?'-]+$`,
/// `^#[0-9a-fA-F]{6}$`): matched by one pass over the text, without the VM's thread
/// lists. Anchored at both ends with the repetition last, greedy matching is exact.
struct AnchoredRun {
  bool enabled = false;
  std::vector<Matcher> prefix;
  bool has_repeat = false;
  Matcher repeated;
  std::uint32_t min = 0, max = 0;
  bool unbounded = false;
};

enum class Op : std::uint8_t {
  character,      ///< consume `arg` exactly
  any,            ///< consume anything but a line terminator
  char_class,     ///< consume a member of classes[arg]
  split,          ///< fork to `arg` and `arg2` (arg preferred)
  jump,           ///< continue at `arg`
  line_start,     ///< assert position 0
  line_end,       ///< assert end of text
  word_boundary,  ///< assert \b
  not_word_boundary,
  lookaround,  ///< assert lookarounds[arg] holds at this position
  match
};

struct Inst {
  Op op;
  std::uint32_t arg = 0;
  std::uint32_t arg2 = 0;
};

/// A look-around's body, run over the whole text once per search to mark the positions
/// where it holds (the linear-time method of V8's experimental engine and of Barrière and
/// Pit-Claudel, PLDI 2024). A look-behind's body runs forwards, started at every
/// position, and holds at each position where it reaches `match`; a look-ahead's body is
/// compiled reversed and runs backwards from the end the same way. Bodies are listed
/// inner ones first, so a nested look-around's marks exist before its parent runs.
struct Lookaround {
  std::vector<Inst> code;
  bool ahead = false;
  bool negated = false;
};

}  // namespace medusa::regex

namespace medusa::detail {

struct RegexProgram {
  std::string source;
  std::vector<regex::Inst> code;
  std::vector<regex::Lookaround> lookarounds;
  std::size_t largest_code = 0;  ///< the longest of `code` and the look-around bodies
  std::vector<regex::CharClass> classes;
  bool anchored_start = false;  ///< every path begins with `^`: try position 0 only
  regex::AnchoredRun run;       ///< the fast path, when the pattern has its shape
};

}  // namespace medusa::detail
