#include "medusa/json_scan.hpp"

#include <string>

#include "text/hex.hpp"
#include "text/utf8.hpp"

namespace medusa {
namespace {

// A single forward pass with an explicit container stack (no recursion, so depth is
// bounded by the limit, not by the C++ stack). Strings take a tight ASCII loop; only
// bytes >= 0x80 go through the UTF-8 decoder.
class Scanner {
 public:
  Scanner(std::string_view text, const JsonLimits& limits) : s_(text), limits_(limits) {}

  Result<JsonOutline> run() {
    if (s_.size() > limits_.max_bytes) {
      return Error(ErrorKind::invalid_json, "json.too_large",
                   "JSON text of " + std::to_string(s_.size()) + " bytes exceeds the limit of " +
                       std::to_string(limits_.max_bytes) + " bytes");
    }
    JsonOutline outline;
    std::string containers;       // 'o' or 'a' per open level
    std::string_view member_key;  // key of the root member being read

    skip_ws();
    for (;;) {
      // A value starts here.
      if (i_ >= s_.size()) return fail("unexpected end of input, expected a value");
      const std::size_t start = i_;
      JsonKind kind;
      const char c = s_[i_];
      if (c == '{' || c == '[') {
        if (containers.size() >= limits_.max_depth) {
          return Error(
              ErrorKind::invalid_json, "json.too_deep",
              "JSON nesting exceeds the limit of " + std::to_string(limits_.max_depth) + " levels");
        }
        kind = c == '{' ? JsonKind::object : JsonKind::array;
        if (containers.empty()) outline.kind = kind;
        if (containers.size() == 1 && containers[0] == 'o') begin_member(start, kind);
        containers.push_back(c == '{' ? 'o' : 'a');
        ++i_;
        skip_ws();
        const char close = c == '{' ? '}' : ']';
        if (i_ < s_.size() && s_[i_] == close) {
          ++i_;
          containers.pop_back();
        } else if (c == '{') {
          if (!read_key(containers.size() == 1 ? &member_key : nullptr)) return error_;
          continue;
        } else {
          continue;
        }
      } else {
        if (c == '"') {
          kind = JsonKind::string;
          if (!read_string()) return error_;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
          kind = JsonKind::number;
          if (!read_number()) return error_;
        } else if (c == 't' || c == 'f') {
          kind = JsonKind::boolean;
          if (!read_literal(c == 't' ? "true" : "false")) return error_;
        } else if (c == 'n') {
          kind = JsonKind::null;
          if (!read_literal("null")) return error_;
        } else {
          return fail(std::string("unexpected character '") + printable(c) + "'");
        }
        if (containers.empty()) outline.kind = kind;
        if (containers.size() == 1 && containers[0] == 'o') begin_member(start, kind);
      }

      // After a value: close containers, or move to the next element.
      for (;;) {
        if (containers.size() == 1 && pending_) {
          outline.members.push_back(JsonMember{member_key, pending_kind_,
                                               s_.substr(pending_start_, i_ - pending_start_)});
          pending_ = false;
        }
        skip_ws();
        if (containers.empty()) {
          if (i_ != s_.size()) return fail("unexpected text after the JSON value");
          return outline;
        }
        if (i_ >= s_.size()) return fail("unexpected end of input inside a container");
        const char top = containers.back();
        const char d = s_[i_];
        if (d == ',') {
          ++i_;
          skip_ws();
          if (top == 'o') {
            if (!read_key(containers.size() == 1 ? &member_key : nullptr)) return error_;
          }
          break;
        }
        if ((top == 'o' && d == '}') || (top == 'a' && d == ']')) {
          ++i_;
          containers.pop_back();
          continue;
        }
        return fail(top == 'o' ? "expected ',' or '}'" : "expected ',' or ']'");
      }
    }
  }

 private:
  static std::string printable(char c) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7F) return std::string(1, c);
    return std::string("\\x") + text::kHexLower[u >> 4] + text::kHexLower[u & 15];
  }

  Error fail(const std::string& what) {
    error_ = Error(ErrorKind::invalid_json, "json.syntax",
                   "invalid JSON at byte " + std::to_string(i_) + ": " + what);
    return error_;
  }

  void begin_member(std::size_t start, JsonKind kind) {
    pending_ = true;
    pending_start_ = start;
    pending_kind_ = kind;
  }

  void skip_ws() {
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
      ++i_;
    }
  }

  // Reads `"key"` then `:` and the whitespace after it.
  bool read_key(std::string_view* key) {
    if (i_ >= s_.size() || s_[i_] != '"') {
      fail("expected a string key");
      return false;
    }
    const std::size_t start = i_ + 1;
    if (!read_string()) return false;
    if (key) *key = s_.substr(start, i_ - 1 - start);
    skip_ws();
    if (i_ >= s_.size() || s_[i_] != ':') {
      fail("expected ':' after a key");
      return false;
    }
    ++i_;
    skip_ws();
    return true;
  }

  static bool is_hex(char c) { return text::hex_value(c) >= 0; }

  bool read_string() {
    ++i_;  // opening quote
    const std::size_t n = s_.size();
    for (;;) {
      // ASCII run: the common case in Medusa responses.
      while (i_ < n) {
        const auto u = static_cast<unsigned char>(s_[i_]);
        if (u < 0x20 || u == '"' || u == '\\' || u >= 0x80) break;
        ++i_;
      }
      if (i_ >= n) {
        fail("unterminated string");
        return false;
      }
      const auto u = static_cast<unsigned char>(s_[i_]);
      if (u == '"') {
        ++i_;
        return true;
      }
      if (u == '\\') {
        if (i_ + 1 >= n) {
          fail("unterminated escape");
          return false;
        }
        const char e = s_[i_ + 1];
        if (e == 'u') {
          if (i_ + 6 > n || !is_hex(s_[i_ + 2]) || !is_hex(s_[i_ + 3]) || !is_hex(s_[i_ + 4]) ||
              !is_hex(s_[i_ + 5])) {
            fail("\\u must be followed by four hex digits");
            return false;
          }
          i_ += 6;
        } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' ||
                   e == 'r' || e == 't') {
          i_ += 2;
        } else {
          fail(std::string("invalid escape '\\") + printable(e) + "'");
          return false;
        }
        continue;
      }
      if (u < 0x20) {
        fail("control character in a string (must be escaped)");
        return false;
      }
      bool well_formed = true;
      const std::size_t at = i_;
      text::decode_utf8(s_, i_, well_formed);
      if (!well_formed) {
        error_ = Error(ErrorKind::invalid_json, "json.invalid_utf8",
                       "invalid JSON at byte " + std::to_string(at) + ": ill-formed UTF-8");
        return false;
      }
    }
  }

  bool digits() {
    const std::size_t start = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    return i_ > start;
  }

  bool read_number() {
    if (s_[i_] == '-') ++i_;
    if (i_ < s_.size() && s_[i_] == '0') {
      ++i_;
    } else if (!digits()) {
      fail("invalid number");
      return false;
    }
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      if (!digits()) {
        fail("invalid number: digits expected after '.'");
        return false;
      }
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (!digits()) {
        fail("invalid number: digits expected in the exponent");
        return false;
      }
    }
    return true;
  }

  bool read_literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) {
      fail("invalid literal");
      return false;
    }
    i_ += word.size();
    return true;
  }

  std::string_view s_;
  const JsonLimits& limits_;
  std::size_t i_ = 0;
  Error error_;
  bool pending_ = false;
  std::size_t pending_start_ = 0;
  JsonKind pending_kind_ = JsonKind::null;
};

}  // namespace

const char* to_string(JsonKind kind) noexcept {
  switch (kind) {
    case JsonKind::null:
      return "null";
    case JsonKind::boolean:
      return "boolean";
    case JsonKind::number:
      return "number";
    case JsonKind::string:
      return "string";
    case JsonKind::array:
      return "array";
    case JsonKind::object:
      return "object";
  }
  return "null";
}

const JsonMember* JsonOutline::find(std::string_view key) const noexcept {
  for (const auto& m : members)
    if (m.key == key) return &m;
  return nullptr;
}

Result<JsonOutline> scan_json(std::string_view text, const JsonLimits& limits) {
  return Scanner(text, limits).run();
}

}  // namespace medusa
