// Reading an image's type and pixel size from its first bytes, so print checks (minimum
// pixels, DPI at the schema's print size) run before a customer's photo is uploaded.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "medusa/error.hpp"
#include "medusa/personalization/schema.hpp"
#include "medusa/schema/validator.hpp"

namespace medusa::image {

struct ImageInfo {
  std::string mime;  ///< "image/png" or "image/jpeg", decided by magic bytes, never by name
  std::uint32_t width = 0;
  std::uint32_t height = 0;
};

/// Reads PNG (IHDR) and JPEG (first SOFn frame header) headers. Errors:
/// "image.unsupported_type" (neither by its magic bytes), "image.truncated",
/// "image.invalid" (a zero size or a broken segment structure).
Result<ImageInfo> read_image_header(std::string_view bytes);

/// The image reference a field value holds: {url, mime, width, height, bytes}.
json image_reference(const ImageInfo& info, std::size_t bytes, const std::string& url);

/// Checks an image against the `x-image` rules of schema property `field` before upload
/// (type, bytes, pixels, DPI at print size). Issues use the paths of a full
/// personalization (e.g. "/photo"). Error "personalization.field" if the schema has no
/// such property.
Result<schema::Report> check_image(const personalization::Schema& schema, const std::string& field,
                                   const ImageInfo& info, std::size_t bytes);

}  // namespace medusa::image
