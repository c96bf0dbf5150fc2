#include "schema/json_text.hpp"

#include <cstdint>

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

void JsonTextWriter::string(std::string_view text) {
  const std::size_t start = size();
  if (!try_string(text)) {
    // Not valid UTF-8: nlohmann writes it with U+FFFD for the bad bytes.
    next_ = buffer_.data() + start;
    const std::string replaced =
        json(std::string(text)).dump(-1, ' ', false, json::error_handler_t::replace);
    raw(replaced.data(), replaced.size());
  }
}

bool JsonTextWriter::try_string(std::string_view text) {
  static const char* hex = "0123456789abcdef";
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
        *next_++ = hex[c >> 4];
        *next_++ = hex[c & 15];
    }
  }
  *next_++ = '"';
  return true;
}

// `value` as nlohmann's compact dump writes it. Floating-point numbers go through
// nlohmann's serializer (its shortest round-trip formatting); everything else is
// written here.
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
    default: {
      const std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
      out.raw(text.data(), text.size());
    }
  }
}

}  // namespace medusa::schema::detail
