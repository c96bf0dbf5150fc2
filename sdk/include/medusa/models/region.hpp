// Region and country (GET /store/regions, cart.region).
#pragma once

#include "medusa/models/model.hpp"

namespace medusa {

struct Country : Model {
  std::optional<std::string> iso_2, iso_3, num_code, name, display_name, region_id;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("iso_2", s.iso_2);
    f("iso_3", s.iso_3);
    f("num_code", s.num_code);
    f("name", s.name);
    f("display_name", s.display_name);
    f("region_id", s.region_id);
  }
};

struct Region : Model {
  std::optional<std::string> id, name, currency_code;
  std::optional<bool> automatic_taxes;
  std::optional<std::vector<Country>> countries;
  std::optional<json> metadata;
  std::optional<std::string> created_at, updated_at;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("name", s.name);
    f("currency_code", s.currency_code);
    f("automatic_taxes", s.automatic_taxes);
    f("countries", s.countries);
    f("metadata", s.metadata);
    f("created_at", s.created_at);
    f("updated_at", s.updated_at);
  }
};

}  // namespace medusa
