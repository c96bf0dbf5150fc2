// A schema's form fields, in the order a shop wrote them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createSdk } from "./helpers.mjs";

const sdk = await createSdk({ baseUrl: "http://unused.test" });
const names = (schema) => schema.fields.map((f) => f.name);
const shirt = {
  type: "object",
  properties: { message: { type: "string" }, image_url: { type: "string", format: "uri" }, font: { enum: ["Serif"] } },
};

test("without x-order, fields follow the schema's properties as written", () => {
  assert.deepEqual(names(sdk.personalization.compile(shirt)), ["message", "image_url", "font"]);
  // x-order first, then the written order.
  const ordered = { ...shirt, properties: { ...shirt.properties, colour: { type: "string", "x-order": 1 } } };
  assert.deepEqual(names(sdk.personalization.compile(ordered)), ["colour", "message", "image_url", "font"]);
});

test("from a product: an object, a JSON string (as Medusa's admin saves it), a variant's extension", () => {
  const product = (personalization, variantMetadata = null) => ({
    id: "prod_1",
    metadata: { personalization },
    variants: [{ id: "variant_1", metadata: variantMetadata }],
  });
  assert.deepEqual(names(sdk.personalization.schemaFor(product(shirt), "variant_1")), ["message", "image_url", "font"]);
  assert.deepEqual(names(sdk.personalization.schemaFor(product(JSON.stringify(shirt)), "variant_1")), ["message", "image_url", "font"]);
  const extended = product(shirt, { personalization_extend: { properties: { zeta: { type: "string" }, alpha: { type: "string" }, font: null } } });
  assert.deepEqual(names(sdk.personalization.schemaFor(extended, "variant_1")), ["message", "image_url", "zeta", "alpha"]);
});

test("not personalized and unknown stay apart", () => {
  const plain = { id: "prod_2", metadata: null, variants: [{ id: "variant_2", metadata: null }] };
  assert.equal(sdk.personalization.schemaFor(plain, "variant_2"), null);
  const { metadata, ...card } = plain;
  assert.equal(metadata, null);
  assert.equal(sdk.personalization.schemaFor(card, "variant_2"), undefined);
  // A variant's own schema decides, whatever the product response left out.
  const own = { id: "prod_3", variants: [{ id: "variant_3", metadata: { personalization: shirt } }] };
  assert.deepEqual(names(sdk.personalization.schemaFor(own, "variant_3")), ["message", "image_url", "font"]);
});
