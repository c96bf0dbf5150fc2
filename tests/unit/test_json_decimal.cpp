// Numbers with a fraction or an exponent: parse_json gives the double std::strtod gives,
// bit for bit (the nearest one, ties to even), on awkward and generated numbers: every
// kind of length and exponent, the exact points halfway between two doubles and the
// numbers just beside them, more digits than any halfway point has, subnormals, and the
// edges of the range. Too large a magnitude is refused as strtod's infinity would be.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "medusa/json_input.hpp"

using medusa::json;
using medusa::parse_json;

namespace {

std::uint64_t bits_of(double d) {
  std::uint64_t b;
  std::memcpy(&b, &d, sizeof b);
  return b;
}

// parse_json(text) against strtod(text); `text` must have a fraction or an exponent (or
// be too long for 64 bits), so that JSON reads it as a double.
void check_like_strtod(const std::string& text) {
  CAPTURE(text.substr(0, 120));
  CAPTURE(text.size());
  const double expected = std::strtod(text.c_str(), nullptr);
  const auto parsed = parse_json(text);
  if (std::isinf(expected)) {
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().message.find("number overflow") != std::string::npos);
    return;
  }
  REQUIRE(parsed.ok());
  REQUIRE(parsed->is_number_float());
  CHECK(bits_of(parsed->get<double>()) == bits_of(expected));
}

std::string exact_decimal(long double v) {
  // Every binary fraction has a finite decimal expansion; 800 digits hold any of those
  // printed here (a halfway point between doubles has at most 767 significant digits).
  std::string out(1000, '\0');
  const int n = std::snprintf(out.data(), out.size(), "%.800Le", v);
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// The number `exact` (as printed by exact_decimal) with a 1 written just before its
// exponent, after `zeros` zeros: a tiny amount above it.
std::string just_above(const std::string& exact, int zeros) {
  const auto e = exact.find('e');
  return exact.substr(0, e) + std::string(static_cast<std::size_t>(zeros), '0') + '1' +
         exact.substr(e);
}

}  // namespace

TEST_SUITE("json_input") {
  TEST_CASE("numbers: the double strtod gives, at the awkward places") {
    for (const char* text : {
             "0.0",
             "-0.0",
             "0e0",
             "-0e-5",
             "0.000000000000000000000000000000000000001e40",
             "1.0",
             "0.1",
             "0.2",
             "0.3",
             "-0.3",
             "1.5",
             "12.5",
             "1e0",
             "1E+2",
             "1e-2",
             "123456789012345.0",
             "1234567890123456.0",
             "12345678901234567.0",
             "9007199254740992.0",
             "9007199254740993.0",
             "9007199254740995.0",
             "9007199254740993.000000000000000000000000000001",
             "1e22",
             "1e23",
             "8.589973e9",
             "123456789012345678901234567890",
             "4.35679896e22",
             "1234e25",
             "1e-22",
             "1e-23",
             // the edges of the range
             "1.7976931348623157e308",
             "1.7976931348623158e308",
             "1.7976931348623159e308",
             "-1.7976931348623157e308",
             "1e308",
             "1e309",
             "-1e309",
             "1e400",
             "1e100000",
             "1e99999999999999999999",
             "2.2250738585072014e-308",
             "2.2250738585072011e-308",
             "2.2250738585072012e-308",
             "2.225073858507201136057409796709131975934819546351645e-308",
             "4.9e-324",
             "5e-324",
             "4.9406564584124654e-324",
             "2.4703282292062327e-324",
             "2.4703282292062328e-324",
             "2.47032822920623272e-324",
             "1e-324",
             "3e-324",
             "1e-400",
             "-1e-400",
             "1e-99999999999999999999",
             "0.1e-330",
             "1e-320",
             "1.00000000000000011102230246251565404236316680908203125",
             "1.00000000000000011102230246251565404236316680908203124",
             "1.00000000000000011102230246251565404236316680908203126",
             "7.3177701707893310e+15",
             "2.0e-3",
             "5.0e-324",
             "69e267",
             "999999999999999999e-3",
             "3.4028235677973366e+38",
             "1.448997445238699",
             "0.500000000000000166533453693773481063544750213623046875",
         }) {
      check_like_strtod(text);
    }
  }

  TEST_CASE("numbers: every double printed with 17 digits reads back as itself") {
    std::mt19937_64 random(20261126);
    char text[64];
    for (int n = 0; n < 20000; ++n) {
      double d;
      std::uint64_t bits = random();
      if ((bits >> 52 & 0x7FF) == 0x7FF) bits ^= std::uint64_t{1} << 62;  // no infinities or NaNs
      std::memcpy(&d, &bits, sizeof d);
      std::snprintf(text, sizeof text, "%.17e", d);
      check_like_strtod(text);
      CHECK(bits_of(parse_json(text)->get<double>()) == bits);
      std::snprintf(text, sizeof text, "%.16e", d);  // often the neighbour's text
      check_like_strtod(text);
    }
  }

  TEST_CASE("numbers: generated digits and exponents") {
    std::mt19937_64 random(7);
    for (int n = 0; n < 30000; ++n) {
      const int length = 1 + static_cast<int>(random() % (n % 10 == 0 ? 60 : 22));
      std::string text = random() % 2 ? "-" : "";
      std::string digits;
      for (int k = 0; k < length; ++k) digits += static_cast<char>('0' + random() % 10);
      if (random() % 3 == 0) digits[0] = '0';
      const auto point = random() % static_cast<std::uint64_t>(length);
      if (digits[0] == '0') {
        text += "0." + digits.substr(1) + "1";
      } else {
        text += digits.substr(0, point + 1) + "." + digits.substr(point + 1) + "0";
      }
      const long exponent = static_cast<long>(random() % 700) - 360;
      text += "e" + std::to_string(exponent);
      check_like_strtod(text);
    }
  }

  TEST_CASE("numbers: halfway between two doubles, and just beside it") {
    std::mt19937_64 random(11);
    for (int n = 0; n < 1500; ++n) {
      std::uint64_t bits = random() >> 1;                    // positive
      if (n % 5 == 0) bits &= (std::uint64_t{1} << 52) - 1;  // subnormal
      if (n % 7 == 0)
        bits = (bits & ((std::uint64_t{1} << 52) - 1)) | std::uint64_t{0x7FE} << 52;  // top binade
      if ((bits >> 52) == 0x7FF) bits ^= std::uint64_t{1} << 60;
      double lower;
      std::memcpy(&lower, &bits, sizeof lower);
      const double upper = std::nextafter(lower, std::numeric_limits<double>::infinity());
      if (std::isinf(upper)) continue;
      const long double middle = (static_cast<long double>(lower) + upper) / 2;
      const std::string exact = exact_decimal(middle);
      check_like_strtod(exact);                                        // a tie: to the even one
      check_like_strtod(just_above(exact, 0));                         // just above the tie
      check_like_strtod(just_above(exact, 120));                       // beyond 800 digits
      check_like_strtod(exact_decimal(std::nextafter(middle, 0.0L)));  // just below it
      check_like_strtod(exact_decimal(std::nextafter(middle, 2.0L * upper)));
    }
  }

  TEST_CASE("numbers: long integer parts and long fractions") {
    std::mt19937_64 random(3);
    for (int n = 0; n < 300; ++n) {
      std::string digits;
      const int length = 320 + static_cast<int>(random() % 900);
      for (int k = 0; k < length; ++k) digits += static_cast<char>('0' + random() % 10);
      digits[0] = static_cast<char>('1' + random() % 9);
      check_like_strtod(digits.substr(0, 308) + "." + digits.substr(308));
      check_like_strtod("0." + std::string(static_cast<std::size_t>(random() % 300), '0') + digits);
      check_like_strtod(digits + "e-" + std::to_string(length + static_cast<int>(random() % 40)));
      check_like_strtod(digits.substr(0, 17) + std::string(static_cast<std::size_t>(length), '0') +
                        "e-" + std::to_string(length + 300));
    }
  }
}
