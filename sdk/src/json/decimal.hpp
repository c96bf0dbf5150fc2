// Decimal text to the nearest double (internal header).
//
// The JSON parser's own conversion instead of std::strtod: the same result (round to
// nearest, ties to even, for any number of digits), without the C library's long double
// arithmetic, which under Emscripten is software floating point: strtod alone was 15 KB
// of the WebAssembly module (6.5 KB brotli). tests/unit/test_json_decimal.cpp holds it
// to strtod's result bit for bit.
#pragma once

#include <string_view>

namespace medusa {

/// The double nearest to `number`, a JSON number's text ("-12.5e3": optional minus,
/// digits, optional fraction and exponent; the caller has checked the syntax). Too large
/// a magnitude gives an infinity, too small a (signed) zero, as strtod does.
double decimal_to_double(std::string_view number);

}  // namespace medusa
