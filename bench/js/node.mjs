// The Node half of the benchmarks: cold start (fresh processes), validation, per-call
// cost and heaps, each next to its peer in the same process where it applies.
import Medusa from "@medusajs/js-sdk";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { MedusaPersonalize } from "../../web/src/index.js";
import { alternate, asyncOpsPerSecond, invalid, opsPerSecond, schema, valid, validationCases } from "./common.mjs";

// Each start-up script is a file in the repository's build tree, run in a fresh `node`,
// and prints ms from its first line to the first validation result. Both import their
// packages by name, as users do: ours resolves to the package's entry point
// (web/dist/index.js, through package.json "exports"). (A script given with `node -e`
// instead measured about 6 ms slower.)
const STARTUP = {
  ours: (repo) => `
    const t0 = performance.now();
    const { MedusaPersonalize } = await import("medusa-personalize");
    const { schema, valid } = await import(${JSON.stringify(path.join(repo, "bench/js/data.mjs"))});
    const sdk = await MedusaPersonalize.create({ baseUrl: "http://x.test" });
    const ok = sdk.personalization.compile(schema).validate(valid).valid;
    console.log(JSON.stringify({ ms: performance.now() - t0, ok }));`,
  ajv: (repo) => `
    const t0 = performance.now();
    const { default: Ajv } = await import("ajv");
    const { default: addFormats } = await import("ajv-formats");
    const { schema, valid } = await import(${JSON.stringify(path.join(repo, "bench/js/data.mjs"))});
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true });
    addFormats(ajv);
    const ok = ajv.compile(schema)(valid);
    console.log(JSON.stringify({ ms: performance.now() - t0, ok }));`,
};

/** Cold starts, alternating; `workDir` (inside the repository) holds the scripts. */
export async function measureNodeStartup(repo, rounds, workDir) {
  mkdirSync(workDir, { recursive: true });
  return alternate(rounds, Object.fromEntries(
    Object.entries(STARTUP).map(([who, script]) => {
      const file = path.join(workDir, `start-${who}.mjs`);
      writeFileSync(file, script(repo));
      return [who, () => {
        const out = JSON.parse(execFileSync(process.execPath, [file], { cwd: repo, encoding: "utf8" }));
        if (!out.ok) throw new Error(`${who}: the first validation failed`);
        return out.ms;
      }];
    }),
  ));
}

export async function measureNodeValidation(rounds, ms) {
  const sdk = await MedusaPersonalize.create({ baseUrl: "http://unused.test" });
  const ours = sdk.personalization.compile(schema);
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true });
  addFormats(ajv);
  const check = ajv.compile(schema);
  for (const data of [valid, invalid]) if (check(data) !== ours.validate(data).valid) throw new Error("verdicts differ");
  const cases = validationCases((v) => ours.validate(v), check);
  const out = {};
  for (const [name, [a, b]] of Object.entries(cases)) {
    out[name] = await alternate(rounds, { ours: () => opsPerSecond(a, ms), ajv: () => opsPerSecond(b, ms) });
  }
  return out;
}

// The Unicode text work a form does on every keystroke, through the public API, next to
// the engine's own: NFC (schema.normalize of a text list) against String.prototype.normalize,
// the grapheme count of a field (schema.fieldLength) against Intl.Segmenter.
export async function measureNodeText(rounds, ms) {
  const sdk = await MedusaPersonalize.create({ baseUrl: "http://unused.test" });
  const lists = sdk.personalization.compile({ type: "object", properties: { texts: { type: "array" } } });
  const engraving = sdk.personalization.compile({
    type: "object",
    properties: { engraving: { type: "string", "x-maxGraphemes": 60, "x-trim": false } },
  });
  const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
  const texts = {
    "ASCII, 40 characters": "Happy birthday Anna, love from Sam & Jo!",
    "accents typed decomposed, 40 characters": "Fu\u0308r Zoe\u0308 und Jose\u0301, alles Gute! A\u0300 bientôt".slice(0, 46),
    "emoji (flags, families, skin tones), 12 characters": "🇫🇷🇩🇪👨‍👩‍👧👍🏽🎉❤️🇮🇹👩‍💻🧑🏿‍🚀🎂✨🙌🏼",
  };
  const out = {};
  for (const [name, text] of Object.entries(texts)) {
    const expected = [...segmenter.segment(text.normalize("NFC"))].length;
    if (lists.normalize({ texts: [text] }).texts[0] !== text.normalize("NFC") ||
        engraving.fieldLength("engraving", text).length !== expected)
      throw new Error(`${name}: results differ from the engine's`);
    out[`NFC, ${name}`] = await alternate(rounds, {
      ours: () => opsPerSecond(() => lists.normalize({ texts: [text] }), ms),
      peer: () => opsPerSecond(() => text.normalize("NFC"), ms),
    });
    out[`graphemes, ${name}`] = await alternate(rounds, {
      ours: () => opsPerSecond(() => engraving.fieldLength("engraving", text), ms),
      peer: () => opsPerSecond(() => [...segmenter.segment(text.normalize("NFC"))].length, ms),
    });
  }
  return out;
}

export async function measureNodeCalls(bodies, rounds, ms) {
  let current = "";
  const fakeFetch = async () => new Response(current, { status: 200, headers: { "content-type": "application/json" } });
  const ours = await MedusaPersonalize.create({ baseUrl: "https://shop.example", publishableKey: "pk", fetch: fakeFetch });
  const realFetch = globalThis.fetch;
  globalThis.fetch = fakeFetch; // what @medusajs/js-sdk calls
  try {
    const theirs = new Medusa({ baseUrl: "https://shop.example", publishableKey: "pk" });
    const encoder = new TextEncoder();
    const decoder = new TextDecoder();
    const out = {};
    for (const [name, text] of Object.entries(bodies)) {
      const bytes = encoder.encode(text);
      const call = name === "order" ? (sdk) => sdk.store.order.retrieve("order_1") : (sdk) => sdk.store.cart.retrieve("cart_1");
      const callName = name === "order" ? "store.order.retrieve" : "store.cart.retrieve";
      current = text;
      out[name] = await alternate(rounds, {
        oursCall: async () => 1e6 / (await asyncOpsPerSecond(() => call(ours), ms)),
        theirsCall: async () => 1e6 / (await asyncOpsPerSecond(() => call(theirs), ms)),
        oursRead: () => 1e6 / opsPerSecond(() => ours.client.readResponse(callName, 200, "OK", bytes), ms),
        jsonParse: () => 1e6 / opsPerSecond(() => JSON.parse(decoder.decode(bytes)), ms),
      });
      out[name].bytes = bytes.length;
    }
    return out;
  } finally {
    globalThis.fetch = realFetch;
  }
}

// Heaps after 1 M validations and 10 k calls, in a fresh process with --expose-gc.
export function measureNodeMemory(repo) {
  const script = `
    const { MedusaPersonalize } = await import(${JSON.stringify(path.join(repo, "web/src/index.js"))});
    const { schema, valid, invalid } = await import(${JSON.stringify(path.join(repo, "bench/js/data.mjs"))});
    const body = JSON.stringify({ cart: { id: "cart_1", items: [{ id: "li_1", quantity: 1, metadata: { message: "Hi" } }] } });
    const sdk = await MedusaPersonalize.create({ baseUrl: "http://x.test", fetch: async () => new Response(body) });
    const s = sdk.personalization.compile(schema);
    const wasm = () => sdk.personalization.core.module.HEAPU8.length;
    const js = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
    for (let i = 0; i < 1000; i++) { s.validate(valid); await sdk.store.cart.retrieve("cart_1"); }
    const start = { wasm: wasm(), js: js() };
    for (let i = 0; i < 1e6; i++) s.validate(i % 2 ? valid : invalid);
    const afterValidations = { wasm: wasm(), js: js() };
    for (let i = 0; i < 1e4; i++) await sdk.store.cart.retrieve("cart_1");
    const afterCalls = { wasm: wasm(), js: js() };
    console.log(JSON.stringify({ start, afterValidations, afterCalls }));`;
  return JSON.parse(execFileSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", script], { cwd: repo, encoding: "utf8", maxBuffer: 1 << 20 }));
}
