// Marks a region of a file built for speed whose functions run once per schema or
// pattern (compiling) rather than once per validation: clang optimizes them for size, as
// it does the files compiled with -Os (sdk/CMakeLists.txt). Template code instantiated
// inside the region keeps the file's flags, so the copies hot code shares stay fast.
// Internal header; other compilers ignore the marks.
#pragma once

#if defined(__clang__)
#define MEDUSA_BUILT_FOR_SIZE_BEGIN \
  _Pragma("clang attribute push(__attribute__((minsize)), apply_to = function)")
#define MEDUSA_BUILT_FOR_SIZE_END _Pragma("clang attribute pop")
#else
#define MEDUSA_BUILT_FOR_SIZE_BEGIN
#define MEDUSA_BUILT_FOR_SIZE_END
#endif
