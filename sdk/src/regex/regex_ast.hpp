// Parse tree of an ECMAScript pattern (internal header).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "medusa/error.hpp"
#include "medusa/regex.hpp"
#include "regex/regex_program.hpp"

namespace medusa::regex {

struct AstNode {
  enum class Kind {
    empty,
    character,
    any,
    char_class,
    concat,
    alternation,
    repeat,
    line_start,
    line_end,
    word_boundary,
    not_word_boundary,
    lookaround  ///< `(?=..)` `(?!..)` `(?<=..)` `(?<!..)`: one child
  };
  Kind kind = Kind::empty;
  char32_t ch = 0;                      ///< character
  std::uint32_t cls = 0;                ///< char_class: index into Ast::classes
  std::vector<std::uint32_t> children;  ///< concat, alternation, repeat (one child)
  std::uint32_t min = 0;                ///< repeat
  std::uint32_t max = 0;                ///< repeat, ignored when unbounded
  bool unbounded = false;               ///< repeat
  bool ahead = false;                   ///< lookaround: `(?=` `(?!` rather than `(?<=` `(?<!`
  bool negated = false;                 ///< lookaround: `(?!` `(?<!`
};

struct Ast {
  std::vector<AstNode> nodes;
  std::vector<CharClass> classes;
  std::uint32_t root = 0;
};

/// Parses `pattern`; errors use the codes documented on Regex::compile.
Result<Ast> parse_pattern(std::string_view pattern, const RegexLimits& limits);

/// Compiles a parsed pattern to a program; fails with "regex.too_complex" when the
/// expanded program exceeds limits.max_program_size.
Result<detail::RegexProgram> compile_ast(Ast ast, const RegexLimits& limits);

/// Runs the program over `text` (the Pike VM).
bool run_program(const detail::RegexProgram& program, std::string_view text);

}  // namespace medusa::regex
