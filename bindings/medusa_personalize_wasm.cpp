// Embind registrations of the WebAssembly module: translation only.
//
// Every function takes and returns plain strings and numbers; JSON crosses the
// boundary as text because the engine's JSON.parse/JSON.stringify are far faster than
// building JS objects from C++ one property at a time. Conventions (web/src/core.js
// relies on them):
//   - a result that starts with '!' is an Error as JSON: {kind, code, message, path, details}
//   - planCall returns "<request head JSON>\n<body text>"
//   - byte arguments (images, response bodies) are pointers into the module's heap,
//     allocated and freed by the caller with _malloc/_free
//   - compiled schemas live in a table here, addressed by a positive integer id, until
//     releaseSchema(id)
// Built without C++ exceptions: every failure is a Result, and nothing can unwind
// through the boundary.
#include <emscripten/bind.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "medusa/api/call.hpp"
#include "medusa/api/exchange.hpp"
#include "medusa/api/line_item_add.hpp"
#include "medusa/api/named_calls.hpp"
#include "medusa/api/store.hpp"
#include "medusa/image/image_info.hpp"
#include "medusa/json_output.hpp"
#include "medusa/personalization/metadata.hpp"
#include "medusa/personalization/summary.hpp"

// The functions of this file run once per call: they are built for size (clang's
// `minsize` on each function; the file is -Os). The templates it instantiates that the validator
// also uses keep the validator's faster copies because this object is linked after the core's
// (bindings/CMakeLists.txt, bench/README.md).
#pragma clang attribute push(__attribute__((minsize)), apply_to = function)
namespace {

using medusa::Error;
using medusa::json;
using medusa::personalization::Schema;

json error_json(const Error& e) {
  return json{{"kind", medusa::to_string(e.kind)},
              {"code", e.code},
              {"message", e.message},
              {"path", e.path},
              {"details", e.details}};
}

std::string error_text(const Error& e) {
  return "!" + medusa::to_json_text(error_json(e));
}

std::string dump(const json& value) {
  return medusa::to_json_text(value);
}

std::string_view heap_bytes(std::uintptr_t pointer, std::size_t length) {
  return {reinterpret_cast<const char*>(pointer), length};
}

// Compiled schemas by id. Ids are never reused, so a stale id fails cleanly.
class SchemaTable {
 public:
  std::uint32_t add(Schema schema) {
    const std::uint32_t id = next_++;
    schemas_.emplace(id, std::make_unique<Schema>(std::move(schema)));
    return id;
  }
  const Schema* find(std::uint32_t id) const {
    auto it = schemas_.find(id);
    return it == schemas_.end() ? nullptr : it->second.get();
  }
  bool release(std::uint32_t id) { return schemas_.erase(id) > 0; }
  std::size_t size() const { return schemas_.size(); }

 private:
  std::map<std::uint32_t, std::unique_ptr<Schema>> schemas_;
  std::uint32_t next_ = 1;
};

SchemaTable& schemas() {
  static SchemaTable table;
  return table;
}

Error unknown_schema(std::uint32_t id) {
  return Error(medusa::ErrorKind::invalid_argument, "personalization.schema_released",
               "schema " + std::to_string(id) + " was released or never compiled");
}

// `order`: records the order of object members (a schema's fields follow its text).
medusa::Result<json> parse_input(const std::string& text, const char* what,
                                 medusa::JsonKeyOrder* order = nullptr) {
  auto value = medusa::parse_json(text, medusa::JsonLimits{}, order);
  if (!value) {
    Error e = value.error();
    e.message = std::string(what) + ": " + e.message;
    return e;
  }
  return value;
}

// Compiling returns only the new schema's id: its fingerprint, document and form fields
// are written out when JavaScript first reads them (schemaDescription). Writing them at
// once was 10% of a page's first compilation, most of it code nothing else had run yet.
std::string compileSchema(const std::string& document_json) {
  medusa::JsonKeyOrder order;
  auto document = parse_input(document_json, "schema", &order);
  if (!document) return error_text(document.error());
  auto schema = Schema::from_json(*document, &order);
  if (!schema) return error_text(schema.error());
  return std::to_string(schemas().add(std::move(schema).value()));
}

std::string schemaForProduct(const std::string& product_json, const std::string& variant_id) {
  medusa::JsonKeyOrder order;
  auto document = parse_input(product_json, "product", &order);
  if (!document) return error_text(document.error());
  auto schema = Schema::for_product(*document, variant_id, &order);
  // Unknown is an answer here, not a failure: JavaScript gets undefined.
  if (!schema && schema.error().code == "personalization.schema_unknown") return "\"unknown\"";
  if (!schema) return error_text(schema.error());
  if (!*schema) return std::string("null");
  return std::to_string(schemas().add(std::move(**schema)));
}

// {fingerprint, document, fields} of a compiled schema.
std::string schemaDescription(std::uint32_t id) {
  const Schema* schema = schemas().find(id);
  if (!schema) return error_text(unknown_schema(id));
  json fields = json::array();
  for (const auto& f : schema->fields()) fields.push_back(f.to_json());
  return dump(json{{"fingerprint", schema->fingerprint()},
                   {"document", schema->document()},
                   {"fields", std::move(fields)}});
}

bool releaseSchema(std::uint32_t id) {
  return schemas().release(id);
}

std::size_t liveSchemas() {
  return schemas().size();
}

// Runs body(schema, value) for a compiled schema and a JSON argument, or returns the
// error of a released schema or of text that is not JSON.
template <class F>
std::string with_schema(std::uint32_t id, const std::string& text, const char* what, F&& body) {
  const Schema* schema = schemas().find(id);
  if (!schema) return error_text(unknown_schema(id));
  auto value = parse_input(text, what);
  if (!value) return error_text(value.error());
  return body(*schema, *value);
}

// `plain`: JSON Schema validation of any value as it is; otherwise the verdict on form
// values that buildMetadata gives (normalized, reserved keys refused).
std::string validate(std::uint32_t id, const std::string& values_json, bool plain) {
  return with_schema(id, values_json, "values", [plain](const Schema& schema, json& values) {
    return plain ? schema.compiled().validate_text(values)
                 : medusa::personalization::validate_values_text(schema, std::move(values));
  });
}

// The hot path (every keystroke of a form) moves its text through memory instead of
// Embind strings: Embind 3.1.6 converts a std::string argument or result with a
// JavaScript loop over its characters, while TextEncoder.encodeInto and TextDecoder
// copy in one native call each (together 15-20% of a validation). The caller writes the
// values' UTF-8 at `text`; the call returns the address of {data, size} of the report
// text (two 32-bit words), valid until the next call.
struct InPlaceResult {
  std::string text;
  std::uint32_t view[2] = {0, 0};
};

InPlaceResult& in_place_result() {
  static InPlaceResult result;
  return result;
}

std::uintptr_t validateInPlace(std::uint32_t id, std::uintptr_t text, std::size_t size,
                               bool plain) {
  InPlaceResult& result = in_place_result();
  result.text = validate(id, std::string(reinterpret_cast<const char*>(text), size), plain);
  result.view[0] = static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(result.text.data()));
  result.view[1] = static_cast<std::uint32_t>(result.text.size());
  return reinterpret_cast<std::uintptr_t>(result.view);
}

std::string normalize(std::uint32_t id, const std::string& values_json) {
  return with_schema(id, values_json, "values", [](const Schema& schema, json& values) {
    return dump(medusa::personalization::normalize_values(schema, std::move(values)));
  });
}

// {length, min, max, unit} of a text field's value, counted as the schema limits it.
std::string fieldLength(std::uint32_t id, const std::string& field, const std::string& value) {
  const Schema* schema = schemas().find(id);
  if (!schema) return error_text(unknown_schema(id));
  return dump(medusa::personalization::field_length(*schema, field, value).to_json());
}

std::string buildMetadata(std::uint32_t id, const std::string& values_json, bool stamp) {
  return with_schema(id, values_json, "values", [&](const Schema& schema, const json& values) {
    medusa::personalization::BuildOptions options;
    options.stamp = stamp;
    auto metadata = medusa::personalization::build_line_item_metadata(schema, values, options);
    return metadata ? dump(*metadata) : error_text(metadata.error());
  });
}

std::string validateLineItemMetadata(std::uint32_t id, const std::string& metadata_json) {
  return with_schema(id, metadata_json, "metadata", [](const Schema& schema, const json& metadata) {
    return medusa::personalization::validate_line_item_metadata(schema, metadata).to_json_text();
  });
}

std::string describe(const std::string& item_json, std::uint32_t schema_id) {
  auto item = parse_input(item_json, "item");
  if (!item) return error_text(item.error());
  const Schema* schema = schema_id ? schemas().find(schema_id) : nullptr;
  if (schema_id && !schema) return error_text(unknown_schema(schema_id));
  return dump(medusa::personalization::describe_line_item(*item, schema).to_json());
}

json image_json(const medusa::image::ImageInfo& info, std::size_t bytes) {
  return json{
      {"mime", info.mime}, {"width", info.width}, {"height", info.height}, {"bytes", bytes}};
}

std::string readImage(std::uintptr_t pointer, std::size_t length) {
  auto info = medusa::image::read_image_header(heap_bytes(pointer, length));
  if (!info) return error_text(info.error());
  return dump(image_json(*info, length));
}

std::string checkImage(std::uint32_t id, const std::string& field, std::uintptr_t pointer,
                       std::size_t length) {
  const Schema* schema = schemas().find(id);
  if (!schema) return error_text(unknown_schema(id));
  auto info = medusa::image::read_image_header(heap_bytes(pointer, length));
  if (!info) return error_text(info.error());
  auto report = medusa::image::check_image(*schema, field, *info, length);
  if (!report) return error_text(report.error());
  return dump(json{{"image", image_json(*info, length)}, {"report", report->to_json()}});
}

// The transport configuration, parsed once per distinct text (clients rarely change it).
// The retry policy of the last configuration read (its `retry` member).
medusa::api::RetryPolicy& retry_policy() {
  static medusa::api::RetryPolicy policy;
  return policy;
}

medusa::Result<medusa::api::Config> read_config(const std::string& text) {
  static std::string last_text;
  static medusa::api::Config last;
  if (!last_text.empty() && text == last_text) return last;
  auto j = parse_input(text, "config");
  if (!j) return j.error();
  if (!j->is_object())
    return Error(medusa::ErrorKind::invalid_argument, "config.type", "config must be an object");
  medusa::api::Config c;
  auto text_of = [&](const char* key) -> std::optional<std::string> {
    auto it = j->find(key);
    if (it == j->end() || !it->is_string() || it->get_ref<const std::string&>().empty())
      return std::nullopt;
    return it->get<std::string>();
  };
  c.base_url = text_of("baseUrl").value_or("");
  c.publishable_key = text_of("publishableKey");
  c.api_key = text_of("apiKey");
  c.token = text_of("token");
  if (auto h = j->find("globalHeaders"); h != j->end() && h->is_object()) {
    for (const auto& [name, value] : h->items())
      if (value.is_string()) c.global_headers.set(name, value.get<std::string>());
  }
  if (auto m = j->find("maxBodyBytes"); m != j->end() && m->is_number_unsigned())
    c.max_body_bytes = m->get<std::size_t>();
  medusa::api::RetryPolicy policy;
  if (auto r = j->find("retry"); r != j->end() && r->is_object()) {
    policy.max_attempts = r->value("maxAttempts", policy.max_attempts);
    policy.initial_backoff_ms = r->value("initialBackoffMs", policy.initial_backoff_ms);
    policy.multiplier = r->value("multiplier", policy.multiplier);
    policy.max_backoff_ms = r->value("maxBackoffMs", policy.max_backoff_ms);
    policy.verify_line_item_adds = r->value("verifyLineItemAdds", policy.verify_line_item_adds);
  }
  retry_policy() = policy;
  last_text = text;
  last = c;
  return c;
}

json headers_json(const medusa::http::Headers& headers) {
  json out = json::object();
  for (const auto& [name, value] : headers.fields()) out[name] = value;
  return out;
}

// Extra headers from a JSON object of strings (other values are ignored).
medusa::Result<medusa::http::Headers> read_headers(const std::string& text) {
  auto extra = parse_input(text, "headers");
  if (!extra) return extra.error();
  medusa::http::Headers headers;
  if (extra->is_object()) {
    for (const auto& [k, v] : extra->items())
      if (v.is_string()) headers.set(k, v.get<std::string>());
  }
  return headers;
}

// Calls in flight: each one's retry state machine, driven from JavaScript step by step.
// An exchange is forgotten at its last step, or by exchangeDrop (an aborted call).
std::map<std::uint32_t, medusa::api::Exchange>& exchanges() {
  static std::map<std::uint32_t, medusa::api::Exchange> live;
  return live;
}

json request_json(const medusa::http::Request& r) {
  return json{{"method", r.method}, {"url", r.url}, {"headers", headers_json(r.headers)}};
}

// {do, attempt?, delayMs?, request?, log?, error?} of a step; the exchange is forgotten
// once the step ends the call.
json step_json(std::uint32_t id, const medusa::api::ExchangeStep& step) {
  using Action = medusa::api::ExchangeStep::Action;
  json out{{"do", medusa::api::to_string(step.action)}};
  switch (step.action) {
    case Action::send:
    case Action::read_cart:
      out["attempt"] = step.attempt;
      out["request"] = request_json(step.request);
      out["log"] = medusa::api::describe_request(step.request);
      return out;
    case Action::wait:
      out["delayMs"] = step.delay_ms;
      return out;
    case Action::fail:
      out["error"] = error_json(*step.error);
      break;
    default:
      break;
  }
  exchanges().erase(id);
  return out;
}

std::string step_text(std::uint32_t id, const medusa::api::ExchangeStep& step) {
  return dump(step_json(id, step));
}

// "<head JSON>\n<body>": the body crosses as it is, never re-encoded. The head carries
// the call's exchange id, its first step, and for a line-item add the cart it targets.
std::string request_text(const medusa::http::Request& r, bool idempotent, bool key_support,
                         const std::string& key, bool empty_answer = false) {
  static std::uint32_t next_id = 0;
  const std::uint32_t id = ++next_id;
  medusa::api::ExchangeContext context;
  context.key_support = key_support;
  context.idempotency_key = key;
  auto [slot, inserted] =
      exchanges().emplace(id, medusa::api::Exchange(r, idempotent, retry_policy(), context));
  (void)inserted;
  medusa::api::Exchange& exchange = slot->second;
  json head{{"exchange", id},
            {"cartId", exchange.cart_id()},
            {"method", r.method},
            {"url", r.url},
            {"hasBody", r.body.has_value()}};
  if (empty_answer) head["emptyAnswer"] = true;  // a 2xx answer carries nothing to read
  head["step"] = step_json(id, exchange.start());
  return dump(head) + "\n" + r.body.value_or("");
}

medusa::api::Exchange* exchange_of(std::uint32_t id) {
  auto it = exchanges().find(id);
  return it == exchanges().end() ? nullptr : &it->second;
}

std::string no_exchange(std::uint32_t id) {
  return error_text(Error(medusa::ErrorKind::invalid_argument, "exchange.unknown",
                          "no call in flight with id " + std::to_string(id)));
}

std::string exchangeResponse(std::uint32_t id, int status, const std::string& retry_after) {
  auto* e = exchange_of(id);
  return e ? step_text(id, e->on_response(status, retry_after)) : no_exchange(id);
}

std::string exchangeTransportError(std::uint32_t id, bool sent) {
  auto* e = exchange_of(id);
  return e ? step_text(id, e->on_transport_error(sent)) : no_exchange(id);
}

std::string exchangeResumed(std::uint32_t id) {
  auto* e = exchange_of(id);
  return e ? step_text(id, e->resumed()) : no_exchange(id);
}

// The cart read's answer (bytes in the heap), and the cart the client knew before the
// call (known_length 0 with known_pointer 0: none).
std::string exchangeCartRead(std::uint32_t id, int status, std::uintptr_t pointer,
                             std::size_t length, std::uintptr_t known_pointer,
                             std::size_t known_length) {
  auto* e = exchange_of(id);
  if (!e) return no_exchange(id);
  const std::string body(heap_bytes(pointer, length));
  const std::string known(known_pointer ? heap_bytes(known_pointer, known_length) : "");
  return step_text(id, e->on_cart_read(status, body, known_pointer ? &known : nullptr));
}

std::string exchangeCartReadFailed(std::uint32_t id) {
  auto* e = exchange_of(id);
  return e ? step_text(id, e->on_cart_read_failed()) : no_exchange(id);
}

void exchangeDrop(std::uint32_t id) {
  exchanges().erase(id);
}

std::size_t liveExchanges() {
  return exchanges().size();
}

std::string planCall(const std::string& config_json, const std::string& name,
                     const std::string& args_json, std::uint32_t schema_id, bool key_support,
                     const std::string& key) {
  auto config = read_config(config_json);
  if (!config) return error_text(config.error());
  auto args = parse_input(args_json, "arguments");
  if (!args) return error_text(args.error());
  const Schema* schema = schema_id ? schemas().find(schema_id) : nullptr;
  if (schema_id && !schema) return error_text(unknown_schema(schema_id));
  auto planned = medusa::api::plan_call(*config, name, *args, schema);
  if (!planned) return error_text(planned.error());
  return request_text(planned->request, planned->idempotent, key_support, key,
                      planned->envelope.shape == medusa::api::Envelope::Shape::empty);
}

// A request to any path (the JS SDK's client.fetch for custom routes): same headers,
// auth and body limit as the named calls. `body_json` empty means no body.
std::string planRequest(const std::string& config_json, const std::string& method,
                        const std::string& path, const std::string& query_json,
                        const std::string& headers_json_text, const std::string& body_json,
                        bool key_support, const std::string& key) {
  auto config = read_config(config_json);
  if (!config) return error_text(config.error());
  auto query = parse_input(query_json, "query");
  if (!query) return error_text(query.error());
  auto headers = read_headers(headers_json_text);
  if (!headers) return error_text(headers.error());
  std::optional<json> body;
  if (!body_json.empty()) {
    auto parsed = parse_input(body_json, "body");
    if (!parsed) return error_text(parsed.error());
    body = std::move(parsed).value();
  }
  std::string target = path.empty() || path[0] != '/' ? "/" + path : path;
  auto request = medusa::api::build_request(*config, method, target,
                                            medusa::http::Query::from_json(*query), *headers, body);
  if (!request) return error_text(request.error());
  return request_text(*request, method == "GET" || method == "HEAD", key_support, key);
}

std::string planUpload(const std::string& config_json, const std::string& filename,
                       std::uintptr_t pointer, std::size_t length,
                       const std::string& headers_json_text, double max_bytes) {
  auto config = read_config(config_json);
  if (!config) return error_text(config.error());
  auto headers = read_headers(headers_json_text);
  if (!headers) return error_text(headers.error());
  const std::size_t limit =
      max_bytes > 0 ? static_cast<std::size_t>(max_bytes) : medusa::api::kDefaultMaxUploadBytes;
  auto plan =
      medusa::api::plan_upload(*config, filename, heap_bytes(pointer, length), *headers, limit);
  if (!plan) return error_text(plan.error());
  return dump(json{{"method", plan->request.method},
                   {"url", plan->request.url},
                   {"headers", headers_json(plan->request.headers)},
                   {"field", "file"},
                   {"filename", plan->filename},
                   {"image", image_json(plan->image, plan->bytes)}});
}

// The envelope a response of call `name` must have (uploads and client.fetch included).
medusa::Result<medusa::api::Envelope> envelope_for(const std::string& name) {
  using medusa::api::Envelope;
  if (name == "store.personalization.uploadImage") return Envelope{Envelope::Shape::key, "file"};
  if (name == "admin.upload.create") return Envelope{Envelope::Shape::list, "files"};
  if (name == "client.fetch") return Envelope{Envelope::Shape::any, ""};
  if (auto envelope = medusa::api::envelope_of(name)) return *envelope;
  return Error(medusa::ErrorKind::invalid_argument, "argument.call", "unknown call '" + name + "'");
}

// The error a response with a status outside 2xx stands for, read by the core from
// Medusa's error body ({type, message, code}, and the issue list of a rejected
// personalization). 2xx bodies never come here: JavaScript parses them and the core
// checks their top level (checkOutline).
std::string responseError(int status, std::uintptr_t pointer, std::size_t length) {
  return error_text(medusa::api::http_error(
      medusa::http::Response{status, {}, std::string(heap_bytes(pointer, length))}));
}

// "" when the top level of a 2xx body that JavaScript has parsed fits call `name`. The
// outline is text: the root's kind on the first line, then one line per root member,
// "kind<TAB>key as JSON-escaped<TAB>raw JSON of a scalar". Tabs and newlines cannot occur
// unescaped in either, so no parser is needed.
std::string checkOutline(const std::string& name, const std::string& outline_text) {
  auto envelope = envelope_for(name);
  if (!envelope) return error_text(envelope.error());
  static const std::pair<std::string_view, medusa::JsonKind> kinds[] = {
      {"null", medusa::JsonKind::null},     {"boolean", medusa::JsonKind::boolean},
      {"number", medusa::JsonKind::number}, {"string", medusa::JsonKind::string},
      {"array", medusa::JsonKind::array},   {"object", medusa::JsonKind::object}};
  auto kind_of = [&](std::string_view text) {
    for (const auto& [word, kind] : kinds)
      if (word == text) return kind;
    return medusa::JsonKind::null;
  };
  std::string_view rest = outline_text;
  auto next_line = [&] {
    const auto end = rest.find('\n');
    const auto line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    return line;
  };
  medusa::JsonOutline outline;
  outline.kind = kind_of(next_line());
  while (!rest.empty()) {
    const auto line = next_line();
    const auto tab1 = line.find('\t');
    const auto tab2 = line.find('\t', tab1 == std::string_view::npos ? tab1 : tab1 + 1);
    if (tab1 == std::string_view::npos || tab2 == std::string_view::npos) continue;
    outline.members.push_back(medusa::JsonMember{line.substr(tab1 + 1, tab2 - tab1 - 1),
                                                 kind_of(line.substr(0, tab1)),
                                                 line.substr(tab2 + 1)});
  }
  auto fits = medusa::api::check_envelope(*envelope, outline);
  if (!fits) return error_text(fits.error());
  return std::string();
}

// The response limits JavaScript applies itself when it parses a body: {max_bytes, max_depth}.
std::string responseLimits() {
  const medusa::JsonLimits limits;
  return dump(json{{"max_bytes", limits.max_bytes}, {"max_depth", limits.max_depth}});
}

std::string callNames() {
  json out = json::array();
  for (auto name : medusa::api::call_names()) out.push_back(std::string(name));
  return dump(out);
}

}  // namespace
#pragma clang attribute pop

EMSCRIPTEN_BINDINGS(medusa_personalize) {
  using emscripten::function;
  function("compileSchema", &compileSchema);
  function("schemaForProduct", &schemaForProduct);
  function("schemaDescription", &schemaDescription);
  function("releaseSchema", &releaseSchema);
  function("liveSchemas", &liveSchemas);
  function("validateInPlace", &validateInPlace);
  function("normalize", &normalize);
  function("buildMetadata", &buildMetadata);
  function("fieldLength", &fieldLength);
  function("validateLineItemMetadata", &validateLineItemMetadata);
  function("describe", &describe);
  function("readImage", &readImage);
  function("checkImage", &checkImage);
  function("planCall", &planCall);
  function("planRequest", &planRequest);
  function("planUpload", &planUpload);
  function("responseError", &responseError);
  function("checkOutline", &checkOutline);
  function("responseLimits", &responseLimits);
  function("exchangeResponse", &exchangeResponse);
  function("exchangeTransportError", &exchangeTransportError);
  function("exchangeResumed", &exchangeResumed);
  function("exchangeCartRead", &exchangeCartRead);
  function("exchangeCartReadFailed", &exchangeCartReadFailed);
  function("exchangeDrop", &exchangeDrop);
  function("liveExchanges", &liveExchanges);
  function("callNames", &callNames);
}
