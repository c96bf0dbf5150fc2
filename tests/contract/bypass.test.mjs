// Around the SDK with plain fetch: every Store path that creates or changes a line item
// refuses an invalid personalization with the documented answer, and stores nothing.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { createPlainProduct, env, shirtWithSchema, sqlCount, store } from "./helpers.mjs";

let shirt;
let variantId;
let plainVariantId;
before(async () => {
  shirt = await shirtWithSchema();
  variantId = shirt.variants[0].id;
  plainVariantId = (await createPlainProduct(`Plain mug ${Date.now()}`)).variants[0].id;
});

const newCart = async () => {
  const { status, body } = await store("POST", "/store/carts", { region_id: env.regionId });
  assert.equal(status, 200);
  return body.cart.id;
};
const itemsOf = async (cartId) => (await store("GET", `/store/carts/${cartId}?fields=*items`)).body.cart.items;

/** The refusal's body: Medusa's `{ type, message }` plus every issue with paths and codes. */
function assertRefused({ status, body }, message, issues) {
  assert.equal(status, 400, JSON.stringify(body));
  assert.deepEqual(Object.keys(body).sort(), ["issues", "message", "type"]);
  assert.equal(body.type, "invalid_data");
  assert.equal(body.message, message);
  assert.deepEqual(body.issues.map((i) => [i.instance_path, i.code]), issues);
  for (const issue of body.issues) {
    assert.equal(typeof issue.schema_path, "string");
    assert.equal(typeof issue.message, "string");
    assert.equal(typeof issue.params, "object");
  }
}

test("an add with invalid metadata is refused with every issue, and the cart is unchanged", async () => {
  const cartId = await newCart();
  const refused = await store("POST", `/store/carts/${cartId}/line-items`, {
    variant_id: variantId,
    quantity: 1,
    metadata: { message: "<script>alert(1)</script>", font: "Comic", extra: 1 },
  });
  assertRefused(refused, "Invalid personalization: /extra: is not an allowed property", [
    ["/extra", "additional_properties"],
    ["/font", "enum"],
    ["/message", "pattern"],
  ]);
  assert.deepEqual(await itemsOf(cartId), []);

  const missing = await store("POST", `/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity: 1 });
  assertRefused(missing, "Invalid personalization: /message: is required", [["/message", "required"], ["/font", "required"]]);
  assert.deepEqual(await itemsOf(cartId), []);
});

test("an update whose merged metadata is invalid is refused, and the line keeps its metadata", async () => {
  const cartId = await newCart();
  const valid = { message: "Keep me", font: "Serif" };
  const added = await store("POST", `/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity: 1, metadata: valid });
  assert.equal(added.status, 200, JSON.stringify(added.body));
  const line = added.body.cart.items[0];

  // "" deletes a key in Medusa's merge: the stored result would lack the message.
  const deletes = await store("POST", `/store/carts/${cartId}/line-items/${line.id}`, { quantity: 1, metadata: { message: "" } });
  assertRefused(deletes, "Invalid personalization: /message: is required", [["/message", "required"]]);
  // A key the schema does not allow, merged next to valid ones.
  const adds = await store("POST", `/store/carts/${cartId}/line-items/${line.id}`, { quantity: 3, metadata: { colour: 12 } });
  assert.equal(adds.status, 400);
  assert.deepEqual(adds.body.issues.map((i) => i.instance_path), ["/colour"]);

  const [after] = await itemsOf(cartId);
  assert.deepEqual(after.metadata, valid);
  assert.equal(after.quantity, 1);

  // A quantity change alone, and a valid merged edit, go through; quantity 0 removes.
  assert.equal((await store("POST", `/store/carts/${cartId}/line-items/${line.id}`, { quantity: 2 })).status, 200);
  const edited = await store("POST", `/store/carts/${cartId}/line-items/${line.id}`, { quantity: 2, metadata: { font: "Mono" } });
  assert.equal(edited.status, 200);
  assert.deepEqual(edited.body.cart.items[0].metadata, { ...valid, font: "Mono" });
  const removed = await store("POST", `/store/carts/${cartId}/line-items/${line.id}`, { quantity: 0 });
  assert.equal(removed.status, 200);
  assert.deepEqual(removed.body.cart.items, []);
});

test("a cart created with an invalid item is refused, and no cart is created", async () => {
  const carts = sqlCount("select count(*) from cart");
  const refused = await store("POST", "/store/carts", {
    region_id: env.regionId,
    items: [
      { variant_id: plainVariantId, quantity: 1 },
      { variant_id: variantId, quantity: 1, metadata: { message: "Hi", font: "Serif", _price: 0, colour: "red" } },
    ],
  });
  assert.equal(refused.status, 400, JSON.stringify(refused.body));
  assert.equal(refused.body.message, `Invalid personalization of item 2 (variant ${variantId}): /colour: must be a valid colour`);
  assert.deepEqual(refused.body.issues.map((i) => [i.instance_path, i.code]), [["/colour", "format"]]);
  assert.equal(sqlCount("select count(*) from cart"), carts);

  const created = await store("POST", "/store/carts", {
    region_id: env.regionId,
    items: [{ variant_id: variantId, quantity: 1, metadata: { message: "Hi", font: "Serif" } }],
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  assert.equal(sqlCount("select count(*) from cart"), carts + 1);
});

test("a product without a schema adds any metadata freely", async () => {
  const cartId = await newCart();
  const metadata = { anything: { nested: [1, 2] }, _private: "yes" };
  const added = await store("POST", `/store/carts/${cartId}/line-items`, { variant_id: plainVariantId, quantity: 2, metadata });
  assert.equal(added.status, 200, JSON.stringify(added.body));
  assert.deepEqual(added.body.cart.items[0].metadata, metadata);
});

test("hostile input: unknown ids and malformed bodies get Medusa's own answers", async () => {
  const cartId = await newCart();
  const unknownVariant = await store("POST", `/store/carts/${cartId}/line-items`, { variant_id: "variant_nope", quantity: 1, metadata: {} });
  assert.equal(unknownVariant.status, 400, JSON.stringify(unknownVariant.body));
  assert.equal(unknownVariant.body.message, "Variants variant_nope do not exist or belong to a product that is not published");
  const unknownLine = await store("POST", `/store/carts/${cartId}/line-items/cali_nope`, { quantity: 1, metadata: { message: "" } });
  assert.equal(unknownLine.status, 404, JSON.stringify(unknownLine.body));
  const notAnObject = await store("POST", `/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity: 1, metadata: "text" });
  assert.equal(notAnObject.status, 400);
  assert.equal(notAnObject.body.type, "invalid_data");
  const deep = JSON.parse("[".repeat(200) + "]".repeat(200));
  const nested = await store("POST", `/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity: 1, metadata: { message: "Hi", font: "Serif", deep } });
  assert.equal(nested.status, 400, JSON.stringify(nested.body).slice(0, 300));
  assert.deepEqual(nested.body.issues.map((i) => [i.instance_path, i.code]), [["/deep", "additional_properties"]]);
  assert.deepEqual(await itemsOf(cartId), []);
});

test("no publishable key: Medusa refuses before the plugin runs", async () => {
  const refused = await store("POST", "/store/carts", { region_id: env.regionId }, { "x-publishable-api-key": "" });
  assert.equal(refused.status, 400);
  assert.equal(refused.body.type, "not_allowed");
});
