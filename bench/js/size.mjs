// Bytes shipped: each contender bundled by esbuild for the browser (minified ESM), as a
// storefront would ship it, raw / gzip -9 / brotli -11. Ours counts the glue bundle plus
// the .wasm it fetches; the peers are @medusajs/js-sdk making the same five calls, and
// the same plus ajv + ajv-formats compiling the benchmark schema.
import { build } from "esbuild";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const FIVE_CALLS = `
  await sdk.store.product.list({ limit: 10 });
  const { cart } = await sdk.store.cart.create({});
  await sdk.store.cart.createLineItem(cart.id, { variant_id: "v", quantity: 1, metadata: { message: "Hi" } });
  const done = await sdk.store.cart.complete(cart.id);
  await sdk.store.order.retrieve(done.order.id);`;

const ENTRIES = {
  "medusa-personalize": `
    import { MedusaPersonalize } from "@repo/web/src/index.js";
    import { schema, valid } from "@repo/bench/js/data.mjs";
    const sdk = await MedusaPersonalize.create({ baseUrl: "https://shop.example", publishableKey: "pk" });
    export const ok = sdk.personalization.compile(schema).validate(valid).valid;
    ${FIVE_CALLS}`,
  "@medusajs/js-sdk": `
    import Medusa from "@medusajs/js-sdk";
    const sdk = new Medusa({ baseUrl: "https://shop.example", publishableKey: "pk" });
    ${FIVE_CALLS}`,
  "@medusajs/js-sdk + ajv + ajv-formats": `
    import Medusa from "@medusajs/js-sdk";
    import Ajv from "ajv";
    import addFormats from "ajv-formats";
    import { schema, valid } from "@repo/bench/js/data.mjs";
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true });
    addFormats(ajv);
    export const ok = ajv.compile(schema)(valid);
    const sdk = new Medusa({ baseUrl: "https://shop.example", publishableKey: "pk" });
    ${FIVE_CALLS}`,
};

const sizes = (bytes) => ({
  raw: bytes.length,
  gzip: zlib.gzipSync(bytes, { level: 9 }).length,
  brotli: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

const add = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });

// The package's other entry points, each bundled alone: what it adds to a storefront
// that already ships the package's main entry (neither imports the core).
const EXTRA_ENTRIES = {
  "medusa-personalize/form": `export { createPersonalizationForm } from "@repo/web/src/form.js";`,
  "medusa-personalize/element": `import "@repo/web/src/element.js";`,
};

async function bundled(repo, source) {
  const out = await build({
    stdin: { contents: source, resolveDir: repo, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    alias: { "@repo": repo },
    logLevel: "silent",
  });
  return Buffer.from(out.outputFiles[0].contents);
}

/** { entry: { raw, gzip, brotli } } for the form model and the custom element. */
export async function measureEntryPoints(repo) {
  const results = {};
  for (const [name, source] of Object.entries(EXTRA_ENTRIES)) results[name] = sizes(await bundled(repo, source));
  return results;
}

/** { name: { raw, gzip, brotli, parts } } for each contender. */
export async function measureSize(repo, workDir) {
  mkdirSync(workDir, { recursive: true });
  const results = {};
  for (const [name, source] of Object.entries(ENTRIES)) {
    const js = await bundled(repo, source);
    writeFileSync(path.join(workDir, `${name.replace(/[^a-z0-9]+/gi, "_")}.js`), js);
    let total = sizes(js);
    const parts = { js: sizes(js) };
    if (name === "medusa-personalize") {
      parts.wasm = sizes(readFileSync(path.join(repo, "web/dist/medusa_personalize.wasm")));
      total = add(total, parts.wasm);
    }
    results[name] = { ...total, parts };
  }
  return results;
}
