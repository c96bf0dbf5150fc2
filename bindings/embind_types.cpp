// The builtin types the module's functions use, registered with Embind here instead of by
// Embind's own library object (libembind, system/lib/embind/bind.cpp).
//
// That object registers every builtin type in a constructor: wide and UTF-16/32 strings,
// 64-bit integers, floats, eighteen typed-array views and emscripten::val. Each
// registration is a call into JavaScript, so the glue must carry the converter behind it
// (UTF-16 and UTF-32 codecs, emval's handle table, typed-array views), and the module the
// type names. The functions in medusa_personalize_wasm.cpp take and return only strings,
// booleans, 32-bit integers and doubles; a function using another type would be
// registered as a stub throwing Embind's UnboundTypeError, which tests/js/bindings.test.mjs
// looks for in every function. The link leaves out -lembind, which would link that object
// whole (bindings/CMakeLists.txt), and this file defines the one symbol the glue asks of
// it, __getTypeName.
#include <emscripten/bind.h>
#include <emscripten/em_macros.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>

namespace {

using emscripten::internal::TypeID;

template <typename T>
void register_integer(const char* name) {
  emscripten::internal::_embind_register_integer(TypeID<T>::get(), name, sizeof(T),
                                                 std::numeric_limits<T>::min(),
                                                 std::numeric_limits<T>::max());
}

}  // namespace

extern "C" {

// The name Embind prints for a type nobody registered (in its UnboundTypeError); the glue
// frees it. Without RTTI a type is known only by the address Embind gives it, so that is
// the name, as in libembind's own build without RTTI ("type 0x2f40").
EMSCRIPTEN_KEEPALIVE const char* __getTypeName(const void* type) {
  char name[7 + 2 * sizeof(std::uintptr_t) + 1] = "type 0x";
  std::uintptr_t address = reinterpret_cast<std::uintptr_t>(type);
  char* end = name + 7 + 2 * sizeof(address);
  *end = '\0';
  for (char* at = end; at != name + 7; address >>= 4) *--at = "0123456789abcdef"[address & 15];
  return strdup(name);
}

// A constructor, like libembind's: Embind resolves registrations in any order.
__attribute__((constructor)) static void medusa_register_builtin_types() {
  using namespace emscripten::internal;
  _embind_register_void(TypeID<void>::get(), "void");
  _embind_register_bool(TypeID<bool>::get(), "bool", sizeof(bool), true, false);
  register_integer<int>("int");
  register_integer<unsigned int>("unsigned int");
  register_integer<unsigned long>("unsigned long");
  _embind_register_float(TypeID<double>::get(), "double", sizeof(double));
  _embind_register_std_string(TypeID<std::string>::get(), "std::string");
}

}  // extern "C"
