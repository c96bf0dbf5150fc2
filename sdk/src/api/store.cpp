#include "medusa/api/store.hpp"
#include "medusa/api/admin.hpp"

#include <string>

#include "medusa/image/image_info.hpp"

#include "medusa/personalization/line_item_update.hpp"
#include "medusa/personalization/metadata.hpp"
#include "text/hex.hpp"

namespace medusa::api {
namespace {

bool only_modifiers(const std::string& fields) {
  std::size_t start = 0;
  while (start <= fields.size()) {
    auto comma = fields.find(',', start);
    if (comma == std::string::npos) comma = fields.size();
    const auto entry = fields.substr(start, comma - start);
    if (!entry.empty() && entry[0] != '+' && entry[0] != '-' && entry[0] != '*') return false;
    start = comma + 1;
  }
  return true;
}

bool names(const std::string& fields, const std::string& entry) {
  return ("," + fields + ",").find("," + entry + ",") != std::string::npos;
}

}  // namespace

http::Query with_metadata_fields(http::Query query) {
  const auto fields = query.get("fields");
  if (!fields) return query.set("fields", "+metadata,+variants.metadata");
  if (!only_modifiers(*fields)) return query;
  std::string extended = *fields;
  for (const char* wanted : {"+metadata", "+variants.metadata"}) {
    const std::string removed = "-" + std::string(wanted).substr(1);
    if (!names(extended, wanted) && !names(extended, removed))
      extended += std::string(",") + wanted;
  }
  return query.set("fields", extended);
}

Result<json> personalized_line_item_body(const personalization::Schema& schema,
                                         const PersonalizedLineItem& item) {
  if (item.variant_id.empty()) {
    return Error(ErrorKind::invalid_argument, "request.variant_id", "variant_id is required");
  }
  if (item.quantity < 1) {
    return Error(ErrorKind::invalid_argument, "request.quantity", "quantity must be at least 1");
  }
  auto metadata = personalization::build_line_item_metadata(schema, item.personalization);
  if (!metadata) return metadata.error();
  return json{
      {"variant_id", item.variant_id}, {"quantity", item.quantity}, {"metadata", *metadata}};
}

Result<json> personalized_update_body(const personalization::Schema& schema,
                                      const LineItem& current, std::int64_t quantity,
                                      const json& personalization) {
  if (!current.id)
    return Error(ErrorKind::invalid_argument, "request.line_item", "the line item has no id");
  if (quantity < 0)
    return Error(ErrorKind::invalid_argument, "request.quantity", "quantity must not be negative");
  auto desired = personalization::build_line_item_metadata(schema, personalization);
  if (!desired) return desired.error();
  auto metadata =
      personalization::replace_metadata_body(current.metadata.value_or(json()), *desired);
  if (!metadata) return metadata.error();
  return json{{"quantity", quantity}, {"metadata", *metadata}};
}

}  // namespace medusa::api

namespace medusa::api {
namespace {

// Keeps a file name safe inside a Content-Disposition header: no path, no quotes,
// no control characters.
std::string safe_filename(const std::string& name) {
  std::string base =
      name.substr(name.find_last_of("/\\") == std::string::npos ? 0 : name.find_last_of("/\\") + 1);
  std::string out;
  for (unsigned char c : base) {
    if (c < 0x20 || c == 0x7F || c == '"' || c == '\\') continue;
    out += static_cast<char>(c);
  }
  if (out.empty()) out = "image";
  if (out.size() > 100) out = out.substr(out.size() - 100);
  return out;
}

std::string boundary_for(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  for (unsigned char c : bytes) hash = (hash ^ c) * 0x100000001b3ull;
  for (int attempt = 0;; ++attempt) {
    const std::string boundary =
        "medusa-personalize-" + text::hex16(hash) + "-" + std::to_string(attempt);
    if (bytes.find(boundary) == std::string_view::npos) return boundary;
  }
}

}  // namespace

static std::string multipart_part(const std::string& boundary, const char* field,
                           const std::string& filename, const std::string& mime,
                           std::string_view bytes) {
  std::string part = "--" + boundary + "\r\n";
  part += "Content-Disposition: form-data; name=\"" + std::string(field) + "\"; filename=\"" +
          safe_filename(filename) + "\"\r\n";
  part += "Content-Type: " + (mime.empty() ? std::string("application/octet-stream") : mime) +
          "\r\n\r\n";
  part.append(bytes.data(), bytes.size());
  part += "\r\n";
  return part;
}

Result<Call<AdminUploadResponse>> build_admin_upload_call(const Config& config,
                                                          const std::vector<UploadFile>& files,
                                                          const http::Query& query,
                                                          const http::Headers& headers) {
  if (files.empty()) {
    return Error(ErrorKind::invalid_argument, "argument.files", "an upload needs at least one file");
  }
  for (const auto& f : files) {
    if (f.mime.find_first_of("\r\n") != std::string::npos)
      return Error(ErrorKind::invalid_argument, "argument.files", "a MIME type holds a line break");
  }
  auto request = build_request(config, "POST", "/admin/uploads", query, headers, std::nullopt);
  if (!request) return request.error();
  std::string all;
  for (const auto& f : files) all.append(f.bytes.data(), f.bytes.size());
  const std::string boundary = boundary_for(all);
  std::string body;
  body.reserve(all.size() + 256 * files.size());
  for (const auto& f : files) body += multipart_part(boundary, "files", f.filename, f.mime, f.bytes);
  body += "--" + boundary + "--\r\n";
  request->headers.set("content-type", "multipart/form-data; boundary=" + boundary);
  request->body = std::move(body);
  return Call<AdminUploadResponse>{std::move(request).value(), false,
                                   &parse_envelope<AdminUploadResponse>};
}

Result<UploadPlan> plan_upload(const Config& config, const std::string& filename,
                               std::string_view bytes, const http::Headers& headers,
                               std::size_t max_bytes) {
  if (bytes.size() > max_bytes) {
    Error e(ErrorKind::request_too_large, "upload.too_large",
            "image of " + std::to_string(bytes.size()) + " bytes exceeds the upload limit of " +
                std::to_string(max_bytes) + " bytes");
    e.details = json{{"bytes", bytes.size()}, {"limit", max_bytes}};
    return e;
  }
  auto info = image::read_image_header(bytes);
  if (!info) return info.error();
  auto request = build_request(config, "POST", kUploadPath, {}, headers, std::nullopt);
  if (!request) return request.error();
  return UploadPlan{std::move(request).value(), safe_filename(filename), std::move(info).value(),
                    bytes.size()};
}

Result<Call<UploadResponse>> build_upload_call(const Config& config, const std::string& filename,
                                               std::string_view bytes, const http::Headers& headers,
                                               std::size_t max_bytes) {
  auto plan = plan_upload(config, filename, bytes, headers, max_bytes);
  if (!plan) return plan.error();
  http::Request request = std::move(plan->request);
  const std::string boundary = boundary_for(bytes);
  std::string body;
  body.reserve(bytes.size() + 256);
  body += "--" + boundary + "\r\n";
  body += "Content-Disposition: form-data; name=\"file\"; filename=\"" + plan->filename + "\"\r\n";
  body += "Content-Type: " + plan->image.mime + "\r\n\r\n";
  body.append(bytes.data(), bytes.size());
  body += "\r\n--" + boundary + "--\r\n";
  request.headers.set("content-type", "multipart/form-data; boundary=" + boundary);
  request.body = std::move(body);
  return Call<UploadResponse>{std::move(request), false, &parse_envelope<UploadResponse>};
}

}  // namespace medusa::api
