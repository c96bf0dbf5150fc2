// Product, its options, images and variants (GET /store/products, order item variants).
//
// Product `metadata` carries the personalization schema; the real server omits it from
// Store responses unless asked (`fields=+metadata`). Variant `metadata` is returned by
// default and may override or extend the schema (docs/personalization-schema.md).
#pragma once

#include "medusa/models/model.hpp"

namespace medusa {

struct ProductOptionValue : Model {
  std::optional<std::string> id, value, option_id;
  std::optional<json> metadata;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("value", s.value);
    f("option_id", s.option_id);
    f("metadata", s.metadata);
  }
};

struct ProductOption : Model {
  std::optional<std::string> id, title, product_id;
  std::optional<std::vector<ProductOptionValue>> values;
  std::optional<json> metadata;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("title", s.title);
    f("product_id", s.product_id);
    f("values", s.values);
    f("metadata", s.metadata);
  }
};

struct ProductImage : Model {
  std::optional<std::string> id, url;
  std::optional<std::int64_t> rank;
  std::optional<json> metadata;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("url", s.url);
    f("rank", s.rank);
    f("metadata", s.metadata);
  }
};

/// `variants[].calculated_price`: present when the query names a region or currency.
struct CalculatedPrice : Model {
  std::optional<std::string> id, currency_code;
  std::optional<Amount> calculated_amount, original_amount;
  std::optional<bool> is_calculated_price_tax_inclusive, is_original_price_tax_inclusive;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("currency_code", s.currency_code);
    f("calculated_amount", s.calculated_amount);
    f("original_amount", s.original_amount);
    f("is_calculated_price_tax_inclusive", s.is_calculated_price_tax_inclusive);
    f("is_original_price_tax_inclusive", s.is_original_price_tax_inclusive);
  }
};

/// The product fields without variants: what a variant or an order item embeds.
struct ProductSummary : Model {
  std::optional<std::string> id, title, subtitle, description, handle, status, thumbnail;
  std::optional<std::string> collection_id, type_id, created_at, updated_at;
  std::optional<bool> is_giftcard, discountable;
  std::optional<json> metadata;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("title", s.title);
    f("subtitle", s.subtitle);
    f("description", s.description);
    f("handle", s.handle);
    f("status", s.status);
    f("thumbnail", s.thumbnail);
    f("collection_id", s.collection_id);
    f("type_id", s.type_id);
    f("created_at", s.created_at);
    f("updated_at", s.updated_at);
    f("is_giftcard", s.is_giftcard);
    f("discountable", s.discountable);
    f("metadata", s.metadata);
  }
};

struct ProductVariant : Model {
  std::optional<std::string> id, title, sku, barcode, product_id, thumbnail;
  std::optional<bool> allow_backorder, manage_inventory;
  std::optional<std::int64_t> inventory_quantity, variant_rank;
  std::optional<std::vector<ProductOptionValue>> options;
  std::optional<CalculatedPrice> calculated_price;
  std::optional<ProductSummary> product;
  std::optional<json> metadata;
  std::optional<std::string> created_at, updated_at;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("title", s.title);
    f("sku", s.sku);
    f("barcode", s.barcode);
    f("product_id", s.product_id);
    f("thumbnail", s.thumbnail);
    f("allow_backorder", s.allow_backorder);
    f("manage_inventory", s.manage_inventory);
    f("inventory_quantity", s.inventory_quantity);
    f("variant_rank", s.variant_rank);
    f("options", s.options);
    f("calculated_price", s.calculated_price);
    f("product", s.product);
    f("metadata", s.metadata);
    f("created_at", s.created_at);
    f("updated_at", s.updated_at);
  }
};

struct Product : ProductSummary {
  std::optional<std::vector<ProductOption>> options;
  std::optional<std::vector<ProductVariant>> variants;
  std::optional<std::vector<ProductImage>> images;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    ProductSummary::visit(s, f);
    f("options", s.options);
    f("variants", s.variants);
    f("images", s.images);
  }
};

}  // namespace medusa
