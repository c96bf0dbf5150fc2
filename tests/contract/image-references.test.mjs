// Image references checked against the plugin's uploads on a real Medusa (the same
// cases as against the mock backend: tests/shared/image-reference-cases.mjs).
import { env, shirtWithSchema } from "./helpers.mjs";
import { defineImageReferenceCases } from "../shared/image-reference-cases.mjs";

defineImageReferenceCases(async () => {
  const shirt = await shirtWithSchema();
  return { url: env.url, key: env.key, regionId: env.regionId, variantId: shirt.variants[0].id };
});
