# Third-party headers: nlohmann/json and doctest from Debian's packages.
#
# Natively they come through find_package. Under Emscripten, /usr/include must never reach
# the compiler (it would mix glibc headers into the Emscripten sysroot), so the WASM
# configure step builds a folder holding only symlinks to the two header trees and
# exposes it through INTERFACE targets named like the real ones.

if(EMSCRIPTEN)
  set(_shim "${CMAKE_BINARY_DIR}/third-party-include")
  file(MAKE_DIRECTORY "${_shim}")
  foreach(_dir nlohmann doctest)
    if(NOT EXISTS "/usr/include/${_dir}")
      message(FATAL_ERROR "/usr/include/${_dir} is missing: run scripts/setup.sh")
    endif()
    if(NOT EXISTS "${_shim}/${_dir}")
      file(CREATE_LINK "/usr/include/${_dir}" "${_shim}/${_dir}" SYMBOLIC)
    endif()
  endforeach()
  add_library(medusa_third_party_headers INTERFACE)
  target_include_directories(medusa_third_party_headers SYSTEM INTERFACE "${_shim}")
  add_library(nlohmann_json::nlohmann_json ALIAS medusa_third_party_headers)
  add_library(doctest::doctest ALIAS medusa_third_party_headers)

  # No C++ exceptions: the core reports every failure as a Result, and nlohmann/json's
  # would-be throws (type misuse only: input is parsed through its SAX interface, and
  # request bodies are checked for UTF-8 before dump()) abort. Measured: 16 KB brotli
  # less than native WebAssembly exceptions (the landing pads of every call), which were
  # themselves faster and smaller than the JS-based flavour (bench/README.md).
  add_compile_options(-fno-exceptions)
  add_link_options(-fno-exceptions)
  # The module never exits (no EXIT_RUNTIME), so destructors of statics never run: not
  # registering them drops their code and the atexit calls.
  add_compile_options(-fno-c++-static-destructors)
  # No RTTI: nothing in the core asks for a type at run time, and Embind identifies types
  # by an address of its own instead (bindings/embind_types.cpp). Each type_info object
  # brought in the C++ ABI library's type-walking code through its vtable.
  add_compile_options(-fno-rtti)
  add_compile_definitions(EMSCRIPTEN_HAS_UNBOUND_TYPE_NAMES=0)
  # WebAssembly 2.0's bulk memory (memcpy and memset as one instruction), sign extension
  # and non-trapping float-to-int conversions (no range checks around each): every engine
  # the package supports has them (Chrome 75, Firefox 79, Safari 15, Node 12.5).
  add_compile_options(-mbulk-memory -msign-ext -mnontrapping-fptoint)
  add_link_options(-mbulk-memory -msign-ext -mnontrapping-fptoint)
  # Loops not unrolled at -O3 (the evaluator's are: sdk/CMakeLists.txt): the JSON
  # parser's and the regex VM's unrolled copies were 0.7 KB of the shipped size, and
  # validation speed is the same without them.
  add_compile_options(-fno-unroll-loops)
  # libc++ declares std::string's members as extern templates, so every push_back and
  # append became a call into the prebuilt library: text-heavy code (JSON parsing,
  # reports, messages) ran several times slower than natively. Instantiated here, they
  # inline.
  add_compile_definitions(_LIBCPP_DISABLE_EXTERN_TEMPLATE)
else()
  find_package(nlohmann_json 3.11 REQUIRED)
  # The native client: Debian builds cpp-httplib as a shared library with OpenSSL, zlib
  # and brotli support; its pkg-config file carries the matching defines (they change
  # the library's class layouts, so every user must compile with them).
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(CPP_HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
  find_package(OpenSSL REQUIRED)
  find_package(Threads REQUIRED)
  if(MEDUSA_PERSONALIZE_BUILD_TESTS)
    find_package(doctest REQUIRED)
  endif()
endif()
