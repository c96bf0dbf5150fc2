// Recursive-descent parser for ECMAScript patterns (u-flag reading, Annex B leniency for
// a lone `]`, `{` or `}`). Recursion depth is bounded by RegexLimits::max_group_depth.
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
    if (error_) return std::move(*error_);
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
    std::vector<std::uint32_t> branches{parse_concat(depth)};
    while (eat('|')) branches.push_back(parse_concat(depth));
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
    const bool assertion =
        c == '^' || c == '$' || (c == '\\' && (peek_at(1) == 'b' || peek_at(1) == 'B'));
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
    } else if (q == '{' && read_braces(min, max, unbounded)) {
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
        next();
        return add_char('{');
      }
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
      if (kind == '=' || kind == '!') {
        return fail("regex.unsupported", "look-ahead assertions are not supported");
      }
      if (kind == '<') {
        if (peek() == '=' || peek() == '!') {
          return fail("regex.unsupported", "look-behind assertions are not supported");
        }
        // Named group: the name is irrelevant to matching, but must be well-formed.
        std::size_t length = 0;
        for (char32_t ch = next(); ch != '>' && !failed(); ch = next()) {
          const bool ok = ch == '_' || ch == '$' || (ch >= 'a' && ch <= 'z') ||
                          (ch >= 'A' && ch <= 'Z') || (length > 0 && ch >= '0' && ch <= '9') ||
                          ch > 0x7F;
          if (!ok) return fail("regex.syntax", "invalid group name");
          ++length;
        }
        if (failed()) return 0;
        if (length == 0) return fail("regex.syntax", "empty group name");
      } else if (kind != ':') {
        return fail("regex.syntax", "invalid group");
      }
    }
    const std::uint32_t inner = parse_alternation(depth + 1);
    if (!eat(')')) return fail("regex.syntax", "missing ')'");
    return inner;
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
    if (c >= '1' && c <= '9') return fail("regex.unsupported", "back-references are not supported");
    if (c == 'k' && peek_at(1) == '<') {
      return fail("regex.unsupported", "named back-references are not supported");
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
          fail("regex.unsupported", "the Unicode property \\p{" + name +
                                        "} is valid but its table is not shipped (see "
                                        "docs/personalization-schema.md)");
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
        if (peek() >= '0' && peek() <= '9') {
          return fail("regex.unsupported", "octal escapes are not supported");
        }
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
    return c;  // identity escape of punctuation or a non-ASCII character
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
