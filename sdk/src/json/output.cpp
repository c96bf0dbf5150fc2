#include "medusa/json_output.hpp"

#include "json/text.hpp"

namespace medusa {

std::string to_json_text(const json& value) {
  schema::detail::JsonTextWriter out(value.is_structured() ? 256 : 32);
  schema::detail::write_json(out, value);
  return out.take();
}

}  // namespace medusa
