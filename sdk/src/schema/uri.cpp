#include "schema/uri.hpp"

#include <cctype>

#include "text/hex.hpp"

namespace medusa::schema::uri {
namespace {

struct Parts {
  std::string scheme;
  bool has_authority = false;
  std::string authority;
  std::string path;
  bool has_query = false;
  std::string query;
  bool has_fragment = false;
  std::string fragment;
};

Parts parse(const std::string& s) {
  Parts p;
  std::size_t i = 0;
  // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
  const auto colon = s.find(':');
  if (colon != std::string::npos && colon > 0 && std::isalpha(static_cast<unsigned char>(s[0]))) {
    bool ok = true;
    for (std::size_t k = 0; k < colon; ++k) {
      const char c = s[k];
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')) {
        ok = false;
        break;
      }
    }
    if (ok) {
      p.scheme = s.substr(0, colon);
      i = colon + 1;
    }
  }
  if (s.compare(i, 2, "//") == 0) {
    p.has_authority = true;
    const auto end = s.find_first_of("/?#", i + 2);
    p.authority = s.substr(i + 2, end == std::string::npos ? std::string::npos : end - i - 2);
    i = end == std::string::npos ? s.size() : end;
  }
  const auto path_end = s.find_first_of("?#", i);
  p.path = s.substr(i, path_end == std::string::npos ? std::string::npos : path_end - i);
  i = path_end == std::string::npos ? s.size() : path_end;
  if (i < s.size() && s[i] == '?') {
    p.has_query = true;
    const auto end = s.find('#', i);
    p.query = s.substr(i + 1, end == std::string::npos ? std::string::npos : end - i - 1);
    i = end == std::string::npos ? s.size() : end;
  }
  if (i < s.size() && s[i] == '#') {
    p.has_fragment = true;
    p.fragment = s.substr(i + 1);
  }
  return p;
}

std::string remove_dot_segments(const std::string& in) {
  std::string input = in;
  std::string out;
  while (!input.empty()) {
    if (input.compare(0, 3, "../") == 0) {
      input.erase(0, 3);
    } else if (input.compare(0, 2, "./") == 0) {
      input.erase(0, 2);
    } else if (input.compare(0, 3, "/./") == 0) {
      input.replace(0, 3, "/");
    } else if (input == "/.") {
      input = "/";
    } else if (input.compare(0, 4, "/../") == 0 || input == "/..") {
      input = input.size() == 3 ? std::string("/") : input.substr(3);
      const auto slash = out.rfind('/');
      out.erase(slash == std::string::npos ? 0 : slash);
    } else if (input == "." || input == "..") {
      input.clear();
    } else {
      const auto next = input.find('/', input[0] == '/' ? 1 : 0);
      out += input.substr(0, next);
      input.erase(0, next == std::string::npos ? input.size() : next);
    }
  }
  return out;
}

std::string merge(const Parts& base, const std::string& ref_path) {
  if (base.has_authority && base.path.empty()) return "/" + ref_path;
  const auto slash = base.path.rfind('/');
  if (slash == std::string::npos) return ref_path;
  return base.path.substr(0, slash + 1) + ref_path;
}

std::string recompose(const Parts& p) {
  std::string out;
  if (!p.scheme.empty()) out += p.scheme + ":";
  if (p.has_authority) out += "//" + p.authority;
  out += p.path;
  if (p.has_query) out += "?" + p.query;
  if (p.has_fragment) out += "#" + p.fragment;
  return out;
}

}  // namespace

std::string resolve(const std::string& base, const std::string& reference) {
  const Parts r = parse(reference);
  const Parts b = parse(base);
  Parts t;
  if (!r.scheme.empty()) {
    t = r;
    t.path = remove_dot_segments(r.path);
  } else {
    if (r.has_authority) {
      t.has_authority = true;
      t.authority = r.authority;
      t.path = remove_dot_segments(r.path);
      t.has_query = r.has_query;
      t.query = r.query;
    } else {
      if (r.path.empty()) {
        t.path = b.path;
        t.has_query = r.has_query || b.has_query;
        t.query = r.has_query ? r.query : b.query;
      } else {
        t.path =
            r.path[0] == '/' ? remove_dot_segments(r.path) : remove_dot_segments(merge(b, r.path));
        t.has_query = r.has_query;
        t.query = r.query;
      }
      t.has_authority = b.has_authority;
      t.authority = b.authority;
    }
    t.scheme = b.scheme;
  }
  t.has_fragment = r.has_fragment;
  t.fragment = r.fragment;
  return recompose(t);
}

std::pair<std::string, std::string> split_fragment(const std::string& uri) {
  const auto hash = uri.find('#');
  if (hash == std::string::npos) return {uri, ""};
  return {uri.substr(0, hash), uri.substr(hash + 1)};
}

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  using text::hex_value;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::optional<std::vector<std::string>> parse_pointer(std::string_view pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty()) return tokens;
  if (pointer[0] != '/') return std::nullopt;
  std::size_t i = 1;
  while (true) {
    std::string token;
    while (i < pointer.size() && pointer[i] != '/') {
      if (pointer[i] == '~') {
        if (i + 1 >= pointer.size()) return std::nullopt;
        if (pointer[i + 1] == '0') {
          token += '~';
        } else if (pointer[i + 1] == '1') {
          token += '/';
        } else {
          return std::nullopt;
        }
        i += 2;
      } else {
        token += pointer[i++];
      }
    }
    tokens.push_back(std::move(token));
    if (i >= pointer.size()) break;
    ++i;  // skip '/'
  }
  return tokens;
}

std::string escape_token(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace medusa::schema::uri
