// medusa-personalize: the whole C++ core in one include.
#pragma once

#include "medusa/error.hpp"
#include "medusa/json_input.hpp"
#include "medusa/models.hpp"
#include "medusa/personalization/line_item_match.hpp"
#include "medusa/personalization/metadata.hpp"
#include "medusa/personalization/schema.hpp"
#include "medusa/regex.hpp"
#include "medusa/schema/validator.hpp"
