// Appended to Emscripten's glue (--post-js). The minimal runtime keeps the heap views and
// the exported allocator as variables of its own; the JavaScript layer (web/src/core.js)
// writes arguments into the heap and reads results from it through these.
// The views are getters: growing the memory replaces them.
Object.defineProperties(Module, {
  HEAPU8: { get: () => HEAPU8 },
  HEAPU32: { get: () => HEAPU32 },
});
Module["_malloc"] = (size) => _malloc(size);
Module["_free"] = (pointer) => _free(pointer);
