// Editing a personalization on a cart line.
//
// The real server merges a line item's metadata SHALLOWLY on update: a key set to ""
// is deleted, `null` sets the whole metadata to null, nested objects are replaced whole,
// and keys not sent are kept. To end with exactly the metadata the customer asked for,
// the update body must name every old key that should disappear.
#pragma once

#include "medusa/error.hpp"
#include "medusa/json_input.hpp"

namespace medusa::personalization {

/// The `metadata` to send in `POST /store/carts/:id/line-items/:line_id` so that a line
/// whose metadata is `current` ends with exactly `desired` (a full replace): every key
/// of `desired`, and "" for every key of `current` that `desired` lacks.
/// Error "personalization.unrepresentable" when `desired` holds a top-level "" value
/// (the server would delete that key instead of storing it).
Result<json> replace_metadata_body(const json& current, const json& desired);

/// What the server stores after merging `update` into `current` (Medusa's shallow
/// merge, as observed on 2.21.2). Lets clients predict the result of an update.
json apply_metadata_update(const json& current, const json& update);

}  // namespace medusa::personalization
