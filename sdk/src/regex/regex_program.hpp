// The compiled form of a Regex: an NFA program for a Pike VM (internal header).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "regex/unicode_categories.hpp"

namespace medusa::regex {

/// A character class: ranges, property sets and ASCII, optionally negated as a whole.
struct CharClass {
  struct Property {
    CategoryMask mask = 0;
    bool ascii = false;
    bool negated = false;  ///< `\P{..}` or a negated shorthand inside the class
  };
  std::vector<std::pair<char32_t, char32_t>> ranges;  ///< sorted, disjoint after finish()
  std::vector<Property> properties;
  std::vector<CharClass> subsets;  ///< e.g. `\D` inside a class: member if any subset matches
  bool negated = false;

  void add(char32_t lo, char32_t hi) { ranges.emplace_back(lo, hi); }
  void finish();  ///< sorts and merges ranges
  bool matches(char32_t cp) const;
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
  match
};

struct Inst {
  Op op;
  std::uint32_t arg = 0;
  std::uint32_t arg2 = 0;
};

}  // namespace medusa::regex

namespace medusa::detail {

struct RegexProgram {
  std::string source;
  std::vector<regex::Inst> code;
  std::vector<regex::CharClass> classes;
  bool anchored_start = false;  ///< every path begins with `^`: try position 0 only
};

}  // namespace medusa::detail
