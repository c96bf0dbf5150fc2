// The in-page half of the Chromium benchmarks: validation and per-call cost next to the
// peers, exposed as window.bench for the runner (bench/js/browser.mjs) to call.
import Medusa from "@medusajs/js-sdk";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { MedusaPersonalize } from "@repo/web/src/index.js";
import { schema, validationCases } from "@repo/bench/js/data.mjs";
import { asyncOpsPerSecond, opsPerSecond } from "@repo/bench/js/timing.mjs";

let current = "";
const fakeFetch = async () => new Response(current, { status: 200, headers: { "content-type": "application/json" } });
const ours = await MedusaPersonalize.create({ baseUrl: "https://shop.example", publishableKey: "pk", fetch: fakeFetch });
globalThis.fetch = fakeFetch; // what @medusajs/js-sdk calls (after the module has loaded)
const theirs = new Medusa({ baseUrl: "https://shop.example", publishableKey: "pk" });
const compiled = ours.personalization.compile(schema);
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true });
addFormats(ajv);
const check = ajv.compile(schema);
const encoder = new TextEncoder();
const decoder = new TextDecoder();

window.bench = {
  // One round of each validation case: { case: { ours, ajv } } in ops/s.
  validationRound(ms) {
    const cases = validationCases((v) => compiled.validate(v), check);
    const out = {};
    for (const [name, [a, b]] of Object.entries(cases)) out[name] = { ours: opsPerSecond(a, ms), ajv: opsPerSecond(b, ms) };
    return out;
  },
  // One round per response: microseconds per call through each client and for JSON.parse.
  async callsRound(bodies, ms) {
    const out = {};
    for (const [name, text] of Object.entries(bodies)) {
      current = text;
      const bytes = encoder.encode(text);
      const call = name === "order" ? (sdk) => sdk.store.order.retrieve("order_1") : (sdk) => sdk.store.cart.retrieve("cart_1");
      const callName = name === "order" ? "store.order.retrieve" : "store.cart.retrieve";
      out[name] = {
        oursCall: 1e6 / (await asyncOpsPerSecond(() => call(ours), ms)),
        theirsCall: 1e6 / (await asyncOpsPerSecond(() => call(theirs), ms)),
        oursRead: 1e6 / opsPerSecond(() => ours.client.readResponse(callName, 200, "OK", bytes), ms),
        jsonParse: 1e6 / opsPerSecond(() => JSON.parse(decoder.decode(bytes)), ms),
      };
    }
    return out;
  },
};
window.__ready = true;
