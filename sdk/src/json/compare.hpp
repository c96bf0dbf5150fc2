// JSON values compared by value (internal header): numbers by their exact mathematical
// value whatever their stored type (int64, uint64 or double), so that 2^63 is not equal
// to -2^63 and 18446744073709551615 is above -1. nlohmann/json compares an unsigned with
// a signed integer by casting one to the other, which is wrong past 2^63.
#pragma once

#include "medusa/json_input.hpp"

namespace medusa {

/// -1, 0 or 1: the order of two JSON numbers by value (precondition: both numbers).
int compare_numbers(const json& a, const json& b) noexcept;

/// A total order on JSON values: by type (null, boolean, number, string, array, object),
/// numbers by value (1 == 1.0), arrays element by element, objects by size, then member
/// by member. 0 means equal as JSON Schema's `enum`, `const` and `uniqueItems` mean it.
int json_compare(const json& a, const json& b);

inline bool json_equal(const json& a, const json& b) { return json_compare(a, b) == 0; }

/// Whether integer `value` is a multiple of integer `divisor`, exactly, for any mix of
/// int64 and uint64 (precondition: both integers). A zero divisor: false.
bool integer_multiple(const json& value, const json& divisor) noexcept;

}  // namespace medusa
