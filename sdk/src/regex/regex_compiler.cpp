// Turns the parse tree into Pike VM instructions. Counted repetition is expanded, so
// the emitted size is checked as it grows: `(a{1000}){1000}` is refused, not allocated.
#include <algorithm>
#include <string>

#include <optional>

#include "regex/regex_ast.hpp"

namespace medusa::regex {
namespace {

// Emits one instruction list: the pattern's, or a look-around body's (reversed for a
// look-ahead, whose body runs backwards). Every list counts against one size limit.
class Compiler {
 public:
  Compiler(const Ast& ast, std::size_t max_size, std::size_t& used,
           std::vector<Lookaround>& lookarounds, bool reversed)
      : ast_(ast),
        max_size_(max_size),
        used_(used),
        lookarounds_(lookarounds),
        reversed_(reversed) {}

  // The code for `root`, or nullopt when the program would exceed max_size instructions.
  std::optional<std::vector<Inst>> run(std::uint32_t root) {
    emit(root);
    push({Op::match});
    if (too_complex_) return std::nullopt;
    return std::move(code_);
  }

 private:
  // Past the limit nothing more is added (emit() stops at once); the returned slot only
  // keeps the caller's patching of jump targets in bounds.
  std::uint32_t push(Inst inst) {
    if (used_++ >= max_size_) {
      too_complex_ = true;
      if (code_.empty()) code_.push_back(inst);
      return static_cast<std::uint32_t>(code_.size() - 1);
    }
    code_.push_back(inst);
    return static_cast<std::uint32_t>(code_.size() - 1);
  }
  std::uint32_t here() const { return static_cast<std::uint32_t>(code_.size()); }

  void emit(std::uint32_t id) {
    if (too_complex_) return;
    const AstNode& n = ast_.nodes[id];
    switch (n.kind) {
      case AstNode::Kind::empty:
        return;
      case AstNode::Kind::character:
        push({Op::character, n.ch});
        return;
      case AstNode::Kind::any:
        push({Op::any});
        return;
      case AstNode::Kind::char_class:
        push({Op::char_class, n.cls});
        return;
      case AstNode::Kind::line_start:
        push({Op::line_start});
        return;
      case AstNode::Kind::line_end:
        push({Op::line_end});
        return;
      case AstNode::Kind::word_boundary:
        push({Op::word_boundary});
        return;
      case AstNode::Kind::not_word_boundary:
        push({Op::not_word_boundary});
        return;
      case AstNode::Kind::concat:
        if (reversed_) {
          for (auto child = n.children.rbegin(); child != n.children.rend(); ++child) emit(*child);
        } else {
          for (auto child : n.children) emit(child);
        }
        return;
      case AstNode::Kind::lookaround: {
        // The body's direction is its own, whatever the direction around it: the marks it
        // leaves are per position.
        Compiler body(ast_, max_size_, used_, lookarounds_, /*reversed=*/n.ahead);
        auto code = body.run(n.children[0]);
        if (!code) {
          too_complex_ = true;
          return;
        }
        lookarounds_.push_back({std::move(*code), n.ahead, n.negated});
        push({Op::lookaround, static_cast<std::uint32_t>(lookarounds_.size() - 1)});
        return;
      }
      case AstNode::Kind::alternation: {
        std::vector<std::uint32_t> exits;
        for (std::size_t i = 0; i + 1 < n.children.size(); ++i) {
          const auto split = push({Op::split});
          code_[split].arg = here();
          emit(n.children[i]);
          exits.push_back(push({Op::jump}));
          code_[split].arg2 = here();
        }
        emit(n.children.back());
        for (auto j : exits) code_[j].arg = here();
        return;
      }
      case AstNode::Kind::repeat: {
        const auto child = n.children[0];
        for (std::uint32_t i = 0; i < n.min; ++i) emit(child);
        if (n.unbounded) {
          const auto split = push({Op::split});
          code_[split].arg = here();
          emit(child);
          push({Op::jump, split});
          code_[split].arg2 = here();
          return;
        }
        std::vector<std::uint32_t> splits;
        for (std::uint32_t i = n.min; i < n.max; ++i) {
          const auto split = push({Op::split});
          code_[split].arg = here();
          splits.push_back(split);
          emit(child);
        }
        for (auto s : splits) code_[s].arg2 = here();
        return;
      }
    }
  }

  const Ast& ast_;
  std::size_t max_size_;
  std::size_t& used_;
  std::vector<Lookaround>& lookarounds_;
  bool reversed_;
  std::vector<Inst> code_;
  bool too_complex_ = false;
};

bool starts_with_line_start(const Ast& ast, std::uint32_t id) {
  const AstNode& n = ast.nodes[id];
  if (n.kind == AstNode::Kind::line_start) return true;
  if (n.kind == AstNode::Kind::concat) return starts_with_line_start(ast, n.children.front());
  if (n.kind == AstNode::Kind::alternation) {
    return std::all_of(n.children.begin(), n.children.end(),
                       [&](std::uint32_t c) { return starts_with_line_start(ast, c); });
  }
  return false;
}

}  // namespace

namespace {

std::optional<Matcher> single_matcher(const AstNode& n) {
  switch (n.kind) {
    case AstNode::Kind::character:
      return Matcher{Matcher::Kind::character, n.ch, 0};
    case AstNode::Kind::any:
      return Matcher{Matcher::Kind::any, 0, 0};
    case AstNode::Kind::char_class:
      return Matcher{Matcher::Kind::char_class, 0, n.cls};
    default:
      return std::nullopt;
  }
}

// The AnchoredRun of `^ tests... [test{m,n}] $`, or a disabled one.
AnchoredRun anchored_run(const Ast& ast) {
  AnchoredRun run;
  const AstNode& root = ast.nodes[ast.root];
  if (root.kind != AstNode::Kind::concat || root.children.size() < 2) return run;
  const auto& parts = root.children;
  if (ast.nodes[parts.front()].kind != AstNode::Kind::line_start ||
      ast.nodes[parts.back()].kind != AstNode::Kind::line_end) {
    return run;
  }
  for (std::size_t i = 1; i + 1 < parts.size(); ++i) {
    const AstNode& part = ast.nodes[parts[i]];
    if (auto m = single_matcher(part)) {
      if (run.has_repeat) return AnchoredRun{};  // a test after the repetition
      run.prefix.push_back(*m);
      continue;
    }
    if (part.kind != AstNode::Kind::repeat || run.has_repeat || part.children.size() != 1)
      return AnchoredRun{};
    auto m = single_matcher(ast.nodes[part.children[0]]);
    if (!m) return AnchoredRun{};
    run.has_repeat = true;
    run.repeated = *m;
    run.min = part.min;
    run.max = part.max;
    run.unbounded = part.unbounded;
  }
  run.enabled = true;
  return run;
}

}  // namespace

// Run once per class when compiling: built for size with the compiler, not with the VM.
void CharClass::prepare_ascii() {
  for (auto& subset : subsets) subset.prepare_ascii();
  ascii_bits[0] = ascii_bits[1] = 0;
  for (char32_t cp = 0; cp < 0x80; ++cp)
    if (matches_slow(cp)) ascii_bits[cp >> 6] |= std::uint64_t{1} << (cp & 63);
  ascii_ready = true;
}

Result<detail::RegexProgram> compile_ast(Ast ast, const RegexLimits& limits) {
  detail::RegexProgram program;
  std::size_t used = 0;
  auto code =
      Compiler(ast, limits.max_program_size, used, program.lookarounds, false).run(ast.root);
  if (!code) {
    return Error{
        ErrorKind::invalid_pattern, "regex.too_complex",
        "pattern expands to more than " + std::to_string(limits.max_program_size) + " instructions",
        ""};
  }
  program.code = std::move(*code);
  program.largest_code = program.code.size();
  for (const auto& la : program.lookarounds)
    program.largest_code = std::max(program.largest_code, la.code.size());
  program.anchored_start = starts_with_line_start(ast, ast.root);
  program.run = anchored_run(ast);
  program.classes = std::move(ast.classes);
  for (auto& cls : program.classes) cls.prepare_ascii();
  return program;
}

}  // namespace medusa::regex
