// All Medusa v2 wire models (Store and Admin responses a storefront and a fulfilment
// client read). Include this, or the single header you need from medusa/models/.
#pragma once

#include "medusa/models/address.hpp"
#include "medusa/models/cart.hpp"
#include "medusa/models/catalog.hpp"
#include "medusa/models/customer.hpp"
#include "medusa/models/error_body.hpp"
#include "medusa/models/fulfillment.hpp"
#include "medusa/models/line_item.hpp"
#include "medusa/models/model.hpp"
#include "medusa/models/order.hpp"
#include "medusa/models/payment.hpp"
#include "medusa/models/product.hpp"
#include "medusa/models/region.hpp"
#include "medusa/models/shipping_option.hpp"
