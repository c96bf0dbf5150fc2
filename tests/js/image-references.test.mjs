// Image references checked against the mock's uploads (the same cases as against a real
// Medusa with the plugin: tests/shared/image-reference-cases.mjs).
import { after } from "node:test";
import { createSdk, PUBLISHABLE_KEY, startMock } from "./helpers.mjs";
import { defineImageReferenceCases } from "../shared/image-reference-cases.mjs";

let mock;
after(() => mock?.stop());

defineImageReferenceCases(async () => {
  mock = await startMock();
  const sdk = await createSdk({ baseUrl: mock.url });
  const { regions } = await sdk.store.region.list();
  const { products } = await sdk.store.product.list();
  const shirt = products.find((p) => p.handle === "custom-t-shirt");
  return { url: mock.url, key: PUBLISHABLE_KEY, regionId: regions[0].id, variantId: shirt.variants[0].id };
});
