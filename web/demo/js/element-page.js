// The web component page: the product's schema from the backend, the package's custom
// element for the form, and an add to cart that says why it is disabled.
import { MedusaPersonalize } from "../../src/index.js";
import "../../src/element.js";
import { PUBLISHABLE_KEY } from "./config.js";
import { currentCart } from "./shop.js";

const sdk = await MedusaPersonalize.create({ baseUrl: location.origin, publishableKey: PUBLISHABLE_KEY });
const handle = new URLSearchParams(location.search).get("product") ?? "custom-t-shirt";
const { products } = await sdk.store.product.list({ handle, fields: "+metadata" });
const product = products[0];
const { regions } = await sdk.store.region.list();
const variant = product.variants[0];
const element = document.querySelector("medusa-personalization-form");
const add = document.getElementById("add");
const why = document.getElementById("why");

document.getElementById("title").textContent = `Personalize your ${product.title}`;
element.upload = (file, options) => sdk.store.personalization.uploadImage(file, options);
element.addEventListener("valid", (e) => (add.disabled = !e.detail.valid));
element.addEventListener("change", () => {
  const { ok, reasons } = element.form.submittable;
  why.textContent = ok ? "" : `To add it: ${reasons.join(" ")}`;
});
element.schema = sdk.personalization.schemaFor(product, variant);
add.addEventListener("click", async () => {
  const cart = await currentCart({ sdk, region: regions[0] }, { create: true });
  const { cart: updated } = await sdk.store.cart.createPersonalizedLineItem(cart.id, {
    variant_id: variant.id, quantity: 1, personalization: element.values, product,
  });
  document.getElementById("result").textContent = `Added: ${updated.items.length} line${updated.items.length === 1 ? "" : "s"} in your cart.`;
});
