// Unicode text and host names: NFC, grapheme counting, Punycode and IDNA2008 on any
// bytes. Beyond "no crash, no sanitizer report, no timeout" it checks what must hold
// for every input:
//   - NFC is idempotent and keeps valid UTF-8 valid; ill-formed input comes back as is;
//   - a text has no more grapheme clusters than code points, and at least one if any;
//   - Punycode round-trips: encode(decode(p)) decodes to the same code points, and
//     decode(encode(u)) == u for the input's code points;
//   - an A-label the `hostname` format accepts is accepted by `idn-hostname` too.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "medusa/schema/validator.hpp"
#include "medusa/text.hpp"
#include "schema/idna.hpp"
#include "text/utf8.hpp"

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  bool well_formed = true;
  std::u32string points;
  for (std::size_t i = 0; i < text.size();) points += medusa::text::decode_utf8(text, i, well_formed);

  const std::string nfc = medusa::text::to_nfc(text);
  if (well_formed) {
    require(medusa::text::to_nfc(nfc) == nfc);
    bool still = true;
    for (std::size_t i = 0; i < nfc.size();) medusa::text::decode_utf8(nfc, i, still);
    require(still);
  } else {
    require(nfc == text);
  }
  const std::size_t clusters = medusa::text::count_graphemes(text);
  require(clusters <= points.size() && (points.empty() || clusters >= 1));

  namespace idna = medusa::schema::idna;
  if (size <= 256) {  // Punycode is quadratic by design; host labels are short
    if (const auto decoded = idna::punycode_decode(text)) {
      const auto encoded = idna::punycode_encode(*decoded);
      require(encoded && idna::punycode_decode(*encoded) == decoded);
    }
    if (well_formed) {
      if (const auto encoded = idna::punycode_encode(points))
        require(idna::punycode_decode(*encoded) == points);
    }
  }
  const std::string name(text);
  if (medusa::schema::check_format("hostname", name))
    require(medusa::schema::check_format("idn-hostname", name));
  (void)medusa::schema::check_format("idn-email", name);
  return 0;
}
