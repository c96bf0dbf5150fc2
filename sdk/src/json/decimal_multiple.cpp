#include "json/decimal_multiple.hpp"

#include <cmath>
#include <cstdint>
#include <string>

#include "json/decimal.hpp"

namespace medusa {
namespace {

__extension__ typedef unsigned __int128 u128;

/// |x| as mantissa · 10^exponent, mantissa without trailing zeros (0 for zero).
struct Decimal {
  std::uint64_t mantissa = 0;
  int exponent = 0;
};

void strip_zeros(Decimal& d) {
  while (d.mantissa != 0 && d.mantissa % 10 == 0) d.mantissa /= 10, ++d.exponent;
}

bool reads_back(std::uint64_t mantissa, int exponent, double target) {
  const std::string text = std::to_string(mantissa) + "e" + std::to_string(exponent);
  return decimal_to_double(text) == target;
}

// The shortest decimal that reads back as `x` (> 0, finite). nlohmann/json's Grisu2 gives
// one that reads back, rarely a digit longer than the shortest: drop digits while a
// rounded-down or rounded-up shorter one still reads back.
Decimal shortest_decimal(double x) {
  char digits[32];
  int length = 0, exponent = 0;
  nlohmann::detail::dtoa_impl::grisu2(digits, length, exponent, x);
  Decimal d;
  for (int i = 0; i < length; ++i) d.mantissa = d.mantissa * 10 + static_cast<unsigned>(digits[i] - '0');
  d.exponent = exponent;
  while (d.mantissa >= 10) {
    const std::uint64_t down = d.mantissa / 10;
    if (reads_back(down, d.exponent + 1, x)) {
      d.mantissa = down, ++d.exponent;
    } else if (reads_back(down + 1, d.exponent + 1, x)) {
      d.mantissa = down + 1, ++d.exponent;
    } else {
      break;
    }
  }
  strip_zeros(d);
  return d;
}

Decimal decimal_of(const json& number) {
  Decimal d;
  if (number.is_number_unsigned()) {
    d.mantissa = number.get<std::uint64_t>();
  } else if (number.is_number_integer()) {
    const std::int64_t i = number.get<std::int64_t>();
    d.mantissa = i < 0 ? 0 - static_cast<std::uint64_t>(i) : static_cast<std::uint64_t>(i);
  } else {
    const double x = std::fabs(number.get<double>());
    if (x != 0) d = shortest_decimal(x);
  }
  strip_zeros(d);
  return d;
}

std::uint64_t mul_mod(std::uint64_t a, std::uint64_t b, std::uint64_t m) {
  return static_cast<std::uint64_t>(static_cast<u128>(a) * b % m);
}

std::uint64_t pow10_mod(int exponent, std::uint64_t m) {
  std::uint64_t result = 1 % m, base = 10 % m;
  for (unsigned e = static_cast<unsigned>(exponent); e != 0; e >>= 1) {
    if (e & 1u) result = mul_mod(result, base, m);
    base = mul_mod(base, base, m);
  }
  return result;
}

}  // namespace

bool decimal_multiple(const json& value, const json& divisor) {
  if (value.is_number_float() && !std::isfinite(value.get<double>())) return false;
  const Decimal v = decimal_of(value);
  const Decimal d = decimal_of(divisor);
  if (d.mantissa == 0) return false;
  if (v.mantissa == 0) return true;
  const int shift = v.exponent - d.exponent;
  if (shift >= 0) {
    // d.m divides v.m · 10^shift
    return mul_mod(v.mantissa % d.mantissa, pow10_mod(shift, d.mantissa), d.mantissa) == 0;
  }
  // d.m · 10^-shift divides v.m: impossible once it exceeds v.m (< 2^64 < 10^20).
  if (-shift > 20) return false;
  u128 scaled = d.mantissa;
  for (int i = 0; i < -shift; ++i) scaled *= 10;
  return scaled <= v.mantissa && v.mantissa % scaled == 0;
}

}  // namespace medusa
