// Pike VM: simulates every NFA thread in lock-step over the text, so each position is
// visited once per program instruction at most. No recursion, no backtracking.
#include <algorithm>

#include "regex/regex_ast.hpp"
#include "text/utf8.hpp"

namespace medusa::regex {
namespace {

constexpr char32_t kNone = 0xFFFFFFFF;  // before the start / past the end of the text

bool is_word(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool is_line_terminator(char32_t c) {
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

struct Context {
  bool at_start;
  bool at_end;
  char32_t prev;
  char32_t next;
};

class Vm {
 public:
  explicit Vm(const detail::RegexProgram& p) : p_(p), mark_(p.code.size(), 0) {
    current_.reserve(p.code.size());
    next_.reserve(p.code.size());
  }

  bool search(std::string_view text) {
    std::size_t pos = 0;
    char32_t prev = kNone;
    std::size_t after = 0;
    char32_t cur = pos < text.size() ? text::decode_utf8(text, after) : kNone;
    ++generation_;
    while (true) {
      const Context here{pos == 0, pos >= text.size(), prev, cur};
      if ((!p_.anchored_start || pos == 0) && add(current_, 0, here)) return true;
      if (current_.empty() && (p_.anchored_start || pos >= text.size())) return false;
      if (pos >= text.size()) return false;
      // Step over `cur` into the next position.
      std::size_t after_next = after;
      const char32_t following = after < text.size() ? text::decode_utf8(text, after_next) : kNone;
      const Context there{false, after >= text.size(), cur, following};
      ++generation_;
      for (const auto pc : current_) {
        if (consumes(p_.code[pc], cur) && add(next_, pc + 1, there)) return true;
      }
      std::swap(current_, next_);
      next_.clear();
      prev = cur;
      cur = following;
      pos = after;
      after = after_next;
    }
  }

 private:
  bool consumes(const Inst& inst, char32_t c) const {
    switch (inst.op) {
      case Op::character:
        return inst.arg == c;
      case Op::any:
        return !is_line_terminator(c);
      case Op::char_class:
        return p_.classes[inst.arg].matches(c);
      default:
        return false;
    }
  }

  // Adds the thread at `pc` and everything reachable from it without consuming input.
  // Returns true as soon as `match` is reachable.
  bool add(std::vector<std::uint32_t>& list, std::uint32_t start, const Context& ctx) {
    stack_.clear();
    stack_.push_back(start);
    while (!stack_.empty()) {
      const auto pc = stack_.back();
      stack_.pop_back();
      if (mark_[pc] == generation_) continue;
      mark_[pc] = generation_;
      const Inst& inst = p_.code[pc];
      switch (inst.op) {
        case Op::match:
          return true;
        case Op::jump:
          stack_.push_back(inst.arg);
          break;
        case Op::split:
          stack_.push_back(inst.arg2);
          stack_.push_back(inst.arg);
          break;
        case Op::line_start:
          if (ctx.at_start) stack_.push_back(pc + 1);
          break;
        case Op::line_end:
          if (ctx.at_end) stack_.push_back(pc + 1);
          break;
        case Op::word_boundary:
          if (is_word(ctx.prev) != is_word(ctx.next)) stack_.push_back(pc + 1);
          break;
        case Op::not_word_boundary:
          if (is_word(ctx.prev) == is_word(ctx.next)) stack_.push_back(pc + 1);
          break;
        default:
          list.push_back(pc);
          break;
      }
    }
    return false;
  }

  const detail::RegexProgram& p_;
  std::vector<std::uint32_t> mark_;
  std::uint32_t generation_ = 0;
  std::vector<std::uint32_t> current_, next_, stack_;
};

}  // namespace

bool CharClass::matches_slow(char32_t cp) const {
  bool in = false;
  auto it =
      std::upper_bound(ranges.begin(), ranges.end(), std::make_pair(cp, char32_t{0xFFFFFFFF}));
  if (it != ranges.begin() && (it - 1)->second >= cp) in = true;
  for (std::size_t i = 0; !in && i < properties.size(); ++i) {
    const auto& p = properties[i];
    in = has_property(p.set, cp) != p.negated;
  }
  for (std::size_t i = 0; !in && i < subsets.size(); ++i) in = subsets[i].matches(cp);
  return in != negated;
}

namespace {

bool test(const detail::RegexProgram& program, const Matcher& m, char32_t c) {
  switch (m.kind) {
    case Matcher::Kind::character:
      return m.ch == c;
    case Matcher::Kind::any:
      return !is_line_terminator(c);
    case Matcher::Kind::char_class:
      return program.classes[m.cls].matches(c);
  }
  return false;
}

bool run_anchored(const detail::RegexProgram& program, std::string_view text) {
  const AnchoredRun& run = program.run;
  std::size_t pos = 0;
  for (const auto& m : run.prefix) {
    if (pos >= text.size() || !test(program, m, text::decode_utf8(text, pos))) return false;
  }
  std::uint64_t count = 0;
  if (run.has_repeat && run.repeated.kind == Matcher::Kind::char_class) {
    // The usual shape, `^[...]+$`: the class looked up once, ASCII read without the decoder.
    const CharClass& cls = program.classes[run.repeated.cls];
    while (pos < text.size()) {
      const auto byte = static_cast<unsigned char>(text[pos]);
      const char32_t c = byte < 0x80 ? (++pos, byte) : text::decode_utf8(text, pos);
      if (!cls.matches(c)) return false;
      ++count;
      if (!run.unbounded && count > run.max) return false;
    }
    return count >= run.min;
  }
  while (pos < text.size()) {
    if (!run.has_repeat || !test(program, run.repeated, text::decode_utf8(text, pos))) return false;
    ++count;
    if (!run.unbounded && count > run.max) return false;
  }
  return !run.has_repeat || count >= run.min;
}

}  // namespace

bool run_program(const detail::RegexProgram& program, std::string_view text) {
  if (program.run.enabled) return run_anchored(program, text);
  Vm vm(program);
  return vm.search(text);
}

}  // namespace medusa::regex
