#include "json/decimal.hpp"

#include <cstdint>
#include <cstring>
#include <limits>

namespace medusa {
namespace {

// 10^0 .. 10^22: every power of ten a double holds exactly.
constexpr double kExactPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                        1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
constexpr int kMaxExactPower = 22;
constexpr std::uint64_t kMaxExactMantissa = std::uint64_t{1} << 53;

// A decimal number 0.d[0]d[1]...d[count-1] x 10^point, multiplied and divided by powers
// of two exactly, in decimal, until the binary exponent and the 53 bits of the mantissa
// can be read off: the "decimal shifting" conversion (as in Go's strconv slow path).
// Digits beyond kCapacity are dropped; `truncated` records that a dropped one was not
// zero, which is all rounding needs: the point halfway between two doubles has at most
// 767 significant digits, so a number with more is never exactly halfway.
class Decimal {
 public:
  static constexpr int kCapacity = 800;

  // Reads the mantissa of `number` (digits and an optional '.'); `point` then counts the
  // digits before the decimal point, from the first significant one.
  std::size_t read_mantissa(std::string_view number, std::size_t i) {
    bool after_point = false;
    for (; i < number.size(); ++i) {
      const char c = number[i];
      if (c == '.') {
        after_point = true;
        continue;
      }
      if (c < '0' || c > '9') break;
      if (c == '0' && count_ == 0) {
        if (after_point) --point_;  // 0.00ddd: each leading zero moves the point
        continue;
      }
      if (!after_point) ++point_;
      if (count_ < kCapacity) {
        digits_[count_++] = static_cast<std::uint8_t>(c - '0');
      } else if (c != '0') {
        truncated_ = true;
      }
    }
    trim();
    return i;
  }

  void move_point(long by) { point_ += by; }
  bool is_zero() const { return count_ == 0; }
  int count() const { return count_; }
  long point() const { return point_; }
  bool truncated() const { return truncated_; }
  std::uint8_t digit(int i) const { return digits_[i]; }

  // Multiplies by 2^k (k > 0) or divides by 2^-k (k < 0).
  void shift(int k) {
    if (count_ == 0) return;
    for (; k > kMaxShift; k -= kMaxShift) shift_left(kMaxShift);
    for (; k < -kMaxShift; k += kMaxShift) shift_right(kMaxShift);
    if (k > 0) shift_left(k);
    if (k < 0) shift_right(-k);
  }

  // The integer part, rounded to nearest with ties to even (call when it is below 2^64).
  std::uint64_t rounded_integer() const {
    std::uint64_t n = 0;
    long i = 0;
    for (; i < point_ && i < count_; ++i) n = n * 10 + digits_[i];
    for (; i < point_; ++i) n *= 10;
    if (rounds_up_at(point_)) ++n;
    return n;
  }

 private:
  // Up to 60 bits at a time: a digit shifted by 60 plus the carry still fits 64 bits.
  static constexpr int kMaxShift = 60;

  void shift_left(int k) {
    // From the last digit up; the product has at most 19 more digits than the number.
    std::uint8_t product[kCapacity + 20];
    int at = kCapacity + 20;
    std::uint64_t carry = 0;
    for (int r = count_ - 1; r >= 0; --r) {
      const std::uint64_t n = (std::uint64_t{digits_[r]} << k) + carry;
      carry = n / 10;
      product[--at] = static_cast<std::uint8_t>(n % 10);
    }
    for (; carry > 0; carry /= 10) product[--at] = static_cast<std::uint8_t>(carry % 10);
    const int length = kCapacity + 20 - at;
    point_ += length - count_;
    count_ = 0;
    for (int i = at; i < kCapacity + 20; ++i) keep(product[i]);
    trim();
  }

  void shift_right(int k) {
    const std::uint64_t mask = (std::uint64_t{1} << k) - 1;
    int read = 0;
    int write = 0;
    std::uint64_t n = 0;
    // Enough leading digits for the first quotient digit.
    for (; (n >> k) == 0; ++read) {
      if (read >= count_) {
        while ((n >> k) == 0) {
          n *= 10;
          ++read;
        }
        break;
      }
      n = n * 10 + digits_[read];
    }
    point_ -= read - 1;
    for (; read < count_; ++read) {
      digits_[write++] = static_cast<std::uint8_t>(n >> k);
      n = (n & mask) * 10 + digits_[read];
    }
    for (; n > 0; n = (n & mask) * 10) {
      const auto d = static_cast<std::uint8_t>(n >> k);
      if (write < kCapacity) {
        digits_[write++] = d;
      } else if (d > 0) {
        truncated_ = true;
      }
    }
    count_ = write;
    trim();
  }

  void keep(std::uint8_t d) {
    if (count_ < kCapacity) {
      digits_[count_++] = d;
    } else if (d != 0) {
      truncated_ = true;
    }
  }

  void trim() {
    while (count_ > 0 && digits_[count_ - 1] == 0) --count_;
    if (count_ == 0) point_ = 0;
  }

  // Whether cutting the digits at `at` rounds the kept part up.
  bool rounds_up_at(long at) const {
    if (at < 0 || at >= count_) return false;
    if (digits_[at] == 5 && at + 1 == count_) {  // halfway, unless digits were dropped
      if (truncated_) return true;
      return at > 0 && digits_[at - 1] % 2 == 1;
    }
    return digits_[at] >= 5;
  }

  std::uint8_t digits_[kCapacity];
  int count_ = 0;
  long point_ = 0;
  bool truncated_ = false;
};

double from_bits(std::uint64_t bits) {
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

// The double nearest to `d` (not zero), by decimal shifting. Bias and widths are IEEE
// binary64's: 52 stored mantissa bits, 11 exponent bits, bias 1023.
double nearest_by_shifting(Decimal d, bool negative) {
  const std::uint64_t sign = negative ? std::uint64_t{1} << 63 : 0;
  const double infinity =
      negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  if (d.point() > 310) return infinity;
  if (d.point() < -330) return from_bits(sign);

  // Bring it into [1/2, 1), counting the powers of two. A shift by n bits moves the
  // point by at most n * log10(2) digits; kBitsForDigits[p] keeps the number above 1/2.
  static constexpr int kBitsForDigits[] = {1, 3, 6, 9, 13, 16, 19, 23, 26};
  constexpr long kTableSize = sizeof kBitsForDigits / sizeof kBitsForDigits[0];
  int exponent = 0;
  while (d.point() > 0) {
    const int n = d.point() >= kTableSize ? 27 : kBitsForDigits[d.point()];
    d.shift(-n);
    exponent += n;
  }
  while (d.point() < 0 || (d.point() == 0 && d.digit(0) < 5)) {
    const int n = -d.point() >= kTableSize ? 27 : kBitsForDigits[-d.point()];
    d.shift(n);
    exponent -= n;
  }
  --exponent;  // the mantissa's range is [1, 2)

  // Below the smallest normal exponent the number becomes subnormal.
  if (exponent < -1022) {
    d.shift(-(-1022 - exponent));
    exponent = -1022;
  }
  if (exponent > 1023) return infinity;

  d.shift(53);
  std::uint64_t mantissa = d.rounded_integer();
  if (mantissa == std::uint64_t{2} << 52) {  // rounding carried into a new bit
    mantissa >>= 1;
    if (++exponent > 1023) return infinity;
  }
  const bool subnormal = (mantissa & (std::uint64_t{1} << 52)) == 0;
  const std::uint64_t biased = subnormal ? 0 : static_cast<std::uint64_t>(exponent + 1023);
  return from_bits(sign | biased << 52 | (mantissa & ((std::uint64_t{1} << 52) - 1)));
}

}  // namespace

double decimal_to_double(std::string_view number) {
  std::size_t i = 0;
  const bool negative = !number.empty() && number[0] == '-';
  if (negative) ++i;

  Decimal d;
  i = d.read_mantissa(number, i);
  if (i < number.size() && (number[i] == 'e' || number[i] == 'E')) {
    ++i;
    const bool negative_exponent = i < number.size() && number[i] == '-';
    if (i < number.size() && (number[i] == '-' || number[i] == '+')) ++i;
    long exponent = 0;
    for (; i < number.size() && number[i] >= '0' && number[i] <= '9'; ++i) {
      if (exponent < 100000) exponent = exponent * 10 + (number[i] - '0');  // far past any double
    }
    d.move_point(negative_exponent ? -exponent : exponent);
  }
  if (d.is_zero()) return negative ? -0.0 : 0.0;

  // Few digits and a small power of ten: one exact operation on exact operands, which
  // IEEE arithmetic rounds correctly. Nearly every number in practice ends here.
  if (!d.truncated() && d.count() <= 15) {
    std::uint64_t mantissa = 0;
    for (int k = 0; k < d.count(); ++k) mantissa = mantissa * 10 + d.digit(k);
    long power = d.point() - d.count();
    // 1234e25 = 1234000e22: move zeros into the mantissa while it stays exact.
    for (; power > kMaxExactPower && mantissa * 10 < kMaxExactMantissa; --power) mantissa *= 10;
    if (power >= -kMaxExactPower && power <= kMaxExactPower) {
      const auto m = static_cast<double>(mantissa);
      const double value =
          power >= 0 ? m * kExactPowersOfTen[power] : m / kExactPowersOfTen[-power];
      return negative ? -value : value;
    }
  }
  return nearest_by_shifting(d, negative);
}

}  // namespace medusa
