// A product page on a phone, ours: load the SDK, fetch the product, compile its
// personalization schema, answer the first validation.
import { MedusaPersonalize } from "@repo/web/src/index.js";

const sdk = await MedusaPersonalize.create({ baseUrl: location.origin, publishableKey: "pk_bench" });
const { product } = await sdk.store.product.retrieve("prod_bench");
const schema = sdk.personalization.schemaFor(product, product.variants[0]);
const ok = schema.validate({ message: "Happy birthday, Anna!", image_url: "https://img.example.test/anna.png" }).valid;
window.__result = { ms: performance.now(), ok };
