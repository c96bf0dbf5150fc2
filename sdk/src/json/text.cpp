#include "json/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "built_for_size.hpp"
#include "text/hex.hpp"
#include "text/utf8.hpp"

namespace medusa::schema::detail {
namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

// True when one of the eight bytes needs a closer look: a control character, '"', '\',
// or a byte of a multi-byte UTF-8 sequence (to be checked for well-formedness).
bool needs_care(std::uint64_t v) {
  const auto below_space = (v - kOnes * 0x20) & ~v;
  const auto quote = v ^ (kOnes * '"');
  const auto backslash = v ^ (kOnes * '\\');
  const auto is_quote = (quote - kOnes) & ~quote;
  const auto is_backslash = (backslash - kOnes) & ~backslash;
  return ((below_space | is_quote | is_backslash) & kHighBits) != 0 || (v & kHighBits) != 0;
}

}  // namespace

JsonTextWriter::JsonTextWriter(std::size_t capacity) {
  buffer_.resize(std::max<std::size_t>(capacity, 64));
  next_ = buffer_.data();
  end_ = next_ + buffer_.size();
}

std::string JsonTextWriter::take() {
  buffer_.resize(size());
  return std::move(buffer_);
}

void JsonTextWriter::grow(std::size_t more) {
  const std::size_t used = size();
  buffer_.resize(std::max(buffer_.size() * 2, used + more));
  next_ = buffer_.data() + used;
  end_ = buffer_.data() + buffer_.size();
}

void JsonTextWriter::string(std::string_view text) {
  const std::size_t start = size();
  if (!try_string(text)) {
    next_ = buffer_.data() + start;
    string_replacing(text);
  }
}

void JsonTextWriter::escape(unsigned char c) {
  using text::kHexLower;
  *next_++ = '\\';
  switch (c) {
    case '"':
      *next_++ = '"';
      break;
    case '\\':
      *next_++ = '\\';
      break;
    case '\b':
      *next_++ = 'b';
      break;
    case '\f':
      *next_++ = 'f';
      break;
    case '\n':
      *next_++ = 'n';
      break;
    case '\r':
      *next_++ = 'r';
      break;
    case '\t':
      *next_++ = 't';
      break;
    default:
      *next_++ = 'u';
      *next_++ = '0';
      *next_++ = '0';
      *next_++ = kHexLower[c >> 4];
      *next_++ = kHexLower[c & 15];
  }
}

// Text that is not UTF-8, written as nlohmann's error_handler_t::replace writes it: each
// ill-formed sequence becomes one U+FFFD; the byte that broke a sequence is read again as
// the start of the next one; a sequence left unfinished at the end is one U+FFFD.
void JsonTextWriter::string_replacing(std::string_view text) {
  reserve(text.size() * 6 + 2);  // at worst every byte becomes \u00XX
  *next_++ = '"';
  const auto replacement = [&] {
    *next_++ = '\xEF';
    *next_++ = '\xBF';
    *next_++ = '\xBD';
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c >= 0x20 && c != '"' && c != '\\') {
        *next_++ = static_cast<char>(c);
      } else {
        escape(c);
      }
      ++i;
      continue;
    }
    // The continuation bytes a lead byte needs, and the range of the first (RFC 3629).
    std::size_t need = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      need = 2;
      if (c == 0xE0) low = 0xA0;
      if (c == 0xED) high = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3;
      if (c == 0xF0) low = 0x90;
      if (c == 0xF4) high = 0x8F;
    } else {
      replacement();  // not a lead byte
      ++i;
      continue;
    }
    std::size_t k = 1;
    for (; k <= need && i + k < text.size(); ++k) {
      const auto b = static_cast<unsigned char>(text[i + k]);
      if (b < (k == 1 ? low : 0x80) || b > (k == 1 ? high : 0xBF)) break;
    }
    if (k > need) {
      std::memcpy(next_, text.data() + i, need + 1);
      next_ += need + 1;
      i += need + 1;
      continue;
    }
    replacement();
    i += k;  // at the byte that broke the sequence, or at the end
  }
  *next_++ = '"';
}

bool JsonTextWriter::try_string(std::string_view text) {
  // Worst case every byte becomes \u00XX: reserve once, then write without checks.
  reserve(text.size() * 6 + 2);
  *next_++ = '"';
  const char* in = text.data();
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (i < size) {
    if (i + 8 <= size) {
      std::uint64_t word;
      std::memcpy(&word, in + i, 8);
      if (!needs_care(word)) {
        std::memcpy(next_, in + i, 8);
        next_ += 8;
        i += 8;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(in[i]);
    if (c >= 0x80) {
      const std::size_t from = i;
      bool well_formed = true;
      text::decode_utf8(text, i, well_formed);
      if (!well_formed) return false;
      std::memcpy(next_, in + from, i - from);
      next_ += i - from;
      continue;
    }
    ++i;
    if (c >= 0x20 && c != '"' && c != '\\') {
      *next_++ = static_cast<char>(c);
      continue;
    }
    escape(c);
  }
  *next_++ = '"';
  return true;
}

// Built for size: it writes whole values once per schema or call (a schema's document,
// the params of prepared issues, request bodies) and, while validating, only the few
// params of issues that depend on the instance; the string writer above keeps its speed.
MEDUSA_BUILT_FOR_SIZE_BEGIN
// `value` as nlohmann's compact dump writes it; floating-point numbers through
// nlohmann's own shortest round-trip formatting (the function its serializer calls).
void write_json(JsonTextWriter& out, const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      out.literal("null");
      return;
    case json::value_t::boolean:
      if (value.get<bool>()) {
        out.literal("true");
      } else {
        out.literal("false");
      }
      return;
    case json::value_t::number_integer:
      out.integer(value.get<std::int64_t>());
      return;
    case json::value_t::number_unsigned:
      out.integer(value.get<std::uint64_t>());
      return;
    case json::value_t::string:
      out.string(value.get_ref<const std::string&>());
      return;
    case json::value_t::array: {
      out.raw('[');
      bool first = true;
      for (const auto& item : value) {
        if (!first) out.raw(',');
        first = false;
        write_json(out, item);
      }
      out.raw(']');
      return;
    }
    case json::value_t::object: {
      out.raw('{');
      bool first = true;
      for (auto member = value.begin(); member != value.end(); ++member) {
        if (!first) out.raw(',');
        first = false;
        out.string(member.key());
        out.raw(':');
        write_json(out, member.value());
      }
      out.raw('}');
      return;
    }
    case json::value_t::number_float: {
      const double d = value.get<double>();
      if (!std::isfinite(d)) {
        out.literal("null");
        return;
      }
      char digits[64];
      const char* end = nlohmann::detail::to_chars(digits, digits + sizeof digits, d);
      out.raw(digits, static_cast<std::size_t>(end - digits));
      return;
    }
    case json::value_t::binary: {
      const auto& bytes = value.get_binary();
      out.literal("{\"bytes\":[");
      for (std::size_t k = 0; k < bytes.size(); ++k) {
        if (k > 0) out.raw(',');
        out.integer(static_cast<unsigned>(bytes[k]));
      }
      out.literal("],\"subtype\":");
      if (bytes.has_subtype()) {
        out.integer(static_cast<unsigned>(bytes.subtype()));
      } else {
        out.literal("null");
      }
      out.raw('}');
      return;
    }
    case json::value_t::discarded:
      out.literal("<discarded>");
      return;
  }
}
MEDUSA_BUILT_FOR_SIZE_END

}  // namespace medusa::schema::detail
