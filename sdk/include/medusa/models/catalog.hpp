// How a catalogue is organized: product collections and product categories (Store
// `/store/collections`, `/store/product-categories`).
#pragma once

#include <vector>

#include "medusa/models/model.hpp"

namespace medusa {

struct ProductCollection : Model {
  std::optional<std::string> id, title, handle;
  std::optional<json> metadata;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("title", s.title);
    f("handle", s.handle);
    f("metadata", s.metadata);
  }
};

/// A category; `parent_category` and `category_children` come back when asked for in
/// `fields` (kept as JSON: they nest to any depth).
struct ProductCategory : Model {
  std::optional<std::string> id, name, handle, description, parent_category_id;
  std::optional<std::int64_t> rank;
  std::optional<json> metadata, parent_category, category_children;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("name", s.name);
    f("handle", s.handle);
    f("description", s.description);
    f("parent_category_id", s.parent_category_id);
    f("rank", s.rank);
    f("metadata", s.metadata);
    f("parent_category", s.parent_category);
    f("category_children", s.category_children);
  }
};

}  // namespace medusa
