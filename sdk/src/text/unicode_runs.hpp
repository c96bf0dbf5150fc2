// Readers for the compact Unicode tables written by scripts/unicode/gen_unicode_tables.py
// (internal header): LEB128 numbers, run lists (a value for every code point) and range
// lists (sets of code points).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace medusa::text {

/// Reads the LEB128 number at `at` and advances past it.
inline std::uint32_t read_leb(const std::uint8_t* bytes, std::size_t& at) noexcept {
  std::uint32_t value = 0;
  for (unsigned shift = 0;; shift += 7) {
    const std::uint8_t byte = bytes[at++];
    value |= static_cast<std::uint32_t>(byte & 0x7F) << shift;
    if (!(byte & 0x80)) return value;
  }
}

/// A run list unpacked, each entry (first code point << 8) | value, for binary search.
inline std::vector<std::uint32_t> unpack_runs(const std::uint8_t* starts,
                                              const std::uint8_t* values, std::size_t count) {
  std::vector<std::uint32_t> out;
  out.reserve(count);
  std::uint32_t start = 0;
  std::size_t at = 0;
  for (std::size_t i = 0; i < count; ++i) {
    start += read_leb(starts, at);
    out.push_back((start << 8) | values[i]);
  }
  return out;
}

/// The value of `cp` in an unpacked run list.
inline unsigned run_value(const std::vector<std::uint32_t>& runs, char32_t cp) noexcept {
  const std::uint32_t key = (static_cast<std::uint32_t>(cp) << 8) | 0xFFu;
  const auto it = std::upper_bound(runs.begin(), runs.end(), key);  // last run starting <= cp
  return it == runs.begin() ? 0u : (*(it - 1) & 0xFFu);
}

using Ranges = std::vector<std::pair<char32_t, char32_t>>;

/// A range list unpacked: (gap, length - 1) pairs, from byte `at` to `end`.
inline Ranges unpack_ranges(const std::uint8_t* bytes, std::size_t at, std::size_t end) {
  Ranges out;
  char32_t next = 0;
  while (at < end) {
    const char32_t first = next + read_leb(bytes, at);
    const char32_t last = first + read_leb(bytes, at);
    out.emplace_back(first, last);
    next = last + 1;
  }
  return out;
}

/// Index of the range holding `cp`, or -1.
inline long find_range(const Ranges& ranges, char32_t cp) noexcept {
  auto it =
      std::upper_bound(ranges.begin(), ranges.end(), std::make_pair(cp, char32_t{0x10FFFF + 1}));
  if (it == ranges.begin() || (it - 1)->second < cp) return -1;
  return static_cast<long>(it - ranges.begin()) - 1;
}

}  // namespace medusa::text
