// One sort for every order the core needs (internal header): indices 0..n-1 put in the
// order of a comparison function. Each std::sort instantiation is about 1.5 KB of
// WebAssembly; the callers (uniqueItems, form fields, character classes) share this one.
#pragma once

#include <cstddef>
#include <vector>

namespace medusa::detail {

/// True when the element at `a` goes before the one at `b`; `context` is the caller's.
using IndexLess = bool (*)(const void* context, std::size_t a, std::size_t b);

/// 0..count-1 sorted by `less` (a strict weak order; not stable).
std::vector<std::size_t> sorted_indices(std::size_t count, IndexLess less, const void* context);

}  // namespace medusa::detail
