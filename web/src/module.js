// Loads the WebAssembly module once per JavaScript realm.
//
// The glue (Emscripten's minimal runtime) does not fetch or compile the .wasm: it hands
// its imports to `instantiateWasm` below and starts the module on the instance it gets.
import createMedusaPersonalizeModule from "../dist/medusa_personalize.mjs";
import { FetchError, MedusaPersonalizeError } from "./errors.js";

let loading = null;

const isNode = () =>
  typeof process === "object" && typeof process.versions?.node === "string" && typeof window === "undefined";

/**
 * Instantiates the module (the first call; later calls share it).
 * `wasm` may be a URL/string (where the .wasm is served), bytes, or a compiled
 * `WebAssembly.Module` (e.g. for strict CSPs or workers that already have it).
 * A failed load rejects (FetchError, or `kind` "invalid_module") and may be retried.
 */
export function loadModule({ wasm } = {}) {
  if (!loading) {
    loading = createMedusaPersonalizeModule({ instantiateWasm: (imports) => instantiate(wasm, imports) }).catch(
      (error) => {
        loading = null; // a failed load (e.g. offline) may be retried
        // Anything else went wrong while the module started: its exports or its
        // constructors were not this package's.
        throw error instanceof MedusaPersonalizeError ? error : invalidModule("the module did not start", error);
      },
    );
  }
  return loading;
}

// Where the package's .wasm is. Bundlers (Vite, webpack 5, Parcel) emit it as an asset
// from this expression.
const packagedWasm = () => new URL("../dist/medusa_personalize.wasm", import.meta.url);

async function instantiate(wasm, imports) {
  if (wasm instanceof WebAssembly.Module) {
    // Instantiating a compiled module gives the instance alone; the glue reads `.instance`.
    const instantiation = WebAssembly.instantiate(wasm, imports).then((instance) => ({ instance, module: wasm }));
    return compiled(instantiation, "the given module");
  }
  if (wasm instanceof ArrayBuffer || ArrayBuffer.isView(wasm)) {
    return compiled(WebAssembly.instantiate(wasm, imports), "the given bytes");
  }
  const url = wasm === undefined ? packagedWasm().href : String(wasm);
  const unavailable = (cause) =>
    new FetchError(`medusa-personalize: could not fetch ${url}: ${cause?.message ?? cause}`, "", 0, {
      kind: "transport",
      code: "module.unavailable",
      cause,
    });
  if (wasm === undefined && isNode()) {
    // Node's fetch cannot read file: URLs. (The specifier is not a literal, so bundlers
    // leave this branch alone.)
    const fsName = "node:fs/promises";
    const { readFile } = await import(/* @vite-ignore */ fsName);
    const bytes = await readFile(packagedWasm()).catch((cause) => Promise.reject(unavailable(cause)));
    return compiled(WebAssembly.instantiate(bytes, imports), url);
  }
  let response;
  try {
    response = await fetch(url, { credentials: "same-origin" });
  } catch (cause) {
    throw unavailable(cause);
  }
  if (!response.ok) {
    const message = `medusa-personalize: could not fetch ${url}: HTTP ${response.status}`;
    throw new FetchError(message, response.statusText, response.status, { code: "module.unavailable" });
  }
  // Compiled while it downloads when served as application/wasm (as Emscripten's own
  // loader does), read whole otherwise.
  const streaming =
    typeof WebAssembly.instantiateStreaming === "function" &&
    response.headers.get("content-type")?.split(";")[0].trim().toLowerCase() === "application/wasm";
  const instantiation = streaming
    ? WebAssembly.instantiateStreaming(response, imports)
    : response.arrayBuffer().then((bytes) => WebAssembly.instantiate(bytes, imports));
  return compiled(instantiation, url, unavailable); // other failures: the download broke off
}

// Bytes that are not this module (another file, another version of the package) fail
// to compile or to link: say so, with the engine's reason as the cause.
async function compiled(instantiation, source, otherFailure = (cause) => cause) {
  try {
    return await instantiation;
  } catch (cause) {
    if (cause instanceof WebAssembly.CompileError || cause instanceof WebAssembly.LinkError) {
      throw invalidModule(`${source} is not this package's WebAssembly module`, cause);
    }
    throw otherFailure(cause);
  }
}

function invalidModule(what, cause) {
  const message = `medusa-personalize: ${what}: ${cause?.message ?? cause}`;
  return new MedusaPersonalizeError(message, {
    kind: "invalid_module",
    code: "module.invalid",
    cause,
  });
}
