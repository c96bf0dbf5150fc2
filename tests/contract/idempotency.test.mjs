// Safe retries of an add on a real Medusa with the plugin (the same cases as against the
// mock backend: tests/shared/idempotency-cases.mjs).
import { createSdk, env, shirtWithSchema } from "./helpers.mjs";
import { defineIdempotencyCases } from "../shared/idempotency-cases.mjs";

defineIdempotencyCases(async () => {
  const shirt = await shirtWithSchema();
  return { url: env.url, key: env.key, regionId: env.regionId, variantId: shirt.variants[0].id, schema: shirt.schema, createSdk };
});
