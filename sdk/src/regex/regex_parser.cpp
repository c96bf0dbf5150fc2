// Recursive-descent parser for ECMAScript patterns as `new RegExp(pattern, "u")` reads
// them: no Annex B leniency (a lone `]`, `{` or `}`, an identity escape of a letter or of
// punctuation that is not syntax, `\00` are syntax errors). A feature the engine does not
// run (back-references) is noted and parsing goes on, so a pattern that is also invalid
// elsewhere is reported invalid, as ECMAScript would. Recursion depth is bounded by
// RegexLimits::max_group_depth.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "regex/regex_ast.hpp"
#include "sort_indices.hpp"
#include "text/utf8.hpp"

namespace medusa::regex {
namespace {

constexpr char32_t kEnd = 0xFFFFFFFF;

void add_digit(CharClass& c) {
  c.add('0', '9');
}
void add_word(CharClass& c) {
  c.add('a', 'z');
  c.add('A', 'Z');
  c.add('0', '9');
  c.add('_', '_');
}
void add_space(CharClass& c) {
  c.add(0x09, 0x0D);  // \t \n \v \f \r
  c.add(0x20, 0x20);
  c.add(0xA0, 0xA0);
  c.add(0x1680, 0x1680);
  c.add(0x2000, 0x200A);
  c.add(0x2028, 0x2029);
  c.add(0x202F, 0x202F);
  c.add(0x205F, 0x205F);
  c.add(0x3000, 0x3000);
  c.add(0xFEFF, 0xFEFF);
}

bool is_syntax_char(char32_t c) {
  switch (c) {
    case '^':
    case '$':
    case '\\':
    case '.':
    case '*':
    case '+':
    case '?':
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
    case '|':
    case '/':
      return true;
    default:
      return false;
  }
}

int hex_value(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

class Parser {
 public:
  Parser(std::string_view pattern, const RegexLimits& limits) : src_(pattern), limits_(limits) {}

  Result<Ast> parse() {
    const std::uint32_t root = parse_alternation(0);
    if (peek() == ')') fail("regex.syntax", "unmatched ')'");
    check_references();
    if (error_) return std::move(*error_);
    if (unsupported_) return std::move(*unsupported_);
    ast_.root = root;
    for (auto& c : ast_.classes) c.finish();
    return std::move(ast_);
  }

 private:
  // --- input -----------------------------------------------------------------------
  char32_t peek() const {
    if (pos_ >= src_.size()) return kEnd;
    std::size_t i = pos_;
    return text::decode_utf8(src_, i);
  }
  char32_t peek_at(std::size_t offset_chars) const {
    std::size_t i = pos_;
    for (std::size_t k = 0; k < offset_chars && i < src_.size(); ++k) text::decode_utf8(src_, i);
    if (i >= src_.size()) return kEnd;
    return text::decode_utf8(src_, i);
  }
  char32_t next() {
    if (pos_ >= src_.size()) {
      fail("regex.syntax", "unexpected end of pattern");
      return kEnd;
    }
    return text::decode_utf8(src_, pos_);
  }
  bool eat(char32_t c) {
    if (peek() != c) return false;
    next();
    return true;
  }
  // Records the first error and moves to the end of the pattern, so every loop and
  // recursion below stops at once; the callers return right after it.
  std::uint32_t fail(const char* code, std::string message) {
    if (!error_) {
      error_ = Error{ErrorKind::invalid_pattern, code,
                     std::move(message) + " at offset " + std::to_string(pos_), ""};
    }
    pos_ = src_.size();
    return 0;
  }
  bool failed() const { return error_.has_value(); }
  // A valid feature the engine does not run: remembered, and parsing goes on.
  std::uint32_t unsupported(std::string message) {
    if (!unsupported_) {
      unsupported_ = Error{ErrorKind::invalid_pattern, "regex.unsupported",
                           std::move(message) + " at offset " + std::to_string(pos_), ""};
    }
    return add_kind(AstNode::Kind::empty);
  }

  // Back-references must name a group that exists somewhere in the pattern.
  void check_references() {
    for (const auto& [number, offset] : numbered_refs_) {
      if (number > group_count_) {
        pos_ = offset;
        fail("regex.syntax", "back-reference \\" + std::to_string(number) + " to a missing group");
      }
    }
    for (const auto& reference : named_refs_) {
      const bool known =
          std::any_of(group_names_.begin(), group_names_.end(),
                      [&](const NamedGroup& g) { return g.name == reference.first; });
      if (!known) {
        pos_ = reference.second;
        fail("regex.syntax", "back-reference to a missing group name");
      }
    }
  }

  // --- tree building ---------------------------------------------------------------
  std::uint32_t add(AstNode node) {
    ast_.nodes.push_back(std::move(node));
    return static_cast<std::uint32_t>(ast_.nodes.size() - 1);
  }
  std::uint32_t add_kind(AstNode::Kind kind) {
    AstNode n;
    n.kind = kind;
    return add(std::move(n));
  }
  std::uint32_t add_char(char32_t c) {
    AstNode n;
    n.kind = AstNode::Kind::character;
    n.ch = c;
    return add(std::move(n));
  }
  std::uint32_t add_class(CharClass c) {
    ast_.classes.push_back(std::move(c));
    AstNode n;
    n.kind = AstNode::Kind::char_class;
    n.cls = static_cast<std::uint32_t>(ast_.classes.size() - 1);
    return add(std::move(n));
  }

  // --- grammar ---------------------------------------------------------------------
  std::uint32_t parse_alternation(std::size_t depth) {
    const std::uint32_t disjunction = disjunction_count_++;
    path_.emplace_back(disjunction, 0);
    std::vector<std::uint32_t> branches{parse_concat(depth)};
    while (eat('|')) {
      ++path_.back().second;
      branches.push_back(parse_concat(depth));
    }
    path_.pop_back();
    if (branches.size() == 1) return branches[0];
    AstNode n;
    n.kind = AstNode::Kind::alternation;
    n.children = std::move(branches);
    return add(std::move(n));
  }

  std::uint32_t parse_concat(std::size_t depth) {
    std::vector<std::uint32_t> items;
    for (char32_t c = peek(); c != kEnd && c != '|' && c != ')'; c = peek()) {
      items.push_back(parse_quantified(depth));
    }
    if (items.empty()) return add_kind(AstNode::Kind::empty);
    if (items.size() == 1) return items[0];
    AstNode n;
    n.kind = AstNode::Kind::concat;
    n.children = std::move(items);
    return add(std::move(n));
  }

  // Reads `{n}`, `{n,}` or `{n,m}` at the cursor without consuming it unless it is one.
  bool read_braces(std::uint32_t& min, std::uint32_t& max, bool& unbounded) {
    const std::size_t save = pos_;
    auto number = [&](std::uint32_t& out) {
      std::uint64_t v = 0;
      bool any = false;
      while (peek() >= '0' && peek() <= '9') {
        v = v * 10 + (next() - '0');
        if (v > 100000) v = 100000;  // clamped; the program-size limit refuses it later
        any = true;
      }
      out = static_cast<std::uint32_t>(v);
      return any;
    };
    if (!eat('{')) return false;
    unbounded = false;
    if (!number(min)) {
      pos_ = save;
      return false;
    }
    max = min;
    if (eat(',')) {
      if (peek() == '}') {
        unbounded = true;
      } else if (!number(max)) {
        pos_ = save;
        return false;
      }
    }
    if (!eat('}')) {
      pos_ = save;
      return false;
    }
    return true;
  }

  std::uint32_t parse_quantified(std::size_t depth) {
    const char32_t c = peek();
    const bool lookaround = c == '(' && peek_at(1) == '?' &&
                            (peek_at(2) == '=' || peek_at(2) == '!' ||
                             (peek_at(2) == '<' && (peek_at(3) == '=' || peek_at(3) == '!')));
    // In u mode no assertion may be quantified, look-arounds included.
    const bool assertion = c == '^' || c == '$' || lookaround ||
                           (c == '\\' && (peek_at(1) == 'b' || peek_at(1) == 'B'));
    const std::uint32_t atom = parse_atom(depth);
    std::uint32_t min = 0, max = 0;
    bool unbounded = false;
    const char32_t q = peek();
    if (q == '*') {
      next(), min = 0, unbounded = true;
    } else if (q == '+') {
      next(), min = 1, unbounded = true;
    } else if (q == '?') {
      next(), min = 0, max = 1;
    } else if (q == '{') {
      if (!read_braces(min, max, unbounded)) return fail("regex.syntax", "incomplete quantifier");
      if (!unbounded && max < min)
        return fail("regex.syntax", "numbers out of order in {} quantifier");
    } else {
      return atom;
    }
    if (assertion) return fail("regex.syntax", "nothing to repeat");
    eat('?');  // lazy: the same language, so the same boolean answer
    AstNode n;
    n.kind = AstNode::Kind::repeat;
    n.children = {atom};
    n.min = min;
    n.max = max;
    n.unbounded = unbounded;
    return add(std::move(n));
  }

  std::uint32_t parse_atom(std::size_t depth) {
    const char32_t c = next();
    switch (c) {
      case '.':
        return add_kind(AstNode::Kind::any);
      case '^':
        return add_kind(AstNode::Kind::line_start);
      case '$':
        return add_kind(AstNode::Kind::line_end);
      case '(':
        return parse_group(depth);
      case '[':
        return add_class(parse_class());
      case '\\':
        return parse_atom_escape();
      case '*':
      case '+':
      case '?':
        return fail("regex.syntax", "nothing to repeat");
      case '{': {
        --pos_;
        std::uint32_t a = 0, b = 0;
        bool u = false;
        if (read_braces(a, b, u)) return fail("regex.syntax", "nothing to repeat");
        return fail("regex.syntax", "lone quantifier bracket '{'");
      }
      case '}':
      case ']':
        return fail("regex.syntax", c == '}' ? "lone quantifier bracket '}'" : "lone ']'");
      case kEnd:
        return 0;  // next() failed
      default:
        return add_char(c);
    }
  }

  std::uint32_t parse_group(std::size_t depth) {
    if (depth + 1 > limits_.max_group_depth) {
      return fail("regex.too_complex",
                  "groups nested deeper than " + std::to_string(limits_.max_group_depth));
    }
    if (eat('?')) {
      const char32_t kind = next();
      if (kind == '=' || kind == '!') return parse_lookaround(depth, /*ahead=*/true, kind == '!');
      if (kind == '<') {
        if (peek() == '=' || peek() == '!') {
          return parse_lookaround(depth, /*ahead=*/false, next() == '!');
        }
        // Named group: the name is irrelevant to matching, but must be well-formed.
        std::string name;
        if (!read_group_name(name)) return 0;
        // ES2025: one name may be used again only in another alternative of a disjunction
        // the two share, where both can never take part in one match.
        for (const auto& other : group_names_) {
          if (other.name == name && !in_other_alternatives(other.path, path_))
            return fail("regex.syntax", "duplicate group name");
        }
        group_names_.push_back({name, path_});
      }
      if (kind == '<') {
        ++group_count_;
      } else if (kind != ':') {
        return fail("regex.syntax", "invalid group");
      }
    } else {
      ++group_count_;
    }
    const std::uint32_t inner = parse_alternation(depth + 1);
    if (!eat(')')) return fail("regex.syntax", "missing ')'");
    return inner;
  }

  // Reads `name>` after `(?<` or `\\k<`: an identifier (ID_Start, then ID_Continue, with
  // `$`, `_` and \\u escapes), approximated by General_Category.
  bool read_group_name(std::string& name) {
    std::size_t length = 0;
    for (char32_t ch = next(); ch != '>' && !failed(); ch = next()) {
      if (ch == '\\') {
        if (peek() != 'u') return fail("regex.syntax", "invalid group name"), false;
        ch = parse_char_escape(/*in_class=*/false);
        if (failed()) return false;
      }
      const unsigned gc = general_category(ch);
      const bool start = ch == '$' || ch == '_' || (gc >= 1 && gc <= 5) || gc == 10;  // L, Nl
      const bool part = start || gc == 6 || gc == 7 || gc == 9 || gc == 12 || ch == 0x200C ||
                        ch == 0x200D;  // Mn Mc Nd Pc, ZWNJ, ZWJ
      if (!(length == 0 ? start : part)) return fail("regex.syntax", "invalid group name"), false;
      text::append_utf8(name, ch);
      ++length;
    }
    if (failed()) return false;
    if (length == 0) return fail("regex.syntax", "empty group name"), false;
    return true;
  }

  using AlternativePath = std::vector<std::pair<std::uint32_t, std::uint32_t>>;
  static bool in_other_alternatives(const AlternativePath& a, const AlternativePath& b) {
    for (std::size_t i = 0; i < a.size() && i < b.size() && a[i].first == b[i].first; ++i)
      if (a[i].second != b[i].second) return true;
    return false;
  }

  // After `(?=`, `(?!`, `(?<=` or `(?<!`.
  std::uint32_t parse_lookaround(std::size_t depth, bool ahead, bool negated) {
    const std::uint32_t body = parse_alternation(depth + 1);
    if (!eat(')')) return fail("regex.syntax", "missing ')'");
    AstNode n;
    n.kind = AstNode::Kind::lookaround;
    n.children = {body};
    n.ahead = ahead;
    n.negated = negated;
    return add(std::move(n));
  }

  std::uint32_t parse_atom_escape() {
    const char32_t c = peek();
    if (c == 'b') {
      next();
      return add_kind(AstNode::Kind::word_boundary);
    }
    if (c == 'B') {
      next();
      return add_kind(AstNode::Kind::not_word_boundary);
    }
    if (c >= '1' && c <= '9') {
      const std::size_t at = pos_;
      std::uint64_t number = 0;
      while (peek() >= '0' && peek() <= '9')
        number = std::min<std::uint64_t>(number * 10 + (next() - '0'), 1u << 30);
      numbered_refs_.emplace_back(number, at);
      return unsupported("back-references are not supported (no linear-time algorithm)");
    }
    if (c == 'k') {
      const std::size_t at = pos_;
      next();
      if (!eat('<')) return fail("regex.syntax", "invalid named reference");
      std::string name;
      if (!read_group_name(name)) return 0;
      named_refs_.emplace_back(std::move(name), at);
      return unsupported("named back-references are not supported (no linear-time algorithm)");
    }
    CharClass set;
    if (parse_set_escape(set)) return add_class(std::move(set));
    return add_char(parse_char_escape(/*in_class=*/false));
  }

  // \d \D \w \W \s \S \p{..} \P{..}: fills `out` and returns true; otherwise consumes
  // nothing and returns false.
  bool parse_set_escape(CharClass& out) {
    const char32_t c = peek();
    CharClass base;
    switch (c) {
      case 'd':
      case 'D':
        add_digit(base);
        break;
      case 'w':
      case 'W':
        add_word(base);
        break;
      case 's':
      case 'S':
        add_space(base);
        break;
      case 'p':
      case 'P': {
        next();
        if (!eat('{')) {
          fail("regex.syntax", "expected '{' after \\p");
          return true;
        }
        std::string name;
        for (char32_t ch = next(); ch != '}' && !failed(); ch = next()) {
          if (name.size() > 64) {
            fail("regex.syntax", "property name too long");
            return true;
          }
          text::append_utf8(name, ch);
        }
        if (failed()) return true;
        const PropertyLookup prop = lookup_property(name);
        if (prop.status == PropertyLookup::Status::unknown) {
          fail("regex.syntax", "invalid Unicode property \\p{" + name + "}");
          return true;
        }
        if (prop.status == PropertyLookup::Status::unsupported) {
          unsupported(
              "the Unicode property \\p{" + name +
              "} is valid but its table is not shipped (see docs/personalization-schema.md)");
          return true;
        }
        out.properties.push_back({prop.set, c == 'P'});
        return true;
      }
      default:
        return false;
    }
    next();
    base.negated = (c == 'D' || c == 'W' || c == 'S');
    out = std::move(base);
    return true;
  }

  char32_t parse_hex_digits(std::size_t count) {
    char32_t v = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const int h = hex_value(peek());
      if (h < 0) return fail("regex.syntax", "invalid hexadecimal escape");
      next();
      v = v * 16 + static_cast<char32_t>(h);
    }
    return v;
  }

  char32_t parse_char_escape(bool in_class) {
    const char32_t c = next();
    switch (c) {
      case 't':
        return '\t';
      case 'n':
        return '\n';
      case 'v':
        return '\v';
      case 'f':
        return '\f';
      case 'r':
        return '\r';
      case '0':
        if (peek() >= '0' && peek() <= '9') return fail("regex.syntax", "invalid decimal escape");
        return 0;
      case 'c': {
        const char32_t letter = next();
        if (!((letter >= 'a' && letter <= 'z') || (letter >= 'A' && letter <= 'Z'))) {
          return fail("regex.syntax", "invalid control escape");
        }
        return letter % 32;
      }
      case 'x':
        return parse_hex_digits(2);
      case 'u': {
        if (eat('{')) {
          char32_t v = 0;
          std::size_t digits = 0;
          while (peek() != '}') {
            const int h = hex_value(next());
            if (h < 0) return fail("regex.syntax", "invalid \\u{...} escape");
            v = v * 16 + static_cast<char32_t>(h);
            if (++digits > 8 || v > 0x10FFFF)
              return fail("regex.syntax", "code point out of range");
          }
          next();
          if (digits == 0) return fail("regex.syntax", "empty \\u{} escape");
          return v;
        }
        char32_t v = parse_hex_digits(4);
        // A surrogate pair written as two \u escapes is one code point.
        if (v >= 0xD800 && v <= 0xDBFF && peek() == '\\' && peek_at(1) == 'u') {
          const std::size_t save = pos_;
          next(), next();
          const char32_t low = parse_hex_digits(4);
          if (failed()) return 0;
          if (low >= 0xDC00 && low <= 0xDFFF)
            return 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00);
          pos_ = save;
        }
        return v;
      }
      case 'b':
        if (in_class) return 0x08;
        break;
      case '-':
        if (in_class) return '-';
        break;
      default:
        break;
    }
    if (c == kEnd) return failed() ? 0 : fail("regex.syntax", "\\ at end of pattern");
    if (is_syntax_char(c)) return c;
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum) {
      std::string name = "\\";
      text::append_utf8(name, c);
      return fail("regex.syntax", "invalid escape " + name);
    }
    if (c == '/') return c;
    return fail("regex.syntax", "invalid escape");  // u mode: only syntax characters and '/'
  }

  CharClass parse_class() {
    CharClass out;
    if (eat('^')) out.negated = true;
    while (true) {
      const char32_t c = peek();
      if (c == kEnd) {
        fail("regex.syntax", "missing ']'");
        return out;
      }
      if (c == ']') {
        next();
        return out;
      }
      CharClass set;
      const bool lhs_is_set = read_class_atom(set);
      char32_t lo = lhs_is_set ? 0 : single_;
      if (peek() == '-' && peek_at(1) != ']' && peek_at(1) != kEnd) {
        next();  // '-'
        CharClass rhs_set;
        const bool rhs_is_set = read_class_atom(rhs_set);
        if (failed()) return out;
        if (lhs_is_set || rhs_is_set) {
          fail("regex.syntax", "invalid character class range");
          return out;
        }
        const char32_t hi = single_;
        if (hi < lo) {
          fail("regex.syntax", "range out of order in character class");
          return out;
        }
        out.add(lo, hi);
        continue;
      }
      if (lhs_is_set) {
        merge_set(out, std::move(set));
      } else {
        out.add(lo, lo);
      }
    }
  }

  // Reads one class atom: a set escape (returns true, fills `set`) or one character
  // (returns false, stores it in single_).
  bool read_class_atom(CharClass& set) {
    const char32_t c = next();
    if (c == '\\') {
      if (parse_set_escape(set)) return true;
      single_ = parse_char_escape(/*in_class=*/true);
      return false;
    }
    single_ = c;
    return false;
  }

  static void merge_set(CharClass& into, CharClass set) {
    if (!set.negated && set.properties.empty() && set.subsets.empty()) {
      into.ranges.insert(into.ranges.end(), set.ranges.begin(), set.ranges.end());
    } else if (!set.negated && set.ranges.empty() && set.subsets.empty()) {
      into.properties.insert(into.properties.end(), set.properties.begin(), set.properties.end());
    } else {
      set.finish();
      into.subsets.push_back(std::move(set));
    }
  }

  std::string_view src_;
  const RegexLimits& limits_;
  std::size_t pos_ = 0;
  char32_t single_ = 0;
  Ast ast_;
  std::optional<Error> error_;
  std::optional<Error> unsupported_;
  struct NamedGroup {
    std::string name;
    AlternativePath path;
  };
  std::uint32_t group_count_ = 0;
  std::vector<NamedGroup> group_names_;
  std::vector<std::pair<std::uint64_t, std::size_t>> numbered_refs_;  // number, offset
  std::vector<std::pair<std::string, std::size_t>> named_refs_;       // name, offset
  std::uint32_t disjunction_count_ = 0;
  AlternativePath path_;  ///< (disjunction, alternative) from the root to the cursor
};

}  // namespace

// Run once per class while parsing: built for size with the parser, not with the VM.
void CharClass::finish() {
  const auto order = medusa::detail::sorted_indices(
      ranges.size(),
      [](const void* context, std::size_t i, std::size_t j) {
        const auto& all = *static_cast<const std::vector<std::pair<char32_t, char32_t>>*>(context);
        return all[i] < all[j];
      },
      &ranges);
  std::vector<std::pair<char32_t, char32_t>> merged;
  for (const std::size_t i : order) {
    const auto& r = ranges[i];
    if (!merged.empty() && r.first <= merged.back().second + 1) {
      merged.back().second = std::max(merged.back().second, r.second);
    } else {
      merged.push_back(r);
    }
  }
  ranges = std::move(merged);
}

Result<Ast> parse_pattern(std::string_view pattern, const RegexLimits& limits) {
  if (pattern.size() > limits.max_pattern_bytes) {
    return Error{ErrorKind::invalid_pattern, "regex.too_complex",
                 "pattern of " + std::to_string(pattern.size()) + " bytes exceeds the limit of " +
                     std::to_string(limits.max_pattern_bytes),
                 ""};
  }
  return Parser(pattern, limits).parse();
}

}  // namespace medusa::regex
