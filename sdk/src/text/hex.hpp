// Hexadecimal digits (internal header), read and written without printf or strtol: the
// WebAssembly module carries neither.
#pragma once

#include <cstdint>
#include <string>

namespace medusa::text {

inline constexpr char kHexLower[] = "0123456789abcdef";
inline constexpr char kHexUpper[] = "0123456789ABCDEF";

/// The value of one hex digit (either case), or -1.
constexpr int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// `value` as 16 lowercase hex digits, zero-padded (printf's "%016llx").
inline std::string hex16(std::uint64_t value) {
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) {
    out[static_cast<std::size_t>(i)] = kHexLower[value & 15];
  }
  return out;
}

}  // namespace medusa::text
