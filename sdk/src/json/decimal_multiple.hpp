// `multipleOf` decided on decimal values, exactly (internal header).
#pragma once

#include "medusa/json_input.hpp"

namespace medusa {

/// Whether `value` is an integer multiple of `divisor` (> 0), both JSON numbers, read as
/// the decimals a person wrote rather than the binary doubles that hold them: 19.99 is a
/// multiple of 0.01 and 0.3 of 0.1 (their doubles' quotients are 1998.9999999999998 and
/// 2.9999999999999996), while 0.30000000000000004 is not a multiple of 0.1, nor 1e-20 of 1.
///
/// A double's decimal is the shortest one that reads back as the same double, which is
/// what JSON.stringify prints and, for every number written with at most 15 significant
/// digits, the text as written; integers (int64, uint64) are exact. The test is then on
/// integers: m1·10^e1 / (m2·10^e2) is whole when m2 divides m1·10^(e1−e2), computed with
/// 128-bit remainders, so no quotient overflows (1e308 is a multiple of 0.5, not of 3).
bool decimal_multiple(const json& value, const json& divisor);

}  // namespace medusa
