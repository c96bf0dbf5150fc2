#include "medusa/image/image_info.hpp"

#include "schema/uri.hpp"

namespace medusa::image {
namespace {

std::uint32_t be16(std::string_view b, std::size_t at) {
  return (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) << 8) |
         static_cast<unsigned char>(b[at + 1]);
}
std::uint32_t be32(std::string_view b, std::size_t at) {
  return (be16(b, at) << 16) | be16(b, at + 2);
}

Error truncated() {
  return Error(ErrorKind::invalid_argument, "image.truncated", "the image data ends too early");
}
Error invalid(const std::string& why) {
  return Error(ErrorKind::invalid_argument, "image.invalid", why);
}

Result<ImageInfo> read_png(std::string_view b) {
  // Signature (8) + IHDR length (4) + "IHDR" (4) + width (4) + height (4).
  if (b.size() < 24) return truncated();
  if (b.substr(12, 4) != "IHDR") return invalid("a PNG must start with its IHDR chunk");
  ImageInfo info{"image/png", be32(b, 16), be32(b, 20)};
  if (info.width == 0 || info.height == 0 || info.width > 0x7FFFFFFF || info.height > 0x7FFFFFFF) {
    return invalid("PNG size out of range");
  }
  return info;
}

bool is_sof(unsigned char marker) {
  // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC).
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

Result<ImageInfo> read_jpeg(std::string_view b) {
  std::size_t at = 2;  // after SOI
  while (true) {
    if (at >= b.size()) return truncated();
    if (static_cast<unsigned char>(b[at]) != 0xFF)
      return invalid("JPEG segment does not start with 0xFF");
    while (at < b.size() && static_cast<unsigned char>(b[at]) == 0xFF) ++at;  // fill bytes
    if (at >= b.size()) return truncated();
    const auto marker = static_cast<unsigned char>(b[at++]);
    if (marker == 0xD9 || marker == 0xDA)
      return invalid("JPEG has no frame header before its image data");
    if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) continue;  // no length
    if (at + 2 > b.size()) return truncated();
    const std::uint32_t length = be16(b, at);
    if (length < 2) return invalid("JPEG segment length below 2");
    if (is_sof(marker)) {
      if (at + 7 > b.size()) return truncated();
      ImageInfo info{"image/jpeg", be16(b, at + 5), be16(b, at + 3)};
      if (info.width == 0 || info.height == 0) return invalid("JPEG size is zero");
      return info;
    }
    at += length;  // every iteration advances: the loop ends on any input
  }
}

}  // namespace

Result<ImageInfo> read_image_header(std::string_view bytes) {
  static constexpr char kPng[] = "\x89PNG\r\n\x1a\n";
  if (bytes.size() >= 8 && bytes.substr(0, 8) == std::string_view(kPng, 8)) return read_png(bytes);
  if (bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
      static_cast<unsigned char>(bytes[1]) == 0xD8 &&
      static_cast<unsigned char>(bytes[2]) == 0xFF) {
    return read_jpeg(bytes);
  }
  return Error(ErrorKind::invalid_argument, "image.unsupported_type",
               "only PNG and JPEG images are accepted (checked by content, not by file name)");
}

json image_reference(const ImageInfo& info, std::size_t bytes, const std::string& url) {
  return json{{"url", url},
              {"mime", info.mime},
              {"width", info.width},
              {"height", info.height},
              {"bytes", bytes}};
}

Result<schema::Report> check_image(const personalization::Schema& schema, const std::string& field,
                                   const ImageInfo& info, std::size_t bytes) {
  const json& doc = schema.document();
  if (!doc.is_object() || !doc.contains("properties") || !doc["properties"].contains(field)) {
    return Error(ErrorKind::invalid_argument, "personalization.field",
                 "the schema has no field '" + field + "'");
  }
  // Validate a personalization holding only this image against the whole schema (so
  // $refs resolve) and keep the issues about the image. The URL is a placeholder: the
  // real one exists only after the upload.
  const json values = {{field, image_reference(info, bytes, "pending:upload")}};
  schema::Report all = schema.validate(values);
  schema::Report report;
  const std::string prefix = "/" + schema::uri::escape_token(field);
  for (auto& issue : all.issues) {
    if (issue.instance_path == prefix || issue.instance_path.rfind(prefix + "/", 0) == 0) {
      report.issues.push_back(std::move(issue));
    }
  }
  return report;
}

}  // namespace medusa::image
