// A postal address (cart and order shipping/billing address).
#pragma once

#include "medusa/models/model.hpp"

namespace medusa {

struct Address : Model {
  std::optional<std::string> id, first_name, last_name, company, address_1, address_2;
  std::optional<std::string> city, postal_code, country_code, province, phone;
  std::optional<json> metadata;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("first_name", s.first_name);
    f("last_name", s.last_name);
    f("company", s.company);
    f("address_1", s.address_1);
    f("address_2", s.address_2);
    f("city", s.city);
    f("postal_code", s.postal_code);
    f("country_code", s.country_code);
    f("province", s.province);
    f("phone", s.phone);
    f("metadata", s.metadata);
  }
};

}  // namespace medusa
