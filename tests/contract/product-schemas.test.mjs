// Schemas where staff save them, and the checkout gate: a schema that does not compile
// is refused before it is stored; a line whose product's schema changed since it was
// added is named at checkout, and passes once its personalization is edited.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { admin, createSdk, env, prepareCheckout, shirtWithSchema } from "./helpers.mjs";

let shirt;
before(async () => {
  shirt = await shirtWithSchema();
});

const BROKEN = { type: "object", properties: { message: { type: "string", pattern: "(unclosed" } } };

test("a product created with a schema that does not compile is refused, and not stored", async () => {
  const title = `Broken schema ${Date.now()}`;
  for (const personalization of [BROKEN, JSON.stringify(BROKEN), "{not json"]) {
    const refused = await admin("POST", "/admin/products", {
      title,
      options: [{ title: "Size", values: ["One"] }],
      variants: [{ title: "One", options: { Size: "One" }, prices: [{ currency_code: "eur", amount: 5 }] }],
      metadata: { personalization },
    });
    assert.equal(refused.status, 400, JSON.stringify(refused.body));
    assert.equal(refused.body.type, "invalid_data");
    assert.match(refused.body.message, /^Invalid personalization schema in product \(new\) metadata\.personalization: /);
  }
  const { body } = await admin("GET", `/admin/products?q=${encodeURIComponent(title)}&with_deleted=true`);
  assert.equal(body.count, 0, "nothing stored");

  // The stored form the SDK reads, an object or a JSON string, is accepted when it compiles.
  const created = await admin("POST", "/admin/products", {
    title: `String schema ${Date.now()}`,
    options: [{ title: "Size", values: ["One"] }],
    variants: [{ title: "One", options: { Size: "One" }, prices: [{ currency_code: "eur", amount: 5 }] }],
    metadata: { personalization: JSON.stringify({ type: "object", required: ["initials"], properties: { initials: { type: "string", maxLength: 3 } } }) },
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
});

test("an update to a broken schema, product or variant, is refused and the stored one kept", async () => {
  const refused = await admin("POST", `/admin/products/${shirt.id}`, { metadata: { personalization: BROKEN } });
  assert.equal(refused.status, 400, JSON.stringify(refused.body));
  assert.match(refused.body.message, new RegExp(`^Invalid personalization schema in product ${shirt.id} metadata.personalization: `));

  const variant = shirt.variants[0];
  const extend = await admin("POST", `/admin/products/${shirt.id}/variants/${variant.id}`, {
    metadata: { personalization_extend: { properties: { message: { maxLength: "forty" } } } },
  });
  assert.equal(extend.status, 400, JSON.stringify(extend.body));
  assert.match(extend.body.message, new RegExp(`^Invalid personalization schema in variant ${variant.id} metadata: `));

  const { body } = await admin("GET", `/admin/products/${shirt.id}?fields=metadata,*variants`);
  assert.deepEqual(body.product.metadata.personalization, shirt.schema);
  assert.equal(body.product.variants.find((v) => v.id === variant.id).metadata?.personalization_extend, undefined);
});

test("checkout names a line whose schema changed since it was added; an edit restamps it", async () => {
  const sdk = await createSdk();
  const { product } = await sdk.store.product.retrieve(shirt.id);
  const variant = product.variants[0];
  const { cart } = await sdk.store.cart.create({ region_id: env.regionId });
  const added = await sdk.store.cart.createPersonalizedLineItem(cart.id, {
    variant_id: variant.id,
    quantity: 1,
    personalization: { message: "Before the change", font: "Serif" },
  });
  const line = added.cart.items[0];
  await prepareCheckout(sdk, cart.id);

  // Staff tighten the schema (still valid for this line's values).
  const tighter = { ...shirt.schema, properties: { ...shirt.schema.properties, message: { ...shirt.schema.properties.message, maxLength: 30 } } };
  const saved = await admin("POST", `/admin/products/${shirt.id}`, { metadata: { personalization: tighter } });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  try {
    await assert.rejects(sdk.store.cart.complete(cart.id), (error) => {
      assert.equal(error.status, 400);
      assert.equal(error.type, "invalid_data");
      assert.equal(
        error.message,
        `Line item ${line.id} (Custom T-Shirt) was personalized against an earlier version of its product's personalization schema: update its personalization, then complete the cart again`,
      );
      return true;
    });

    const { product: fresh } = await sdk.store.product.retrieve(shirt.id);
    const schema = sdk.personalization.schemaFor(fresh, variant.id);
    await sdk.store.cart.updateLineItem(cart.id, line.id, { quantity: 1, metadata: schema.buildMetadata({ message: "Before the change", font: "Serif" }) });
    await prepareCheckout(sdk, cart.id);
    const completed = await sdk.store.cart.complete(cart.id);
    assert.equal(completed.type, "order");
  } finally {
    await admin("POST", `/admin/products/${shirt.id}`, { metadata: { personalization: shirt.schema } });
  }
});
