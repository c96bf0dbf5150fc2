// Loads the WebAssembly module once per JavaScript realm.
import createMedusaPersonalizeModule from "../dist/medusa_personalize.mjs";

const WASM_FILE = "medusa_personalize.wasm";
let loading = null;

const isNode = () =>
  typeof process === "object" && typeof process.versions?.node === "string" && typeof window === "undefined";

/**
 * Instantiates the module (the first call; later calls share it).
 * `wasm` may be a URL/string (where the .wasm is served), bytes, or a compiled
 * `WebAssembly.Module` (e.g. for strict CSPs or workers that already have it).
 */
export function loadModule({ wasm } = {}) {
  if (!loading) {
    loading = instantiate(wasm).catch((error) => {
      loading = null; // a failed load (e.g. offline) may be retried
      throw error;
    });
  }
  return loading;
}

async function instantiate(wasm) {
  const options = {};
  if (typeof WebAssembly === "object" && wasm instanceof WebAssembly.Module) {
    options.instantiateWasm = (imports, receive) => {
      WebAssembly.instantiate(wasm, imports).then((instance) => receive(instance, wasm));
      return {};
    };
  } else if (wasm instanceof ArrayBuffer || ArrayBuffer.isView(wasm)) {
    options.wasmBinary = wasm;
  } else if (wasm !== undefined) {
    options.locateFile = () => String(wasm);
  } else if (isNode()) {
    // Node's fetch cannot read file: URLs; read the bytes next to the glue instead.
    // (The specifier is not a literal, so bundlers leave this branch alone.)
    const fsName = "node:fs/promises";
    const { readFile } = await import(/* @vite-ignore */ fsName);
    options.wasmBinary = await readFile(new URL("../dist/" + WASM_FILE, import.meta.url));
  }
  return createMedusaPersonalizeModule(options);
}
