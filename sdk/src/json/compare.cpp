#include "json/compare.hpp"

#include <cmath>
#include <cstdint>

namespace medusa {
namespace {

int sign(bool less, bool greater) { return less ? -1 : greater ? 1 : 0; }

// The magnitude of an integer as uint64, and whether it is negative (INT64_MIN included).
std::uint64_t magnitude(const json& v, bool& negative) {
  if (v.is_number_unsigned()) {
    negative = false;
    return v.get<std::uint64_t>();
  }
  const std::int64_t i = v.get<std::int64_t>();
  negative = i < 0;
  return negative ? 0 - static_cast<std::uint64_t>(i) : static_cast<std::uint64_t>(i);
}

int compare_signed_double(std::int64_t i, double d) {
  if (d >= 9223372036854775808.0) return -1;
  if (d < -9223372036854775808.0) return 1;
  const double whole = std::trunc(d);
  const auto w = static_cast<std::int64_t>(whole);
  if (i != w) return sign(i < w, i > w);
  return sign(d > whole, d < whole);
}

int compare_unsigned_double(std::uint64_t u, double d) {
  if (d < 0) return 1;
  if (d >= 18446744073709551616.0) return -1;
  const double whole = std::trunc(d);
  const auto w = static_cast<std::uint64_t>(whole);
  if (u != w) return sign(u < w, u > w);
  return sign(d > whole, d < whole);
}

int rank(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return 0;
    case json::value_t::boolean:
      return 1;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return 2;
    case json::value_t::string:
      return 3;
    case json::value_t::array:
      return 4;
    case json::value_t::object:
      return 5;
    default:
      return 6;
  }
}

}  // namespace

int compare_numbers(const json& a, const json& b) noexcept {
  const bool af = a.is_number_float(), bf = b.is_number_float();
  if (af && bf) {
    const double x = a.get<double>(), y = b.get<double>();
    return sign(x < y, x > y);
  }
  if (af) return -compare_numbers(b, a);
  if (bf) {
    const double d = b.get<double>();
    return a.is_number_unsigned() ? compare_unsigned_double(a.get<std::uint64_t>(), d)
                                  : compare_signed_double(a.get<std::int64_t>(), d);
  }
  bool an = false, bn = false;
  const std::uint64_t am = magnitude(a, an), bm = magnitude(b, bn);
  if (an != bn) return an ? -1 : 1;
  return an ? sign(am > bm, am < bm) : sign(am < bm, am > bm);
}

int json_compare(const json& a, const json& b) {
  const int ra = rank(a), rb = rank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 0:
      return 0;
    case 1:
      return sign(a.get<bool>() < b.get<bool>(), a.get<bool>() > b.get<bool>());
    case 2:
      return compare_numbers(a, b);
    case 3: {
      const int c = a.get_ref<const std::string&>().compare(b.get_ref<const std::string&>());
      return sign(c < 0, c > 0);
    }
    case 4: {
      const std::size_t n = std::min(a.size(), b.size());
      for (std::size_t i = 0; i < n; ++i) {
        if (const int c = json_compare(a[i], b[i])) return c;
      }
      return sign(a.size() < b.size(), a.size() > b.size());
    }
    case 5: {
      if (a.size() != b.size()) return sign(a.size() < b.size(), a.size() > b.size());
      for (auto x = a.begin(), y = b.begin(); x != a.end(); ++x, ++y) {
        const int k = x.key().compare(y.key());
        if (k != 0) return sign(k < 0, k > 0);
        if (const int c = json_compare(*x, *y)) return c;
      }
      return 0;
    }
    default:
      return 0;
  }
}

bool integer_multiple(const json& value, const json& divisor) noexcept {
  bool vn = false, dn = false;
  const std::uint64_t v = magnitude(value, vn), d = magnitude(divisor, dn);
  return d != 0 && v % d == 0;
}

}  // namespace medusa
