// The npm package's own flows against a real Medusa 2.21.2 with the plugin: what a
// storefront does, from the product page to the order page, with the customer's photo
// uploaded through the plugin's route.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { createSdk, env, image, prepareCheckout, shirtWithSchema } from "./helpers.mjs";

let sdk;
let shirt;
before(async () => {
  shirt = await shirtWithSchema();
  sdk = await createSdk();
});

test("product → schemaFor → personalized adds, merge, edit → upload → complete → order", async () => {
  const { product } = await sdk.store.product.retrieve(shirt.id, { region_id: env.regionId });
  const variant = product.variants[0];
  const schema = sdk.personalization.schemaFor(product, variant);
  assert.ok(schema, "the shirt is personalized");
  assert.deepEqual(
    schema.fields.map((f) => [f.name, f.widget, f.required]),
    [["message", "text", true], ["font", "font", true], ["colour", "colour", false], ["photo", "image", false]],
  );

  // The photo: checked by its bytes, uploaded to the plugin's route, served back as is.
  const photoBytes = await image("progressive-2400x3000.jpg");
  const { file } = await sdk.store.personalization.uploadImage(new Blob([photoBytes]), { filename: "anna.jpg", schema, field: "photo" });
  assert.deepEqual([file.mime, file.width, file.height, file.bytes, file.filename], ["image/jpeg", 2400, 3000, photoBytes.length, "anna.jpg"]);
  assert.ok(file.url.startsWith(`${env.url}/personalization/uploads/`), file.url);
  const served = await fetch(file.url);
  assert.equal(served.status, 200);
  assert.equal(served.headers.get("content-type"), "image/jpeg");
  assert.equal(served.headers.get("x-content-type-options"), "nosniff");
  assert.match(served.headers.get("content-security-policy"), /default-src 'none'/);
  assert.equal(Buffer.compare(Buffer.from(await served.arrayBuffer()), photoBytes), 0);

  // The same personalization twice is one line; another one is a second line.
  const { cart } = await sdk.store.cart.create({ region_id: env.regionId });
  const { id: _id, filename: _name, ...photo } = file; // the reference kept in metadata
  const anna = { message: "Happy birthday, Anna!", font: "Script", photo };
  await sdk.store.cart.createPersonalizedLineItem(cart.id, { variant_id: variant.id, quantity: 1, personalization: anna });
  const merged = await sdk.store.cart.createPersonalizedLineItem(cart.id, { variant_id: variant.id, quantity: 1, personalization: anna });
  assert.equal(merged.cart.items.length, 1);
  assert.equal(merged.cart.items[0].quantity, 2, "equal personalizations merged by Medusa");
  assert.equal(merged.cart.items[0].metadata._personalization_schema, schema.fingerprint);
  const two = await sdk.store.cart.createPersonalizedLineItem(cart.id, {
    variant_id: variant.id,
    quantity: 1,
    personalization: { message: "For Ben", font: "Mono" },
  });
  assert.equal(two.cart.items.length, 2);

  // A personalized edit leaves exactly the new values stored (the photo key is gone).
  const annaLine = two.cart.items.find((i) => i.metadata.message === "Happy birthday, Anna!");
  const { cart: edited } = await sdk.store.cart.updatePersonalizedLineItem(cart.id, annaLine.id, {
    quantity: 2,
    personalization: { message: "Happy birthday, Anna", font: "Serif" },
  });
  const editedLine = edited.items.find((i) => i.id === annaLine.id);
  assert.deepEqual(editedLine.metadata, {
    message: "Happy birthday, Anna",
    font: "Serif",
    colour: "#1d1d1f",
    _personalization_schema: schema.fingerprint,
  });
  assert.equal(editedLine.quantity, 2);

  // An invalid personalization is the same typed error as against the mock backend.
  await assert.rejects(
    sdk.store.cart.createLineItem(cart.id, { variant_id: variant.id, quantity: 1, metadata: { message: "x".repeat(41), font: "Serif" } }),
    (error) => {
      assert.equal(error.name, "FetchError");
      assert.equal(error.status, 400);
      assert.equal(error.type, "invalid_data");
      assert.equal(error.message, "Invalid personalization: /message: At most 40 characters");
      assert.deepEqual(
        error.details.issues.map((i) => [i.instance_path, i.code]),
        [["/message", "max_length"]],
      );
      return true;
    },
  );

  await prepareCheckout(sdk, cart.id);
  const completed = await sdk.store.cart.complete(cart.id);
  assert.equal(completed.type, "order", JSON.stringify(completed).slice(0, 300));

  const { order } = await sdk.store.order.retrieve(completed.order.id, { fields: "*items,+items.metadata" });
  const summaries = order.items.map((item) => sdk.personalization.describe(item, schema).text).sort();
  assert.deepEqual(summaries, [
    "Your message: For Ben \u00b7 Font: Mono \u00b7 Text colour: #1d1d1f",
    "Your message: Happy birthday, Anna \u00b7 Font: Serif \u00b7 Text colour: #1d1d1f",
  ]);
  for (const item of order.items) assert.equal(schema.validateLineItemMetadata(item.metadata).valid, true);
});
