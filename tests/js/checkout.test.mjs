// The whole personalized checkout through the JavaScript API against the mock backend:
// the same calls a storefront and a staff tool make.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ADMIN, createSdk, repo, startMock } from "./helpers.mjs";

let mock;
let sdk;
before(async () => {
  mock = await startMock();
  sdk = await createSdk({ baseUrl: mock.url, auth: { jwtTokenStorageMethod: "memory" } });
});
after(() => mock.stop());

const image = (name) => readFile(path.join(repo, "tests/fixtures/images", name));

test("a personalized purchase from catalogue to fulfilment", async () => {
  const { regions } = await sdk.store.region.list();
  assert.equal(regions.length, 1);
  const { products, count } = await sdk.store.product.list({ limit: 10 });
  assert.equal(count, 2);
  const shirt = products.find((p) => p.handle === "custom-t-shirt");
  const [small, medium] = shirt.variants;

  // The schema, from product metadata, as a form.
  const schema = sdk.personalization.schemaFor(shirt, small.id);
  assert.match(schema.fingerprint, /^fnv1a64:[0-9a-f]{16}$/);
  assert.deepEqual(
    schema.fields.map((f) => [f.name, f.widget, f.required]),
    [["message", "text", true], ["font", "font", true], ["colour", "colour", false], ["photo", "image", false]],
  );
  assert.equal(sdk.personalization.schemaFor(shirt, small.id), schema, "compiled once per product and variant");

  // Live validation: every issue with its path.
  const typing = schema.validate({ message: "Happy <3", font: "Comic" });
  assert.equal(typing.valid, false);
  assert.deepEqual(typing.issues.map((i) => [i.instance_path, i.code]).sort(), [["/font", "enum"], ["/message", "pattern"]]);
  assert.equal(schema.validate({ message: "Happy birthday, Anna!", font: "Script" }).valid, true);

  // The photo: checked by its bytes against the print rules, then uploaded.
  const lowRes = await sdk.personalization.checkImage(await image("photo-640x480.png"), schema, "photo");
  assert.equal(lowRes.image.mime, "image/png");
  assert.equal(lowRes.report.valid, false);
  const photoBytes = await image("progressive-2400x3000.jpg");
  const good = await sdk.personalization.checkImage(photoBytes, schema, "photo");
  assert.deepEqual(good.image, { mime: "image/jpeg", width: 2400, height: 3000, bytes: photoBytes.length });
  assert.equal(good.report.valid, true);
  const progress = [];
  const { file } = await sdk.personalization.uploadImage(new Blob([photoBytes]), {
    filename: "../../etc/passwd.jpg",
    schema,
    field: "photo",
    onProgress: (p) => progress.push(p),
  });
  assert.equal(file.mime, "image/jpeg");
  assert.equal(file.width, 2400);
  assert.ok(file.url.startsWith(mock.url));
  assert.deepEqual(progress.at(-1), { loaded: photoBytes.length, total: photoBytes.length });
  const served = await fetch(file.url);
  assert.equal(served.headers.get("x-content-type-options"), "nosniff");
  assert.equal(Buffer.compare(Buffer.from(await served.arrayBuffer()), photoBytes), 0);

  // Two different personalizations are two lines; the same one again merges.
  const { cart } = await sdk.store.cart.create({ region_id: regions[0].id, email: "anna@example.com" });
  const anna = { message: "  Happy birthday, Anna!  ", font: "Script", photo: file };
  await sdk.store.cart.createPersonalizedLineItem(cart.id, { variant_id: small.id, quantity: 1, personalization: anna });
  await sdk.store.cart.createPersonalizedLineItem(cart.id, {
    variant_id: small.id,
    quantity: 1,
    personalization: { message: "For Ben", font: "Mono" },
  });
  const merged = await sdk.store.cart.createPersonalizedLineItem(cart.id, {
    variant_id: small.id,
    quantity: 2,
    personalization: { ...anna, message: "Happy birthday, Anna!" },
  });
  assert.equal(merged.cart.items.length, 2);
  const annaLine = merged.cart.items.find((i) => i.metadata.message === "Happy birthday, Anna!");
  assert.equal(annaLine.quantity, 3, "trimmed equal personalization merged");
  assert.equal(annaLine.metadata._personalization_schema, schema.fingerprint);
  assert.equal(annaLine.metadata.colour, "#1d1d1f", "default filled in");

  // The variant's product is known from product.list, so the schema is found by variant.
  const withMedium = await sdk.store.cart.createPersonalizedLineItem(cart.id, {
    variant_id: medium.id,
    personalization: { message: "Medium", font: "Serif" },
  });
  assert.equal(withMedium.cart.items.length, 3);

  // Edit a personalization (exact replace: the photo key disappears), remove a line.
  const { cart: edited } = await sdk.store.cart.updatePersonalizedLineItem(cart.id, annaLine.id, {
    quantity: 1,
    personalization: { message: "Happy birthday, Anna", font: "Serif" },
  });
  const editedLine = edited.items.find((i) => i.id === annaLine.id);
  assert.equal(editedLine.quantity, 1);
  assert.equal(editedLine.metadata.message, "Happy birthday, Anna");
  assert.equal("photo" in editedLine.metadata, false);
  const mediumLine = withMedium.cart.items.find((i) => i.variant_id === medium.id);
  const deleted = await sdk.store.cart.deleteLineItem(cart.id, mediumLine.id);
  assert.deepEqual([deleted.id, deleted.object, deleted.deleted], [mediumLine.id, "line-item", true]);
  assert.equal(deleted.parent.items.length, 2);

  // Checkout.
  const address = { first_name: "Anna", last_name: "Muster", address_1: "Hauptstr. 1", city: "Berlin", postal_code: "10115", country_code: "de" };
  await sdk.store.cart.update(cart.id, { shipping_address: address, billing_address: address });
  const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cart.id });
  await sdk.store.cart.addShippingMethod(cart.id, { option_id: shipping_options[0].id });
  const { payment_providers } = await sdk.store.payment.listPaymentProviders({ region_id: regions[0].id });
  const { cart: ready } = await sdk.store.cart.retrieve(cart.id);
  const { payment_collection } = await sdk.store.payment.initiatePaymentSession(ready, { provider_id: payment_providers[0].id });
  assert.equal(payment_collection.payment_sessions.length, 1);
  const completed = await sdk.store.cart.complete(cart.id);
  assert.equal(completed.type, "order");
  const again = await sdk.store.cart.complete(cart.id);
  assert.equal(again.order.id, completed.order.id, "completing twice returns the same order");

  // The order page: each item's personalization as text.
  const { order } = await sdk.store.order.retrieve(completed.order.id, { fields: "*items,+items.metadata" });
  assert.equal(order.items.length, 2);
  const summaries = order.items.map((item) => sdk.personalization.describe(item, schema)).map((s) => s.text).sort();
  assert.deepEqual(summaries, [
    "Your message: For Ben \u00b7 Font: Mono \u00b7 Text colour: #1d1d1f",
    "Your message: Happy birthday, Anna \u00b7 Font: Serif \u00b7 Text colour: #1d1d1f",
  ]);

  // Staff: log in, see the order, fulfil it.
  const token = await sdk.auth.login("user", "emailpass", ADMIN);
  assert.equal(typeof token, "string");
  assert.equal(await sdk.client.getToken(), token);
  const { order: staffView } = await sdk.admin.order.retrieve(order.id, { fields: "*items,+items.metadata" });
  for (const item of staffView.items) assert.equal(schema.validateLineItemMetadata(item.metadata).valid, true);
  const { order: fulfilled } = await sdk.admin.order.createFulfillment(order.id, {
    items: staffView.items.map((i) => ({ id: i.id, quantity: i.quantity })),
  });
  assert.equal(fulfilled.fulfillments.length, 1);
  const { orders } = await sdk.admin.order.list();
  assert.ok(orders.some((o) => o.id === order.id));
  await sdk.auth.logout();
  assert.equal(await sdk.client.getToken(), "");
});

test("a custom route through client.fetch, with the SDK's headers", async () => {
  const { regions } = await sdk.client.fetch("/store/regions", { query: { limit: 1 } });
  assert.equal(regions.length, 1);
});
