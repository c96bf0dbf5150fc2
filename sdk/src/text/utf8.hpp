// UTF-8 decoding shared by the regex engine and the validator (internal header).
#pragma once

#include <cstddef>
#include <string_view>

namespace medusa::text {

inline constexpr char32_t kReplacement = 0xFFFD;

/// Decodes the code point at `i` and advances `i` past it. An ill-formed sequence
/// yields U+FFFD, clears `well_formed` and advances by one byte, so every input is
/// consumed in linear time.
inline char32_t decode_utf8(std::string_view s, std::size_t& i, bool& well_formed) noexcept {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  std::size_t len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((c & 0xE0) == 0xC0) {
    len = 2, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, cp = c & 0x07, min = 0x10000;
  }
  bool ok = len != 0 && i + len <= s.size();
  for (std::size_t k = 1; ok && k < len; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    ok = (cc & 0xC0) == 0x80;
    cp = (cp << 6) | (cc & 0x3F);
  }
  ok = ok && cp >= min && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
  if (!ok) {
    well_formed = false;
    ++i;
    return kReplacement;
  }
  i += len;
  return cp;
}

/// decode_utf8 for callers that read ill-formed input as U+FFFD without noticing.
inline char32_t decode_utf8(std::string_view s, std::size_t& i) noexcept {
  bool ignored = true;
  return decode_utf8(s, i, ignored);
}

/// Number of code points in `s` (what JSON Schema's minLength/maxLength count).
inline std::size_t count_code_points(std::string_view s) noexcept {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) decode_utf8(s, i);
  return n;
}

/// Appends the UTF-8 encoding of `cp` to `out`.
template <class String>
void append_utf8(String& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
    return;
  }
  // Longer sequences in one append: every `+=` is a capacity check and a possible growth.
  char bytes[4];
  std::size_t n;
  if (cp < 0x800) {
    bytes[0] = static_cast<char>(0xC0 | (cp >> 6));
    n = 2;
  } else if (cp < 0x10000) {
    bytes[0] = static_cast<char>(0xE0 | (cp >> 12));
    bytes[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    n = 3;
  } else {
    bytes[0] = static_cast<char>(0xF0 | (cp >> 18));
    bytes[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    bytes[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    n = 4;
  }
  bytes[n - 1] = static_cast<char>(0x80 | (cp & 0x3F));
  out.append(bytes, n);
}

}  // namespace medusa::text
