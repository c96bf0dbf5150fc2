#include "medusa/regex.hpp"

#include "built_for_size.hpp"
#include "regex/regex_ast.hpp"
#include "regex/unicode_properties.hpp"

namespace medusa {

MEDUSA_BUILT_FOR_SIZE_BEGIN
Result<Regex> Regex::compile(std::string_view pattern, const RegexLimits& limits) {
  auto ast = regex::parse_pattern(pattern, limits);
  if (!ast) return ast.error();
  auto program = regex::compile_ast(std::move(ast).value(), limits);
  if (!program) return program.error();
  program->source = std::string(pattern);
  return Regex(detail::SharedConst<detail::RegexProgram>::make(std::move(program).value()));
}
MEDUSA_BUILT_FOR_SIZE_END

Regex::Regex(detail::SharedConst<detail::RegexProgram> program) : program_(std::move(program)) {}

bool Regex::search(std::string_view text) const {
  return regex::run_program(*program_, text);
}

const std::string& Regex::source() const {
  return program_->source;
}

const char* regex_unicode_version() noexcept {
  return regex::unicode_table_version();
}

}  // namespace medusa
