// Payment providers, collections and sessions (checkout).
//
// On the real server any cart change deletes the collection's payment sessions, so a
// checkout creates the session again right before completing the cart.
#pragma once

#include "medusa/models/model.hpp"

namespace medusa {

struct PaymentProvider : Model {
  std::optional<std::string> id;
  std::optional<bool> is_enabled;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("is_enabled", s.is_enabled);
  }
};

struct PaymentSession : Model {
  std::optional<std::string> id, currency_code, provider_id, status, payment_collection_id;
  std::optional<std::string> authorized_at, created_at, updated_at;
  std::optional<Amount> amount;
  std::optional<json> data, context, metadata;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("currency_code", s.currency_code);
    f("provider_id", s.provider_id);
    f("status", s.status);
    f("payment_collection_id", s.payment_collection_id);
    f("authorized_at", s.authorized_at);
    f("created_at", s.created_at);
    f("updated_at", s.updated_at);
    f("amount", s.amount);
    f("data", s.data);
    f("context", s.context);
    f("metadata", s.metadata);
  }
};

struct PaymentCollection : Model {
  std::optional<std::string> id, currency_code, status, completed_at, created_at, updated_at;
  std::optional<Amount> amount, authorized_amount, captured_amount, refunded_amount;
  std::optional<std::vector<PaymentSession>> payment_sessions;
  std::optional<std::vector<PaymentProvider>> payment_providers;
  std::optional<json> metadata;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("currency_code", s.currency_code);
    f("status", s.status);
    f("completed_at", s.completed_at);
    f("created_at", s.created_at);
    f("updated_at", s.updated_at);
    f("amount", s.amount);
    f("authorized_amount", s.authorized_amount);
    f("captured_amount", s.captured_amount);
    f("refunded_amount", s.refunded_amount);
    f("payment_sessions", s.payment_sessions);
    f("payment_providers", s.payment_providers);
    f("metadata", s.metadata);
  }
};

}  // namespace medusa
