// The machinery shared by every Medusa wire model.
//
// A model is a struct deriving from Model whose data members carry Medusa's wire names
// and are all std::optional (a `fields=` query can drop any of them). It lists its
// members once, in a static `visit` function; from_json/to_json walk that list.
//
// Round trips are lossless: keys the model does not know, and modelled keys whose value
// is null, are kept in `extra` and written back, so a newer server's fields survive
// parse -> edit -> serialize.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "medusa/error.hpp"
#include "medusa/json_input.hpp"

namespace medusa {

/// Money: decimal major units, exactly as Medusa sends them (25, 27.5, 9.9), not cents.
/// The exact decimal string is in the sibling `raw_*` field, kept in `extra`.
using Amount = double;

/// Base of every model: the JSON members the model does not name (or that were null).
struct Model {
  json extra = json::object();
};

namespace detail {

struct ModelError {
  std::string path;
  std::string message;
};

inline const char* json_kind(const json& j) {
  switch (j.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "boolean";
    case json::value_t::string:
      return "string";
    case json::value_t::array:
      return "array";
    case json::value_t::object:
      return "object";
    default:
      return "number";
  }
}

// The readers below return false at the first value of the wrong type, after recording
// it in `error`; the model is then discarded.
inline bool type_error(const json& j, const char* expected, const std::string& path,
                       ModelError& error) {
  error = ModelError{path, std::string("expected ") + expected + ", got " + json_kind(j)};
  return false;
}

/// The Error a wrong type in a model becomes: Error{invalid_model, "model.type"}.
inline Error model_error(const ModelError& e) {
  return Error{ErrorKind::invalid_model, "model.type",
               e.message + (e.path.empty() ? "" : " at " + e.path), e.path};
}

inline bool read_value(const json& j, std::string& out, const std::string& path,
                       ModelError& error) {
  if (!j.is_string()) return type_error(j, "a string", path, error);
  out = j.get<std::string>();
  return true;
}
inline bool read_value(const json& j, double& out, const std::string& path, ModelError& error) {
  if (!j.is_number()) return type_error(j, "a number", path, error);
  out = j.get<double>();
  return true;
}
inline bool read_value(const json& j, std::int64_t& out, const std::string& path,
                       ModelError& error) {
  if (j.is_number_integer()) {
    out = j.get<std::int64_t>();
    return true;
  }
  if (j.is_number_float()) {
    const double d = j.get<double>();
    if (d == static_cast<double>(static_cast<std::int64_t>(d))) {
      out = static_cast<std::int64_t>(d);
      return true;
    }
  }
  return type_error(j, "an integer", path, error);
}
inline bool read_value(const json& j, bool& out, const std::string& path, ModelError& error) {
  if (!j.is_boolean()) return type_error(j, "a boolean", path, error);
  out = j.get<bool>();
  return true;
}
inline bool read_value(const json& j, json& out, const std::string& /*path*/,
                       ModelError& /*error*/) {
  out = j;
  return true;
}

template <class T>
bool read_value(const json& j, std::vector<T>& out, const std::string& path, ModelError& error);
template <class T, std::enable_if_t<std::is_base_of_v<Model, T>, int> = 0>
bool read_value(const json& j, T& out, const std::string& path, ModelError& error);

template <class T>
bool read_value(const json& j, std::vector<T>& out, const std::string& path, ModelError& error) {
  if (!j.is_array()) return type_error(j, "an array", path, error);
  out.clear();
  out.resize(j.size());
  for (std::size_t i = 0; i < j.size(); ++i) {
    if (!read_value(j[i], out[i], path + "/" + std::to_string(i), error)) return false;
  }
  return true;
}

template <class T, std::enable_if_t<std::is_base_of_v<Model, T>, int>>
bool read_value(const json& j, T& out, const std::string& path, ModelError& error) {
  if (!j.is_object()) return type_error(j, "an object", path, error);
  std::vector<std::string_view> consumed;
  bool ok = true;
  T::visit(out, [&](const char* key, auto& member) {
    if (!ok) return;
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;  // a null stays in `extra`
    member.emplace();
    ok = read_value(*it, *member, path + "/" + key, error);
    consumed.emplace_back(key);
  });
  if (!ok) return false;
  out.extra = json::object();
  for (auto it = j.begin(); it != j.end(); ++it) {
    bool known = false;
    for (auto k : consumed) known = known || k == it.key();
    if (!known) out.extra[it.key()] = it.value();
  }
  return true;
}

// Type checks a model's JSON in place, without building the model: the same first error
// as read_value, and integers written as floats (2.0) made integers, as the model's
// round trip would write them. The last argument, a null pointer of the member's type,
// picks the overload.
inline bool check_value(json& j, const std::string& path, ModelError& error, std::string*) {
  return j.is_string() || type_error(j, "a string", path, error);
}
inline bool check_value(json& j, const std::string& path, ModelError& error, double*) {
  return j.is_number() || type_error(j, "a number", path, error);
}
inline bool check_value(json& j, const std::string& path, ModelError& error, std::int64_t*) {
  std::int64_t value = 0;
  if (!read_value(j, value, path, error)) return false;
  if (!j.is_number_integer()) j = value;
  return true;
}
inline bool check_value(json& j, const std::string& path, ModelError& error, bool*) {
  return j.is_boolean() || type_error(j, "a boolean", path, error);
}
inline bool check_value(json&, const std::string&, ModelError&, json*) {
  return true;
}
template <class T, std::enable_if_t<std::is_base_of_v<Model, T>, int> = 0>
bool check_value(json& j, const std::string& path, ModelError& error, T*);
template <class T>
bool check_value(json& j, const std::string& path, ModelError& error, std::vector<T>*) {
  if (!j.is_array()) return type_error(j, "an array", path, error);
  for (std::size_t i = 0; i < j.size(); ++i) {
    if (!check_value(j[i], path + "/" + std::to_string(i), error, static_cast<T*>(nullptr)))
      return false;
  }
  return true;
}
template <class T, std::enable_if_t<std::is_base_of_v<Model, T>, int>>
bool check_value(json& j, const std::string& path, ModelError& error, T*) {
  if (!j.is_object()) return type_error(j, "an object", path, error);
  static const T members;  // visit() needs an instance; only its members' types are used
  bool ok = true;
  T::visit(members, [&](const char* key, const auto& member) {
    using Member = typename std::decay_t<decltype(member)>::value_type;
    if (!ok) return;
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    ok = check_value(*it, path + "/" + key, error, static_cast<Member*>(nullptr));
  });
  return ok;
}

inline json write_value(const std::string& v) {
  return v;
}
inline json write_value(double v) {
  return v;
}
inline json write_value(std::int64_t v) {
  return v;
}
inline json write_value(bool v) {
  return v;
}
inline json write_value(const json& v) {
  return v;
}
template <class T, std::enable_if_t<std::is_base_of_v<Model, T>, int> = 0>
json write_value(const T& m);
template <class T>
json write_value(const std::vector<T>& v) {
  json out = json::array();
  for (const auto& e : v) out.push_back(write_value(e));
  return out;
}
template <class T, std::enable_if_t<std::is_base_of_v<Model, T>, int>>
json write_value(const T& m) {
  json out = m.extra.is_object() ? m.extra : json::object();
  T::visit(m, [&](const char* key, const auto& member) {
    if (member) out[key] = write_value(*member);
  });
  return out;
}

}  // namespace detail

/// Reads a model from JSON. Missing fields stay empty; a present field of the wrong
/// type is an Error{invalid_model, "model.type"} whose `path` points at it.
template <class T>
Result<T> from_json(const json& j) {
  static_assert(std::is_base_of_v<Model, T>, "T must be a medusa model");
  T out;
  detail::ModelError e;
  if (!detail::read_value(j, out, "", e)) return detail::model_error(e);
  return out;
}

/// `j` checked against model T without building the model: the same error as
/// from_json<T>(j), and on success the text from_json<T>(j) would write back (integers
/// written as floats become integers; a `double` member keeps the number as written).
/// For bodies that are only passed through: the named calls read theirs from JSON.
template <class T>
Result<json> checked_json(json j) {
  static_assert(std::is_base_of_v<Model, T>, "T must be a medusa model");
  detail::ModelError e;
  if (!detail::check_value(j, "", e, static_cast<T*>(nullptr))) return detail::model_error(e);
  return j;
}

/// Writes a model back to JSON, including everything kept in `extra`.
template <class T>
json to_json(const T& model) {
  static_assert(std::is_base_of_v<Model, T>, "T must be a medusa model");
  return detail::write_value(model);
}

/// Parses JSON text (with limits) and reads a model from it.
template <class T>
Result<T> parse_model(std::string_view text, const JsonLimits& limits = {}) {
  auto j = parse_json(text, limits);
  if (!j) return j.error();
  return from_json<T>(*j);
}

}  // namespace medusa
