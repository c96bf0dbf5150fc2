// Seed data of the mock backend (internal header).
#pragma once

#include <vector>

#include "backend.hpp"

namespace medusa::mock {

json seed_region();
json seed_shipping_option();
std::vector<json> seed_products();

}  // namespace medusa::mock
