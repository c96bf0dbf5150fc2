// The `format` checks (draft-07 names plus the personalization "colour"). Each is a
// small hand-written recogniser: std::regex is avoided for size and speed in WASM.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "built_for_size.hpp"
#include "medusa/regex.hpp"
#include "medusa/schema/validator.hpp"
#include "schema/formats.hpp"
#include "schema/idna.hpp"
#include "text/hex.hpp"
#include "text/utf8.hpp"

namespace medusa::schema {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_hex(char c) {
  return text::hex_value(c) >= 0;
}

bool digits(const std::string& s, std::size_t at, std::size_t n, int& out) {
  if (at + n > s.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (!is_digit(s[i])) return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool full_date(const std::string& s) {
  int y = 0, m = 0, d = 0;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!digits(s, 0, 4, y) || !digits(s, 5, 2, m) || !digits(s, 8, 2, d)) return false;
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  const int max = (m == 2 && leap(y)) ? 29 : days[m - 1];
  return d <= max;
}

// RFC 3339 full-time: HH:MM:SS[.frac](Z|+HH:MM|-HH:MM)
bool full_time(const std::string& s) {
  int h = 0, mi = 0, se = 0;
  if (s.size() < 9 || s[2] != ':' || s[5] != ':') return false;
  if (!digits(s, 0, 2, h) || !digits(s, 3, 2, mi) || !digits(s, 6, 2, se)) return false;
  if (h > 23 || mi > 59 || se > 60) return false;
  std::size_t i = 8;
  if (i < s.size() && s[i] == '.') {
    const std::size_t start = ++i;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == start) return false;
  }
  if (i >= s.size()) return false;
  // A leap second (:60) exists only at 23:59:60 UTC: the time less its offset.
  auto leap_second_in_utc = [&](int offset_minutes) {
    const int utc = ((h * 60 + mi - offset_minutes) % 1440 + 1440) % 1440;
    return se != 60 || utc == 23 * 60 + 59;
  };
  if (s[i] == 'Z' || s[i] == 'z') return i + 1 == s.size() && leap_second_in_utc(0);
  if (s[i] != '+' && s[i] != '-') return false;
  int oh = 0, om = 0;
  if (s.size() != i + 6 || s[i + 3] != ':') return false;
  if (!digits(s, i + 1, 2, oh) || !digits(s, i + 4, 2, om)) return false;
  if (oh > 23 || om > 59) return false;
  return leap_second_in_utc((s[i] == '+' ? 1 : -1) * (oh * 60 + om));
}

bool date_time(const std::string& s) {
  if (s.size() < 20 || (s[10] != 'T' && s[10] != 't')) return false;
  return full_date(s.substr(0, 10)) && full_time(s.substr(11));
}

// Formats a personalization form rarely asks for (host names, IP addresses, e-mail
// addresses, JSON pointers, URI templates) are built for size: -1 KB brotli, a schema of
// three of them 2-3% slower. Dates, URIs and colours keep the file's speed flags.
MEDUSA_BUILT_FOR_SIZE_BEGIN
bool hostname_ascii(const std::string& s) {
  return idna::valid_host_name(s, false);
}

bool hostname_idn(const std::string& s) {
  return idna::valid_host_name(s, true);
}

bool ipv4(const std::string& s) {
  int parts = 0;
  std::size_t i = 0;
  while (true) {
    const std::size_t start = i;
    int v = 0;
    while (i < s.size() && is_digit(s[i]) && i - start < 3) v = v * 10 + (s[i++] - '0');
    const std::size_t len = i - start;
    if (len == 0 || v > 255 || (len > 1 && s[start] == '0')) return false;
    ++parts;
    if (i == s.size()) return parts == 4;
    if (s[i] != '.' || parts == 4) return false;
    ++i;
  }
}

bool ipv6(const std::string& s) {
  if (s.empty()) return false;
  int groups = 0;
  bool compressed = false;
  std::size_t i = 0;
  if (s.compare(0, 2, "::") == 0) {
    compressed = true;
    i = 2;
    if (i == s.size()) return true;
  } else if (s[0] == ':') {
    return false;
  }
  while (i < s.size()) {
    // An embedded IPv4 may close the address.
    const auto next_colon = s.find(':', i);
    if (next_colon == std::string::npos && s.find('.', i) != std::string::npos) {
      if (!ipv4(s.substr(i))) return false;
      groups += 2;
      i = s.size();
      break;
    }
    std::size_t len = 0;
    while (i < s.size() && is_hex(s[i])) ++i, ++len;
    if (len == 0 || len > 4) return false;
    ++groups;
    if (i == s.size()) break;
    if (s[i] != ':') return false;
    ++i;
    if (i < s.size() && s[i] == ':') {
      if (compressed) return false;
      compressed = true;
      ++i;
      if (i == s.size()) break;
    } else if (i == s.size()) {
      return false;
    }
  }
  return compressed ? groups < 8 : groups == 8;
}

bool email(const std::string& s) {
  const auto at = s.rfind('@');
  if (at == std::string::npos || at == 0 || at + 1 >= s.size()) return false;
  const std::string local = s.substr(0, at);
  const std::string domain = s.substr(at + 1);
  if (local.size() > 64) return false;
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string::npos) {
    return false;
  }
  static const std::string atext = "!#$%&'*+-/=?^_`{|}~.";
  for (char c : local) {
    if (!(is_alpha(c) || is_digit(c) || atext.find(c) != std::string::npos)) return false;
  }
  if (domain.front() == '[' && domain.back() == ']') {
    const std::string literal = domain.substr(1, domain.size() - 2);
    if (literal.compare(0, 5, "IPv6:") == 0) return ipv6(literal.substr(5));
    return ipv4(literal);
  }
  return hostname_ascii(domain);
}

// RFC 6531: a local part of RFC 5322 atoms or one quoted string, either with UTF-8.
bool idn_email(const std::string& s) {
  const auto at = s.rfind('@');
  if (!is_valid_utf8(s) || at == std::string::npos || at == 0 || at + 1 >= s.size()) return false;
  if (s[0] == '"') {
    // quoted-string: qtext (printable ASCII but '"' and '\', space, non-ASCII) and
    // quoted-pairs, closed right before the '@'.
    std::size_t i = 1;
    for (; i < at; ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c == '\\' && i + 1 < at) {
        ++i;
      } else if (c == '"' || (c < 0x20 && c != '\t') || c == 0x7F) {
        break;
      }
    }
    return i == at - 1 && at >= 2 && s[i] == '"' && hostname_idn(s.substr(at + 1));
  }
  for (std::size_t i = 0; i < at; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c <= 0x20 || c == '"' || c == '(' || c == ')' || c == ',' || c == ':' || c == ';' ||
        c == '<' || c == '>' || c == '@' || c == '[' || c == '\\' || c == ']') {
      return false;
    }
  }
  return hostname_idn(s.substr(at + 1));
}

MEDUSA_BUILT_FOR_SIZE_END

// RFC 3986 / 3987 character-level check of a URI or IRI (reference).
// The ASCII characters a URI may hold as they are: letters, digits, and RFC 3986's
// unreserved, gen-delims and sub-delims. A constant table: a function-local static
// would cost an initialization check on every character.
struct UriCharTable {
  bool allowed[128] = {};
  constexpr UriCharTable() {
    for (int c = 'a'; c <= 'z'; ++c) allowed[c] = true;
    for (int c = 'A'; c <= 'Z'; ++c) allowed[c] = true;
    for (int c = '0'; c <= '9'; ++c) allowed[c] = true;
    for (const char* p = "-._~:/?#[]@!$&'()*+,;="; *p; ++p)
      allowed[static_cast<unsigned char>(*p)] = true;
  }
};
constexpr UriCharTable kUriChars;

// The first of up to three characters at or after `from`, in one plain loop:
// std::string::find_first_of calls memchr on the set for every character.
template <char A, char B = A, char C = A>
std::size_t first_of(std::string_view s, std::size_t from = 0) {
  for (std::size_t i = from; i < s.size(); ++i) {
    if (s[i] == A || s[i] == B || s[i] == C) return i;
  }
  return std::string_view::npos;
}

// RFC 3986 IPvFuture inside brackets: "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" ).
bool ip_future(std::string_view s) {
  if (s.size() < 4 || (s[0] != 'v' && s[0] != 'V')) return false;
  std::size_t i = 1;
  while (i < s.size() && is_hex(s[i])) ++i;
  if (i == 1 || i >= s.size() || s[i] != '.' || i + 1 == s.size()) return false;
  for (++i; i < s.size(); ++i) {
    const char c = s[i];
    const bool unreserved =
        std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' || c == '~';
    const bool sub_delim = std::string_view("!$&'()*+,;=").find(c) != std::string_view::npos;
    if (!unreserved && !sub_delim && c != ':') return false;
  }
  return true;
}

bool uri_like(const std::string& s, bool require_scheme, bool allow_unicode) {
  if (allow_unicode && !is_valid_utf8(s)) return false;
  std::size_t i = 0;
  // scheme
  const auto colon = s.find(':');
  const auto first_delim = first_of<'/', '?', '#'>(s);
  const bool has_scheme =
      colon != std::string::npos && colon > 0 &&
      (first_delim == std::string::npos || colon < first_delim) && is_alpha(s[0]) &&
      std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(colon), [](char c) {
        return is_alpha(c) || is_digit(c) || c == '+' || c == '-' || c == '.';
      });
  if (require_scheme && !has_scheme) return false;
  if (!has_scheme && colon != std::string::npos &&
      (first_delim == std::string::npos || colon < first_delim)) {
    return false;  // a relative reference cannot have ':' in its first segment
  }
  std::size_t fragment = s.find('#');
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      if (!allow_unicode) return false;
      continue;
    }
    if (c == '%') {
      if (i + 2 >= s.size() || !is_hex(s[i + 1]) || !is_hex(s[i + 2])) return false;
      i += 2;
      continue;
    }
    if (c == '#' && i != fragment) return false;  // a second '#'
    if (!kUriChars.allowed[c]) return false;
  }
  // Brackets only around an IP literal host: nowhere else in the authority, nor in the
  // path, query or fragment.
  const std::size_t after_scheme = has_scheme ? colon + 1 : 0;
  if (s.compare(after_scheme, 2, "//") == 0) {
    const auto end = first_of<'/', '?', '#'>(s, after_scheme + 2);
    if (end != std::string::npos && first_of<'[', ']'>(s, end) != std::string::npos) return false;
    const std::string_view authority = std::string_view(s).substr(
        after_scheme + 2, end == std::string::npos ? std::string::npos : end - after_scheme - 2);
    const auto at = authority.rfind('@');
    if (at != std::string_view::npos && authority.find('@') != at)
      return false;  // userinfo has no '@'
    const std::string_view host =
        at == std::string_view::npos ? authority : authority.substr(at + 1);
    if (!host.empty() && host[0] == '[') {
      const auto close = host.find(']');
      if (close == std::string_view::npos) return false;
      const std::string_view rest = host.substr(close + 1);
      if (!rest.empty() &&
          (rest[0] != ':' || !std::all_of(rest.begin() + 1, rest.end(), is_digit))) {
        return false;
      }
      const std::string_view literal = host.substr(1, close - 1);
      if (!ip_future(literal) && !ipv6(std::string(literal))) return false;
    } else {
      if (first_of<'[', ']'>(host) != std::string_view::npos) return false;
      const auto port = host.find(':');
      if (port != std::string_view::npos &&
          !std::all_of(host.begin() + static_cast<std::ptrdiff_t>(port) + 1, host.end(),
                       is_digit)) {
        return false;  // also refuses an IPv6 address without brackets
      }
    }
    if (at != std::string_view::npos &&
        first_of<'[', ']'>(authority.substr(0, at)) != std::string_view::npos) {
      return false;
    }
  } else if (first_of<'[', ']'>(s, after_scheme) != std::string::npos) {
    return false;
  }
  return true;
}

MEDUSA_BUILT_FOR_SIZE_BEGIN
bool json_pointer(const std::string& s) {
  if (s.empty()) return true;
  if (s[0] != '/') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '~' && (i + 1 >= s.size() || (s[i + 1] != '0' && s[i + 1] != '1'))) return false;
  }
  return true;
}

bool relative_json_pointer(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i == 0 || (i > 1 && s[0] == '0')) return false;
  const std::string rest = s.substr(i);
  return rest == "#" || json_pointer(rest);
}

// RFC 6570 §2: literals and expressions, levels 1 to 4.
//   expression = "{" [ operator ] varspec *( "," varspec ) "}"
//   varspec    = varname [ ":" max-length (1-9999, no leading zero) / "*" ]
//   varname    = varchar *( ["."] varchar ), varchar = ALPHA / DIGIT / "_" / pct-encoded
// The operators reserved for future extensions (= , ! @ |) are refused, as RFC 6570 asks
// of a template processor that meets one.
bool uri_template(const std::string& s) {
  if (!is_valid_utf8(s)) return false;
  const auto pct_encoded = [&](std::size_t i) {
    return i + 2 < s.size() && s[i] == '%' && is_hex(s[i + 1]) && is_hex(s[i + 2]);
  };
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '{') {
      ++i;
      if (i < s.size() && std::string_view("+#./;?&").find(s[i]) != std::string_view::npos) ++i;
      while (true) {  // one varspec
        const std::size_t name_start = i;
        bool after_dot = true;  // no leading, trailing or double dot
        while (i < s.size()) {
          if (pct_encoded(i)) {
            i += 3;
          } else if (is_alpha(s[i]) || is_digit(s[i]) || s[i] == '_') {
            ++i;
          } else if (s[i] == '.' && !after_dot) {
            ++i;
            after_dot = true;
            continue;
          } else {
            break;
          }
          after_dot = false;
        }
        if (i == name_start || after_dot) return false;
        if (i < s.size() && s[i] == ':') {
          const std::size_t digits_start = ++i;
          while (i < s.size() && is_digit(s[i]) && i - digits_start < 5) ++i;
          const std::size_t n = i - digits_start;
          if (n == 0 || n > 4 || s[digits_start] == '0') return false;
        } else if (i < s.size() && s[i] == '*') {
          ++i;
        }
        if (i < s.size() && s[i] == ',') {
          ++i;
          continue;
        }
        break;
      }
      if (i >= s.size() || s[i] != '}') return false;
      ++i;
    } else if (c == '%') {
      if (!pct_encoded(i)) return false;
      i += 3;
    } else if (c >= 0x80) {
      ++i;  // ucschar / iprivate: any non-ASCII character (the text is valid UTF-8)
    } else {
      // Literals: any ASCII character but controls, space and " % < > \ ^ ` { | }. The
      // apostrophe, outside RFC 6570's ABNF, is accepted as the JSON-Schema-Test-Suite
      // expects (it is a sub-delim in every URI).
      if (c <= 0x20 || c == 0x7F ||
          std::string_view("\"<>\\^`|}").find(static_cast<char>(c)) != std::string_view::npos)
        return false;
      ++i;
    }
  }
  return true;
}

MEDUSA_BUILT_FOR_SIZE_END

bool colour(const std::string& s) {
  if ((s.size() != 4 && s.size() != 7) || s[0] != '#') return false;
  return std::all_of(s.begin() + 1, s.end(), is_hex);
}

struct Checker {
  const char* name;
  bool (*check)(const std::string&);
};

const Checker kCheckers[] = {
    {"date", full_date},
    {"time", full_time},
    {"date-time", date_time},
    {"email", email},
    {"idn-email", idn_email},
    {"hostname", hostname_ascii},
    {"idn-hostname", hostname_idn},
    {"ipv4", ipv4},
    {"ipv6", ipv6},
    {"uri", [](const std::string& s) { return uri_like(s, true, false); }},
    {"uri-reference", [](const std::string& s) { return uri_like(s, false, false); }},
    {"iri", [](const std::string& s) { return uri_like(s, true, true); }},
    {"iri-reference", [](const std::string& s) { return uri_like(s, false, true); }},
    {"uri-template", uri_template},
    {"json-pointer", json_pointer},
    {"relative-json-pointer", relative_json_pointer},
    {"regex", [](const std::string& s) { return detail::is_regex_format(s); }},
    {"colour", colour},
    {"color", colour},
};

}  // namespace

namespace detail {

bool is_regex_format(const std::string& source, std::optional<Regex>* compiled) {
  auto r = Regex::compile(source);
  if (r && compiled) *compiled = std::move(r).value();
  // Patterns the linear-time engine refuses by design are still ECMAScript patterns.
  return r.ok() || r.error().code == "regex.unsupported";
}

FormatCheck format_check(const std::string& name) {
  for (const auto& c : kCheckers) {
    if (name == c.name) return c.check;
  }
  return nullptr;
}

}  // namespace detail

bool check_format(const std::string& format, const std::string& value) {
  const auto check = detail::format_check(format);
  return !check || check(value);
}

const std::vector<std::string>& known_formats() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& c : kCheckers) out.emplace_back(c.name);
    return out;
  }();
  return names;
}

}  // namespace medusa::schema
