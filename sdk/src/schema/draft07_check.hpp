// The draft-07 meta-schema check, written out as code (internal header).
//
// Compiling the meta-schema and running it over each new schema was the largest part of
// the first compile in a fresh WebAssembly module (about 12 of 40 ms in Node). This walk
// gives the same verdict as validating against draft07_metaschema(); the unit tests
// hold the two to it on generated schemas.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "medusa/json_input.hpp"
#include "schema/graph.hpp"

namespace medusa::schema::detail {

/// One place where a schema breaks the draft-07 meta-schema.
struct MetaschemaProblem {
  std::string path;     ///< JSON Pointer into the schema ("" is the schema itself)
  std::string message;  ///< "must be a non-negative integer"
};

/// The first problem in document order (keys sorted) and how many there are in all.
struct MetaschemaCheck {
  std::optional<MetaschemaProblem> first;
  std::size_t count = 0;
};

/// Checks `schema` against the draft-07 meta-schema, formats (uri, uri-reference,
/// regex) included, and keywords next to `$ref` too, as the meta-schema does. The
/// patterns that compile are added to `patterns`, for the compiler to reuse.
MetaschemaCheck check_draft07(const json& schema, CompiledPatterns& patterns);

}  // namespace medusa::schema::detail
