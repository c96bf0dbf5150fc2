// Finishes Emscripten's JavaScript glue in place after each link of the WebAssembly
// module (run by CMake): two changes to Emscripten 3.1.6's minimal runtime, then terser.
//
// The minimal runtime (-sMINIMAL_RUNTIME=1: 3.1 KB brotli of glue instead of 4.2) only
// instantiates `Module.wasm` itself, with no error path: a failed instantiation or
// start-up left its promise pending forever, and `abort()` threw a bare string.
//  - The instantiation is handed to the package's loader (`Module.instantiateWasm(imports)`,
//    web/src/module.js: streaming from a URL, bytes, or a compiled module), and any
//    failure there or while the module starts rejects the factory's promise.
//  - `abort()` throws `WebAssembly.RuntimeError("Aborted(...)")`, as the full runtime does.
// Each change must apply exactly once: a newer Emscripten fails the build here, not
// silently at run time.
//
// Without Closure, the glue keeps every runtime helper it defines, and bundlers do not
// remove unused functions inside its factory: terser's dead-code removal does.
//
//   node scripts/finish-glue.mjs web/dist/medusa_personalize.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { minify } from "terser";

const file = process.argv[2];
if (!file) {
  console.error("usage: node scripts/finish-glue.mjs <glue.mjs>");
  process.exit(2);
}

const patches = [
  {
    what: "the minimal runtime's instantiation",
    from: /WebAssembly\.instantiate\(Module\["wasm"\],imports\)(\.then\(function\(output\)\{[^]*?ready\(\)\}\));/g,
    to: 'Module["instantiateWasm"](imports)$1.catch(readyPromiseReject);',
  },
  {
    what: "the minimal runtime's abort()",
    from: /function abort\(what\)\{throw what\}/g,
    to: 'function abort(what){throw new WebAssembly.RuntimeError("Aborted("+what+")")}',
  },
];

let source = readFileSync(file, "utf8");
for (const { what, from, to } of patches) {
  const found = source.match(from)?.length ?? 0;
  if (found !== 1) {
    console.error(`finish-glue: ${what} found ${found} times in ${file} (expected once)`);
    process.exit(1);
  }
  source = source.replace(from, to);
}

const result = await minify(source, {
  module: true,
  ecma: 2020,
  compress: { passes: 2 },
  mangle: true,
  format: { comments: false },
});
writeFileSync(file, result.code);
