#include "sort_indices.hpp"

#include <algorithm>
#include <numeric>

namespace medusa::detail {

std::vector<std::size_t> sorted_indices(std::size_t count, IndexLess less, const void* context) {
  std::vector<std::size_t> order(count);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return less(context, a, b); });
  return order;
}

}  // namespace medusa::detail
