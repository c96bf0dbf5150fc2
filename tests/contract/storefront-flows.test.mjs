// What a storefront developer hits in the first hour, on a real Medusa with the plugin
// (the same cases as against the mock backend: tests/shared/storefront-cases.mjs).
import { createSdk, env, shirtWithSchema } from "./helpers.mjs";
import { defineStorefrontCases } from "../shared/storefront-cases.mjs";

defineStorefrontCases(async () => {
  const shirt = await shirtWithSchema();
  return { url: env.url, key: env.key, regionId: env.regionId, variantId: shirt.variants[0].id, createSdk };
});
