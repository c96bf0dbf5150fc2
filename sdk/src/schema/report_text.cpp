// Report::to_json_text: the report as compact JSON text, byte for byte what
// to_json().dump() writes (keys sorted, nlohmann's escaping, invalid UTF-8 replaced),
// without building the DOM. This runs after every validation of a form, so the text is
// written into one buffer with plain copies, and strings are scanned eight bytes at a
// time: with a std::string append per piece and a test per byte, writing the report of
// an invalid payload cost more than validating it.
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "medusa/schema/validator.hpp"
#include "text/utf8.hpp"

namespace medusa::schema {
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

class JsonTextWriter {
 public:
  explicit JsonTextWriter(std::size_t capacity) {
    buffer_.resize(std::max<std::size_t>(capacity, 64));
    next_ = buffer_.data();
    end_ = next_ + buffer_.size();
  }

  void raw(const char* text, std::size_t size) {
    reserve(size);
    std::memcpy(next_, text, size);
    next_ += size;
  }
  void raw(char c) {
    reserve(1);
    *next_++ = c;
  }
  template <std::size_t N>
  void literal(const char (&text)[N]) {
    raw(text, N - 1);
  }

  template <class Integer>
  void integer(Integer value) {
    reserve(24);
    next_ = std::to_chars(next_, next_ + 24, value).ptr;
  }

  /// `text` as a JSON string, escaped the way nlohmann's dump escapes it.
  void string(std::string_view text) {
    const std::size_t start = size();
    if (!try_string(text)) {
      // Not valid UTF-8: nlohmann writes it with U+FFFD for the bad bytes.
      next_ = buffer_.data() + start;
      const std::string replaced =
          json(std::string(text)).dump(-1, ' ', false, json::error_handler_t::replace);
      raw(replaced.data(), replaced.size());
    }
  }

  std::string take() {
    buffer_.resize(size());
    return std::move(buffer_);
  }

 private:
  std::size_t size() const { return static_cast<std::size_t>(next_ - buffer_.data()); }

  void reserve(std::size_t more) {
    if (static_cast<std::size_t>(end_ - next_) >= more) return;
    const std::size_t used = size();
    buffer_.resize(std::max(buffer_.size() * 2, used + more));
    next_ = buffer_.data() + used;
    end_ = buffer_.data() + buffer_.size();
  }

  // Writes the string; false on invalid UTF-8 (the caller rewinds).
  bool try_string(std::string_view text) {
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

  std::string buffer_;
  char* next_ = nullptr;
  char* end_ = nullptr;
};

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

}  // namespace

std::string Report::to_json_text() const {
  std::size_t estimate = 64;
  for (const Issue& issue : issues) {
    estimate += 96 + issue.code.size() + issue.instance_path.size() + issue.message.size() +
                issue.schema_path.size() + 64;
  }
  JsonTextWriter out(estimate);
  out.literal("{\"issues\":[");
  for (std::size_t i = 0; i < issues.size(); ++i) {
    const Issue& issue = issues[i];
    if (i) out.raw(',');
    out.literal("{\"code\":");
    out.string(issue.code);
    out.literal(",\"instance_path\":");
    out.string(issue.instance_path);
    out.literal(",\"message\":");
    out.string(issue.message);
    out.literal(",\"params\":");
    write_json(out, issue.params);
    out.literal(",\"schema_path\":");
    out.string(issue.schema_path);
    out.raw('}');
  }
  out.literal("],\"truncated\":");
  if (truncated) {
    out.literal("true");
  } else {
    out.literal("false");
  }
  out.literal(",\"valid\":");
  if (valid()) {
    out.literal("true}");
  } else {
    out.literal("false}");
  }
  return out.take();
}

}  // namespace medusa::schema
