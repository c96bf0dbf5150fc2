// Fixed-width lowercase hexadecimal (internal header), without printf: the WebAssembly
// module carries no printf.
#pragma once

#include <cstdint>
#include <string>

namespace medusa::text {

/// `value` as 16 lowercase hex digits, zero-padded (printf's "%016llx").
inline std::string hex16(std::uint64_t value) {
  static const char* digits = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) out[static_cast<std::size_t>(i)] = digits[value & 15];
  return out;
}

}  // namespace medusa::text
