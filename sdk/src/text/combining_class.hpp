// Canonical_Combining_Class (internal header), from the NFC tables (nfc.cpp).
#pragma once

namespace medusa::text {

/// Canonical_Combining_Class of `cp`: 0 for starters, 9 for viramas, 230 for most accents.
unsigned combining_class(char32_t cp);

}  // namespace medusa::text
