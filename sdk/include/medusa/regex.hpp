// A linear-time regular expression engine with ECMAScript syntax.
//
// JSON Schema's `pattern` and `patternProperties` use ECMA-262 regular expressions.
// std::regex backtracks (exponential on `^(a+)+$`), recurses (stack overflow on long
// inputs), has no `\p{..}` and is heavy in WebAssembly, so the SDK carries its own engine:
// patterns compile to an NFA that is simulated breadth-first (Pike VM), so matching costs
// O(text length x pattern size) on every pattern, with no recursion.
//
// Syntax and semantics are those of `new RegExp(pattern, "u").test(text)`: code points,
// not UTF-16 units; no flags; no Annex B leniency. Supported: literals, `.`, classes with
// ranges and negation, `\d \D \w \W \s \S \b \B`, `\p{..}`/`\P{..}` for General_Category
// values, Script and Script_Extensions (`sc=Latn`, `scx=Deva`) and 36 binary properties
// (`Emoji`, `Extended_Pictographic`, `Alphabetic`, `White_Space`, ..., `Any`, `ASCII`,
// `Assigned`) at Unicode 17.0, `^ $`, look-ahead and look-behind (each body marks the
// positions where it holds in one pass, so matching stays linear), groups (capturing,
// `(?:..)`, `(?<name>..)`), alternation, greedy and lazy quantifiers including `{n,m}`,
// and the escapes `\t \n \v \f \r \0 \cX \xHH \uHHHH \u{H..}`. Back-references (no
// linear algorithm) and the large case and identifier properties are refused with
// "regex.unsupported", once the rest of the pattern is known valid. See
// docs/personalization-schema.md for the full list.
#pragma once

#include <string>
#include <string_view>

#include "medusa/error.hpp"
#include "medusa/shared_const.hpp"

namespace medusa {

namespace detail {
struct RegexProgram;
}

/// Limits on what a pattern may compile to.
struct RegexLimits {
  std::size_t max_pattern_bytes = 4096;  ///< length of the pattern source
  std::size_t max_program_size = 20000;  ///< NFA instructions after expanding {n,m}
  std::size_t max_group_depth = 64;      ///< nesting of parentheses
};

/// A compiled pattern. Cheap to copy (the program is shared and immutable).
class Regex {
 public:
  /// Compiles an ECMAScript pattern. Error codes: "regex.syntax", "regex.unsupported",
  /// "regex.too_complex".
  static Result<Regex> compile(std::string_view pattern, const RegexLimits& limits = {});

  /// True when the pattern matches anywhere in `text` (UTF-8; invalid bytes are read as
  /// U+FFFD). Never recurses; time is linear in `text.size()`.
  bool search(std::string_view text) const;

  /// The pattern source as given to compile().
  const std::string& source() const;

 private:
  explicit Regex(detail::SharedConst<detail::RegexProgram> program);
  detail::SharedConst<detail::RegexProgram> program_;
};

/// The Unicode version of the tables used by `\p{..}`.
const char* regex_unicode_version() noexcept;

}  // namespace medusa
