// A customer account (Store `/store/customers/me`), with its saved addresses.
#pragma once

#include <vector>

#include "medusa/models/address.hpp"
#include "medusa/models/model.hpp"

namespace medusa {

/// A saved address of a customer: an Address plus its name and default flags.
struct CustomerAddress : Address {
  std::optional<std::string> address_name, customer_id;
  std::optional<bool> is_default_shipping, is_default_billing;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    Address::visit(s, f);
    f("address_name", s.address_name);
    f("customer_id", s.customer_id);
    f("is_default_shipping", s.is_default_shipping);
    f("is_default_billing", s.is_default_billing);
  }
};

struct Customer : Model {
  std::optional<std::string> id, email, first_name, last_name, phone, company_name;
  std::optional<bool> has_account;
  std::optional<std::vector<CustomerAddress>> addresses;
  std::optional<std::string> default_shipping_address_id, default_billing_address_id;
  std::optional<json> metadata;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("email", s.email);
    f("first_name", s.first_name);
    f("last_name", s.last_name);
    f("phone", s.phone);
    f("company_name", s.company_name);
    f("has_account", s.has_account);
    f("addresses", s.addresses);
    f("default_shipping_address_id", s.default_shipping_address_id);
    f("default_billing_address_id", s.default_billing_address_id);
    f("metadata", s.metadata);
  }
};

}  // namespace medusa
