// Helpers shared by the test files: fixture paths, file reading, trace parsing.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include <vector>

#include "medusa/json_input.hpp"

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& lines) {
    std::string out = "{";
    for (const auto& l : lines) out += "\n  \"" + l + "\"";
    return (out + "}").c_str();
  }
};
}  // namespace doctest

namespace test_support {

// A fixture that cannot be read means a broken checkout: the run stops there. (No
// exception: the WebAssembly build of the tests has none, like the module.)
inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot open %s\n", path.c_str());
    std::abort();
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string fixture(const std::string& relative) {
  return std::string(MEDUSA_TEST_FIXTURES) + "/" + relative;
}

/// One request/response captured from the real Medusa 2.21.2 server.
struct Trace {
  std::string name;
  std::string method;
  std::string target;
  std::vector<std::pair<std::string, std::string>> request_headers;  ///< as sent (no Host)
  medusa::json request_body;  ///< null when the request had no body
  std::string request_text;   ///< the body exactly as sent
  int status = 0;
  std::string response_body;  ///< raw text (JSON or HTML)
};

inline std::string trim_text(const std::string& s) {
  const auto b = s.find_first_not_of(" \r\n\t");
  const auto e = s.find_last_not_of(" \r\n\t");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

/// Reads tests/fixtures/medusa-v2-traces/<name>; nullopt for a file that is not a
/// single-request trace.
inline std::optional<Trace> read_trace(const std::string& name) {
  const std::string text = read_file(fixture("medusa-v2-traces/" + name));
  Trace t;
  t.name = name;
  const auto req = text.find("=== REQUEST ===\n");
  const auto resp = text.find("=== RESPONSE ===");
  if (req == std::string::npos || resp == std::string::npos) return std::nullopt;
  const std::string request = text.substr(req + 16, resp - req - 16);
  const auto line_end = request.find('\n');
  std::istringstream first(request.substr(0, line_end));
  first >> t.method >> t.target;
  const auto blank = request.find("\n\n");
  std::istringstream header_lines(request.substr(
      line_end + 1, blank == std::string::npos ? std::string::npos : blank - line_end - 1));
  for (std::string line; std::getline(header_lines, line);) {
    const auto colon = line.find(": ");
    if (colon == std::string::npos) continue;
    if (line.substr(0, colon) == "Host") continue;
    t.request_headers.emplace_back(line.substr(0, colon), line.substr(colon + 2));
  }
  if (blank != std::string::npos) {
    const std::string body = trim_text(request.substr(blank + 2));
    if (!body.empty() && body != "(no body)") {
      t.request_text = body;
      // Some requests are deliberately not JSON (error traces): keep those as null.
      t.request_body = medusa::json::parse(body, nullptr, /*allow_exceptions=*/false);
      if (t.request_body.is_discarded()) t.request_body = nullptr;
    }
  }
  // The response may start with an interim "HTTP/1.1 100 Continue" line: skip it.
  std::size_t at = text.find('\n', resp) + 1;
  while (true) {
    const auto status_end = text.find('\n', at);
    const std::string line = text.substr(at, status_end - at);
    if (line.rfind("HTTP/1.1 ", 0) == 0) {
      t.status = std::stoi(line.substr(9, 3));
      if (t.status >= 200) break;
    }
    at = status_end + 1;
  }
  at = text.find("\n\n", at) + 2;
  t.response_body = trim_text(text.substr(at));
  return t;
}

/// Reads a single-request trace that must exist.
inline Trace load_trace(const std::string& name) {
  auto trace = read_trace(name);
  if (!trace) {
    std::fprintf(stderr, "not a trace: %s\n", name.c_str());
    std::abort();
  }
  return std::move(*trace);
}

}  // namespace test_support
