// The same product page built on the peer: Medusa's JS SDK fetches the product, Ajv +
// ajv-formats compile its personalization schema and answer the first validation.
import Medusa from "@medusajs/js-sdk";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const sdk = new Medusa({ baseUrl: location.origin, publishableKey: "pk_bench" });
const { product } = await sdk.store.product.retrieve("prod_bench", { fields: "+metadata" });
const raw = product.metadata.personalization;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(typeof raw === "string" ? JSON.parse(raw) : raw);
const ok = validate({ message: "Happy birthday, Anna!", image_url: "https://img.example.test/anna.png" });
window.__result = { ms: performance.now(), ok };
