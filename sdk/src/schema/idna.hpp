// IDNA2008 host names for the `hostname` and `idn-hostname` formats (internal header).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace medusa::schema::idna {

/// RFC 3492 Punycode: the code points of the part of an A-label after "xn--", or nullopt
/// when it is not valid Punycode (a bad digit, an overflow, a surrogate, a truncation).
std::optional<std::u32string> punycode_decode(std::string_view encoded);

/// RFC 3492 Punycode of `points` (lower case), or nullopt on overflow.
std::optional<std::string> punycode_encode(const std::u32string& points);

/// A host name by IDNA2008 (RFC 5890-5893): labels of letters, digits and hyphens, and
/// A-labels ("xn--") that decode to valid U-labels and encode back to themselves; with
/// `unicode`, U-labels too, separated by "." or U+3002, U+FF0E, U+FF61. A U-label's code
/// points must be PVALID (RFC 5892's derivation from Unicode 17.0 data) or satisfy their
/// context rule (CONTEXTJ, CONTEXTO); it may not begin with a mark nor have "--" in its
/// 3rd and 4th places; a name with a right-to-left label follows the Bidi rule (RFC 5893)
/// in every label. Labels are at most 63 octets in A-label form, the name 253.
bool valid_host_name(std::string_view name, bool unicode);

}  // namespace medusa::schema::idna
