// Shared by the regex test files: a pattern's verdict on a text, and a pattern's error.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "medusa/regex.hpp"

/// Whether `pattern` (which must compile) matches somewhere in `text`.
inline bool matches(const std::string& pattern, const std::string& text) {
  auto r = medusa::Regex::compile(pattern);
  REQUIRE_MESSAGE(r.ok(), pattern, ": ", (r.ok() ? "" : r.error().describe()));
  return r->search(text);
}

/// "ok", or the error code compiling `pattern` gives.
inline std::string error_code(const std::string& pattern) {
  auto r = medusa::Regex::compile(pattern);
  return r.ok() ? "ok" : r.error().code;
}
