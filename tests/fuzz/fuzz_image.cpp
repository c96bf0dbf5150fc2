// The PNG/JPEG header reader on arbitrary bytes, and the print checks of what it reads.
#include <cstdint>
#include <string_view>

#include "medusa/image/image_info.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto info = medusa::image::read_image_header(bytes);
  if (!info) return 0;
  if (info->width == 0 || info->height == 0) __builtin_trap();  // documented as an error
  if (info->mime != "image/png" && info->mime != "image/jpeg") __builtin_trap();
  static const auto schema = medusa::personalization::Schema::from_json(medusa::json::parse(
      R"({"type":"object","properties":{"photo":{"x-image":{"min_width":800,"min_height":800,
          "print_width_mm":200,"print_height_mm":250,"min_dpi":150,"max_bytes":1000}}}})"));
  (void)medusa::image::check_image(*schema, "photo", *info, size);
  return 0;
}
