#include "medusa/json_input.hpp"

#include "json/decimal.hpp"
#include "sort_indices.hpp"
#include "text/hex.hpp"
#include "text/utf8.hpp"

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace medusa {
namespace {

// A single forward pass over the text that builds the DOM in place: an explicit stack of
// open containers (no recursion, so the depth limit, not the C++ stack, bounds nesting),
// ASCII runs of strings copied at once, numbers typed like nlohmann/json types them.
// Our own rather than nlohmann's parser (which this replaced, and which tests and the
// fuzz target compare it with): its lexer and parser were about 30 KB of the WebAssembly
// module's code, and V8 recompiled the lexer during the first schema compilation.
class Parser {
 public:
  Parser(std::string_view text, const JsonLimits& limits, JsonKeyOrder* order)
      : s_(text), limits_(limits), order_(order) {}

  Result<json> run() {
    json root;
    skip_ws();
    for (;;) {
      if (!read_value(root)) return std::move(*error_);
      if (opened_) {  // a non-empty container: its first value comes next
        opened_ = false;
        continue;
      }
      // After a value: close containers, or move to the next element or member.
      for (;;) {
        skip_ws();
        if (stack_.empty()) {
          if (i_ != s_.size()) return fail("unexpected content after the JSON value");
          return root;
        }
        Frame& top = stack_.back();
        if (i_ >= s_.size()) return fail("unexpected end of input");
        const char c = s_[i_];
        if (c == ',') {
          ++i_;
          skip_ws();
          if (top.object && !read_key(top)) return std::move(*error_);
          break;
        }
        if (c != (top.object ? '}' : ']')) {
          return fail(top.object ? "expected ',' or '}'" : "expected ',' or ']'");
        }
        ++i_;
        if (order_ && top.object) order_->record(*top.value, std::move(top.keys));
        stack_.pop_back();
      }
    }
  }

 private:
  struct Frame {
    json* value;
    bool object;
    std::string key;  ///< the member being read, in an object
    std::vector<std::string> keys;  ///< every member name in text order (with a JsonKeyOrder)
  };

  // Out of line, and taking views: each of the twenty call sites is then a call with two
  // constants, not a string built and destroyed in the middle of the parser.
  [[gnu::noinline, gnu::cold]] Error fail(std::string_view what, const char* code = "json.syntax") {
    error_ = Error{ErrorKind::invalid_json, code,
                   "invalid JSON at byte " + std::to_string(i_) + ": " + std::string(what), ""};
    return *error_;
  }

  // fail() for the readers below, which answer whether they read anything.
  [[gnu::noinline, gnu::cold]] bool refuse(std::string_view what,
                                           const char* code = "json.syntax") {
    fail(what, code);
    return false;
  }

  void skip_ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t'))
      ++i_;
  }

  // Where the next value goes: the root, a new array element, or the current member
  // (an existing member is overwritten: the last of duplicate keys wins, as in JSON.parse).
  json& slot(json& root) {
    if (stack_.empty()) return root;
    Frame& top = stack_.back();
    if (top.object) return (*top.value)[top.key];
    auto& array = top.value->get_ref<json::array_t&>();
    array.emplace_back();
    return array.back();
  }

  // Reads a value at i_ into its slot. A non-empty container is left open on the stack
  // (opened_ set, positioned at its first value).
  bool read_value(json& root) {
    if (i_ >= s_.size()) return refuse("unexpected end of input, expected a value");
    const char c = s_[i_];
    if (c == '{' || c == '[') {
      if (stack_.size() >= limits_.max_depth) {
        error_ = Error{
            ErrorKind::invalid_json, "json.too_deep",
            "JSON nesting exceeds the limit of " + std::to_string(limits_.max_depth) + " levels",
            ""};
        return false;
      }
      json& target = slot(root);
      target = c == '{' ? json::object() : json::array();
      stack_.push_back(Frame{&target, c == '{', {}, {}});
      ++i_;
      skip_ws();
      if (i_ < s_.size() && s_[i_] == (c == '{' ? '}' : ']')) {
        ++i_;
        stack_.pop_back();
        return true;
      }
      opened_ = true;
      return c == '[' || read_key(stack_.back());
    }
    if (c == '"') {
      std::string text;
      if (!read_string(text)) return false;
      slot(root) = std::move(text);
      return true;
    }
    if (c == '-' || (c >= '0' && c <= '9')) return read_number(slot(root));
    if (c == 't') return read_literal("true") && (slot(root) = true, true);
    if (c == 'f') return read_literal("false") && (slot(root) = false, true);
    if (c == 'n') return read_literal("null") && (slot(root) = nullptr, true);
    return refuse("unexpected character, expected a value");
  }

  bool read_key(Frame& frame) {
    if (i_ >= s_.size() || s_[i_] != '"') return refuse("expected a member name");
    frame.key.clear();
    if (!read_string(frame.key)) return false;
    if (order_) frame.keys.push_back(frame.key);
    skip_ws();
    if (i_ >= s_.size() || s_[i_] != ':') return refuse("expected ':' after a member name");
    ++i_;
    skip_ws();
    return true;
  }

  int hex4(std::size_t at) const {
    if (at + 4 > s_.size()) return -1;
    int v = 0;
    for (std::size_t k = at; k < at + 4; ++k) {
      const int digit = text::hex_value(s_[k]);
      if (digit < 0) return -1;
      v = (v << 4) | digit;
    }
    return v;
  }

  bool read_string(std::string& out) {
    ++i_;  // opening quote
    const std::size_t n = s_.size();
    for (;;) {
      const std::size_t run = i_;
      while (i_ < n) {
        const auto u = static_cast<unsigned char>(s_[i_]);
        if (u < 0x20 || u == '"' || u == '\\' || u >= 0x80) break;
        ++i_;
      }
      out.append(s_.data() + run, i_ - run);
      if (i_ >= n) return refuse("unterminated string");
      const auto u = static_cast<unsigned char>(s_[i_]);
      if (u == '"') {
        ++i_;
        return true;
      }
      if (u == '\\') {
        if (!read_escape(out)) return false;
        continue;
      }
      if (u < 0x20) return refuse("control character in a string (must be escaped)");
      bool well_formed = true;
      const std::size_t start = i_;
      text::decode_utf8(s_, i_, well_formed);
      if (!well_formed) {
        i_ = start;
        return refuse("ill-formed UTF-8", "json.invalid_utf8");
      }
      out.append(s_.data() + start, i_ - start);
    }
  }

  bool read_escape(std::string& out) {
    if (i_ + 1 >= s_.size()) return refuse("unterminated escape");
    const char e = s_[i_ + 1];
    char simple = 0;  // the character a one-letter escape stands for
    switch (e) {
      case '"':
      case '\\':
      case '/':
        simple = e;
        break;
      case 'b':
        simple = '\b';
        break;
      case 'f':
        simple = '\f';
        break;
      case 'n':
        simple = '\n';
        break;
      case 'r':
        simple = '\r';
        break;
      case 't':
        simple = '\t';
        break;
      case 'u':
        break;
      default:
        return refuse("invalid escape");
    }
    if (simple) {
      out += simple;
      i_ += 2;
      return true;
    }
    const int first = hex4(i_ + 2);
    if (first < 0) return refuse("\\u must be followed by four hex digits");
    char32_t cp = static_cast<char32_t>(first);
    i_ += 6;
    if (cp >= 0xDC00 && cp <= 0xDFFF) {
      return refuse("surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF");
    }
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      const int second =
          i_ + 1 < s_.size() && s_[i_] == '\\' && s_[i_ + 1] == 'u' ? hex4(i_ + 2) : -1;
      if (second < 0xDC00 || second > 0xDFFF) {
        return refuse("surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF");
      }
      cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<char32_t>(second) - 0xDC00);
      i_ += 6;
    }
    text::append_utf8(out, cp);
    return true;
  }

  std::size_t digits() {
    const std::size_t start = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    return i_ - start;
  }

  // Integers become int64 (negative) or uint64 (otherwise) when they fit, else double;
  // numbers with a fraction or exponent become double: nlohmann/json's typing, which
  // reports and comparisons depend on.
  bool read_number(json& out) {
    const std::size_t start = i_;
    const bool negative = s_[i_] == '-';
    if (negative) ++i_;
    if (i_ < s_.size() && s_[i_] == '0') {
      ++i_;
    } else if (digits() == 0) {
      return refuse("invalid number");
    }
    bool integral = true;
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      integral = false;
      if (digits() == 0) return refuse("invalid number: digits expected after '.'");
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      integral = false;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (digits() == 0) return refuse("invalid number: digits expected in the exponent");
    }
    const std::string_view token = s_.substr(start, i_ - start);
    if (integral) {
      std::uint64_t magnitude = 0;
      bool fits = true;
      for (const char d : token.substr(negative ? 1 : 0)) {
        const auto digit = static_cast<std::uint64_t>(d - '0');
        if (magnitude > (UINT64_MAX - digit) / 10) {
          fits = false;
          break;
        }
        magnitude = magnitude * 10 + digit;
      }
      if (fits && !negative) {
        out = magnitude;
        return true;
      }
      if (fits && magnitude <= static_cast<std::uint64_t>(INT64_MAX) + 1) {
        out = magnitude == static_cast<std::uint64_t>(INT64_MAX) + 1
                  ? INT64_MIN
                  : -static_cast<std::int64_t>(magnitude);
        return true;
      }
    }
    const double value = decimal_to_double(token);
    if (!std::isfinite(value)) {
      i_ = start;
      return refuse("number overflow parsing '" + std::string(token) + "'");
    }
    out = value;
    return true;
  }

  bool read_literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return refuse("invalid literal");
    i_ += word.size();
    return true;
  }

  std::string_view s_;
  const JsonLimits& limits_;
  std::size_t i_ = 0;
  std::vector<Frame> stack_;
  bool opened_ = false;
  std::optional<Error> error_;
  JsonKeyOrder* order_;
};

}  // namespace

void JsonKeyOrder::record(const json& object, std::vector<std::string> keys) {
  const auto& members = object.get_ref<const json::object_t&>();
  if (members.size() < 2) return;
  if (keys.size() != members.size()) {
    // Repeated names (rare): each counts where it first appeared. Sorted by name, then
    // by position, the first of equal names is kept: n log n for any number of repeats.
    const auto by_name = detail::sorted_indices(
        keys.size(),
        [](const void* context, std::size_t a, std::size_t b) {
          const auto& k = *static_cast<const std::vector<std::string>*>(context);
          return k[a] != k[b] ? k[a] < k[b] : a < b;
        },
        &keys);
    std::vector<bool> repeat(keys.size(), false);
    for (std::size_t i = 1; i < by_name.size(); ++i)
      repeat[by_name[i]] = keys[by_name[i]] == keys[by_name[i - 1]];
    std::vector<std::string> unique;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (!repeat[i]) unique.push_back(std::move(keys[i]));
    }
    keys = std::move(unique);
  }
  orders_.emplace_back(&members, std::move(keys));
}

const std::vector<std::string>* JsonKeyOrder::of(const json& object) const {
  if (!object.is_object()) return nullptr;
  const auto& members = object.get_ref<const json::object_t&>();
  // The latest record of this address: the map of an object overwritten by a repeated
  // name may be reused by a later one.
  for (auto it = orders_.rbegin(); it != orders_.rend(); ++it) {
    if (it->first != &members) continue;
    if (it->second.size() != members.size()) return nullptr;
    for (const auto& key : it->second) {
      if (!members.count(key)) return nullptr;
    }
    return &it->second;
  }
  return nullptr;
}

Result<json> parse_json(std::string_view text, const JsonLimits& limits) {
  return parse_json(text, limits, nullptr);
}

Result<json> parse_json(std::string_view text, const JsonLimits& limits, JsonKeyOrder* order) {
  if (text.size() > limits.max_bytes) {
    return Error{ErrorKind::invalid_json, "json.too_large",
                 "JSON text of " + std::to_string(text.size()) + " bytes exceeds the limit of " +
                     std::to_string(limits.max_bytes) + " bytes",
                 ""};
  }
  // A raw NUL is never valid JSON (inside strings it must be escaped); said plainly.
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    return Error{ErrorKind::invalid_json, "json.syntax",
                 "invalid JSON at byte " + std::to_string(nul) + ": NUL byte", ""};
  }
  return Parser(text, limits, order).run();
}

std::size_t json_depth(const json& value) {
  if (!value.is_structured()) return 0;
  // Only arrays and objects go on the stack, each with its own depth; the containers are
  // walked directly (json's iterators dispatch on the type at every step). Every
  // validation runs this over its whole instance.
  std::size_t deepest = 0;
  std::vector<std::pair<const json*, std::size_t>> stack{{&value, 1}};
  while (!stack.empty()) {
    const auto [node, depth] = stack.back();
    stack.pop_back();
    if (depth > deepest) deepest = depth;
    const auto push = [&stack, inner = depth + 1](const json& child) {
      if (child.is_structured()) stack.emplace_back(&child, inner);
    };
    if (node->is_object()) {
      for (const auto& member : *node->get_ptr<const json::object_t*>()) push(member.second);
    } else {
      for (const auto& item : *node->get_ptr<const json::array_t*>()) push(item);
    }
  }
  return deepest;
}

bool is_valid_utf8(std::string_view text) noexcept {
  bool well_formed = true;
  for (std::size_t i = 0; i < text.size() && well_formed;) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;  // ASCII, the common case, without a decoder call per character
      continue;
    }
    text::decode_utf8(text, i, well_formed);
  }
  return well_formed;
}

}  // namespace medusa
