// The documented limits (docs/limits.md) through the WebAssembly build and the public
// JavaScript API: each one a typed error or a typed issue, never a crash or a hang.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { createSdk, scriptedFetch } from "./helpers.mjs";
import { MedusaPersonalizeError } from "../../web/src/index.js";

let sdk;
let personalization;
before(async () => {
  sdk = await createSdk({ baseUrl: "http://medusa.test", fetch: scriptedFetch([]).fetch });
  personalization = sdk.personalization;
});

const throwsCode = (fn, kind, code) =>
  assert.throws(fn, (e) => {
    assert.ok(e instanceof MedusaPersonalizeError, String(e));
    assert.deepEqual([e.kind, e.code], [kind, code]);
    return true;
  });

const nested = (levels, leaf, wrap) => {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = wrap(value);
  return value;
};

test("JSON nesting and size: values and schemas over the limits are typed errors", () => {
  const schema = personalization.compile({ type: "object" });
  assert.equal(schema.validate({ a: nested(250, "x", (v) => [v]) }).valid, true);
  throwsCode(() => schema.validate({ a: nested(300, "x", (v) => [v]) }), "invalid_json", "json.too_deep");
  throwsCode(() => schema.validate({ a: "x".repeat(33 * 1024 * 1024) }), "invalid_json", "json.too_large");
  throwsCode(() => personalization.compile(nested(300, {}, (v) => ({ properties: { a: v } }))), "invalid_json", "json.too_deep");
  // The module is still healthy after the refusals.
  assert.equal(schema.validate({ ok: true }).valid, true);
});

test("schema budgets: subschema count, $ref cycles, regex size", () => {
  const properties = {};
  for (let i = 0; i <= 100000; i++) properties[`p${i}`] = {};
  throwsCode(() => personalization.compile({ properties }), "invalid_schema", "schema.too_large");
  throwsCode(
    () => personalization.compile({ definitions: { a: { $ref: "#/definitions/b" }, b: { $ref: "#/definitions/a" } }, $ref: "#/definitions/a" }),
    "invalid_schema",
    "schema.ref",
  );
  for (const pattern of ["a".repeat(5000), "(a{1000}){1000}"]) {
    assert.throws(() => personalization.compile({ pattern }), (e) => e.kind === "invalid_schema" && /pattern/.test(e.message));
  }
});

test("validation budgets: recursion depth, exponential anyOf, issue count", () => {
  const loop = personalization.compile({ allOf: [{ $ref: "#" }] }).validate(1);
  assert.equal(loop.valid, false);
  assert.equal(loop.issues[0].code, "limit_depth");

  const definitions = { d0: { type: "string" } };
  for (let i = 1; i <= 26; i++) definitions[`d${i}`] = { anyOf: [{ $ref: `#/definitions/d${i - 1}` }, { $ref: `#/definitions/d${i - 1}` }] };
  const exponential = personalization.compile({ definitions, $ref: "#/definitions/d26" }).validate(1);
  assert.equal(exponential.valid, false);
  assert.ok(exponential.issues.some((issue) => issue.code === "limit_steps"));

  const many = personalization.compile({ type: "array", items: { type: "string" } }).validate(Array(5000).fill(1));
  assert.deepEqual([many.valid, many.issues.length, many.truncated], [false, 1000, true]);
});

test("a cart of 2,000 personalized lines is read whole; a response too deep is refused", async () => {
  const items = Array.from({ length: 2000 }, (_, i) => ({
    id: `cali_${i}`,
    variant_id: "variant_1",
    quantity: 1,
    metadata: { message: `Line ${i} ${"é".repeat(20)}`, font: "Script" },
  }));
  const { fetch } = scriptedFetch([{ body: { cart: { id: "cart_1", items } } }, { body: { cart: { id: "cart_1", items: [nested(300, 1, (v) => [v])] } } }]);
  const local = await createSdk({ baseUrl: "http://medusa.test", fetch });
  const { cart } = await local.store.cart.retrieve("cart_1");
  assert.equal(cart.items.length, 2000);
  assert.equal(cart.items[1999].metadata.message, `Line 1999 ${"é".repeat(20)}`);
  await assert.rejects(local.store.cart.retrieve("cart_1"), (e) => e.kind === "invalid_response" && e.code === "response.too_deep");
});
