// Compact JSON text as nlohmann's dump writes it (internal header): the writer behind
// validation reports, which are written after every validation of a form. Text goes
// into one buffer with plain copies and strings are scanned eight bytes at a time: with
// a std::string append per piece and a test per byte, writing the report of an invalid
// payload cost more than validating it.
#pragma once

#include <charconv>
#include <cstring>
#include <string>
#include <string_view>

#include "medusa/json_input.hpp"

namespace medusa::schema::detail {

/// Compact JSON text in one growing buffer, written with plain copies.
class JsonTextWriter {
 public:
  explicit JsonTextWriter(std::size_t capacity);

  void raw(const char* text, std::size_t size) {
    reserve(size);
    std::memcpy(next_, text, size);
    next_ += size;
  }
  void raw(char c) {
    reserve(1);
    *next_++ = c;
  }
  template <std::size_t N>
  void literal(const char (&text)[N]) {
    raw(text, N - 1);
  }

  template <class Integer>
  void integer(Integer value) {
    reserve(24);
    next_ = std::to_chars(next_, next_ + 24, value).ptr;
  }

  /// `text` as a JSON string, escaped the way nlohmann's dump escapes it.
  void string(std::string_view text);

  std::string take();

 private:
  std::size_t size() const { return static_cast<std::size_t>(next_ - buffer_.data()); }

  void reserve(std::size_t more) {
    if (static_cast<std::size_t>(end_ - next_) < more) grow(more);
  }
  // Out of line: the buffer rarely grows, and inlined into every write it was the bulk
  // of each one's code.
  void grow(std::size_t more);

  // Writes the string; false on invalid UTF-8 (the caller rewinds).
  bool try_string(std::string_view text);
  // The same for text that is not UTF-8, with U+FFFD as nlohmann writes it.
  void string_replacing(std::string_view text);
  // The escape of a control character, '"' or '\\' (room already reserved).
  void escape(unsigned char c);

  std::string buffer_;
  char* next_ = nullptr;
  char* end_ = nullptr;
};

/// Writes `value` as nlohmann's compact dump (dump(-1, ' ', false, replace)) would.
void write_json(JsonTextWriter& out, const json& value);

}  // namespace medusa::schema::detail
