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
  std::size_t index;  ///< in code points: where look-around marks are read
};

class Vm {
 public:
  explicit Vm(const detail::RegexProgram& p) : p_(p), code_(&p.code), mark_(p.largest_code, 0) {
    current_.reserve(p.largest_code);
    next_.reserve(p.largest_code);
  }

  bool search(std::string_view text) {
    if (!p_.lookarounds.empty()) mark_lookarounds(text);
    code_ = &p_.code;
    std::size_t pos = 0, index = 0;
    char32_t prev = kNone;
    std::size_t after = 0;
    char32_t cur = pos < text.size() ? text::decode_utf8(text, after) : kNone;
    ++generation_;
    while (true) {
      const Context here{pos == 0, pos >= text.size(), prev, cur, index};
      if ((!p_.anchored_start || pos == 0) && add(current_, 0, here)) return true;
      if (current_.empty() && (p_.anchored_start || pos >= text.size())) return false;
      if (pos >= text.size()) return false;
      // Step over `cur` into the next position.
      std::size_t after_next = after;
      const char32_t following = after < text.size() ? text::decode_utf8(text, after_next) : kNone;
      const Context there{false, after >= text.size(), cur, following, index + 1};
      ++generation_;
      for (const auto pc : current_) {
        if (consumes((*code_)[pc], cur) && add(next_, pc + 1, there)) return true;
      }
      std::swap(current_, next_);
      next_.clear();
      prev = cur;
      cur = following;
      pos = after;
      after = after_next;
      ++index;
    }
  }

 private:
  // Fills holds_[i] for each look-around, inner ones first: one pass over the text each.
  void mark_lookarounds(std::string_view text) {
    std::vector<char32_t> cps;
    for (std::size_t at = 0; at < text.size();) cps.push_back(text::decode_utf8(text, at));
    holds_.clear();
    for (const auto& la : p_.lookarounds) holds_.push_back(mark(la, cps));
  }

  // Runs a body from every position at once (a thread started at each), forwards for a
  // look-behind and backwards for a look-ahead; a position holds when some thread that
  // reached it (or started there) reaches `match` there.
  std::vector<std::uint8_t> mark(const Lookaround& la, const std::vector<char32_t>& cps) {
    code_ = &la.code;
    const std::size_t n = cps.size();
    std::vector<std::uint8_t> holds(n + 1, 0);
    auto context = [&](std::size_t p) {
      return Context{p == 0, p == n, p > 0 ? cps[p - 1] : kNone, p < n ? cps[p] : kNone, p};
    };
    current_.clear();
    ++generation_;
    matched_ = false;
    for (std::size_t step = 0;; ++step) {
      const std::size_t p = la.ahead ? n - step : step;
      // The threads that stepped here (matched_ says if one reached `match`) were added
      // with this generation, so the thread started here joins them without duplicates.
      add(current_, 0, context(p), /*stop_at_match=*/false);
      holds[p] = matched_ ? 1 : 0;
      if (step == n) break;
      const char32_t c = la.ahead ? cps[p - 1] : cps[p];
      const Context there = context(la.ahead ? p - 1 : p + 1);
      ++generation_;
      matched_ = false;
      for (const auto pc : current_) {
        if (consumes((*code_)[pc], c)) add(next_, pc + 1, there, /*stop_at_match=*/false);
      }
      std::swap(current_, next_);
      next_.clear();
    }
    current_.clear();
    for (auto& h : holds)
      h = static_cast<std::uint8_t>(h != 0) ^ static_cast<std::uint8_t>(la.negated);
    return holds;
  }

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
  // Returns true as soon as `match` is reachable, or, when marking look-arounds, notes it
  // in matched_ and goes on adding the other threads.
  bool add(std::vector<std::uint32_t>& list, std::uint32_t start, const Context& ctx,
           bool stop_at_match = true) {
    const std::vector<Inst>& code = *code_;
    stack_.clear();
    stack_.push_back(start);
    while (!stack_.empty()) {
      const auto pc = stack_.back();
      stack_.pop_back();
      if (mark_[pc] == generation_) continue;
      mark_[pc] = generation_;
      const Inst& inst = code[pc];
      switch (inst.op) {
        case Op::match:
          if (stop_at_match) return true;
          matched_ = true;
          break;
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
        case Op::lookaround:
          if (holds_[inst.arg][ctx.index]) stack_.push_back(pc + 1);
          break;
        default:
          list.push_back(pc);
          break;
      }
    }
    return false;
  }

  const detail::RegexProgram& p_;
  const std::vector<Inst>* code_;  ///< the pattern's code, or the body being marked
  std::vector<std::uint32_t> mark_;
  std::uint32_t generation_ = 0;
  std::vector<std::uint32_t> current_, next_, stack_;
  std::vector<std::vector<std::uint8_t>> holds_;  ///< per look-around, per position
  bool matched_ = false;
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
