// Medusa's rule for "is this the same line item?", as a pure function.
//
// Adding a variant to a cart merges into an existing line of the same variant when
// their metadata are deep-equal: key order ignored, array order and value types
// significant, and a missing, null or empty metadata all equivalent. Observed on a real
// Medusa 2.21.2 server (see tests/fixtures/medusa-v2-traces, traces 110-123, 137-138).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "medusa/json_input.hpp"
#include "medusa/models/cart.hpp"

namespace medusa::personalization {

/// Deep equality of two line-item metadata values under Medusa's rule.
bool metadata_equal(const json& a, const json& b);

/// True when adding (`variant_b`, `metadata_b`) would merge into the line
/// (`variant_a`, `metadata_a`).
bool is_same_line_item(std::string_view variant_a, const json& metadata_a,
                       std::string_view variant_b, const json& metadata_b);

/// The line an add would merge into, or nullptr: among equal lines the oldest
/// (`created_at`, then list order) wins, as on the server. `cart.items` order is not
/// meaningful, so do not rely on it.
const LineItem* find_matching_line_item(const std::vector<LineItem>& items,
                                        std::string_view variant_id, const json& metadata);
/// The same rule on line items as JSON (a response's `cart.items` array, unparsed): the
/// index of the matching line, nullopt when none (or when `items` is not an array).
/// Entries that are not objects, or lack a string `variant_id`, never match.
std::optional<std::size_t> find_matching_line_index(const json& items, std::string_view variant_id,
                                                    const json& metadata);
/// The result points into `items`: a temporary vector would leave it dangling.
const LineItem* find_matching_line_item(std::vector<LineItem>&& items, std::string_view variant_id,
                                        const json& metadata) = delete;

}  // namespace medusa::personalization
