// Safe retries of an add against the mock backend (the same cases as against a real
// Medusa with the plugin: tests/shared/idempotency-cases.mjs).
import { after } from "node:test";
import { createSdk, PUBLISHABLE_KEY, startMock } from "./helpers.mjs";
import { defineIdempotencyCases } from "../shared/idempotency-cases.mjs";

let mock;
after(() => mock?.stop());

defineIdempotencyCases(async () => {
  mock = await startMock();
  const sdk = await createSdk({ baseUrl: mock.url });
  const { regions } = await sdk.store.region.list();
  const { products } = await sdk.store.product.list();
  const shirt = products.find((p) => p.handle === "custom-t-shirt");
  return {
    url: mock.url,
    key: PUBLISHABLE_KEY,
    regionId: regions[0].id,
    variantId: shirt.variants[0].id,
    schema: sdk.personalization.schemaFor(shirt, shirt.variants[0].id).document,
    createSdk: (config) => createSdk({ ...config }),
  };
});
