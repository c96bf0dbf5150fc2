// The catalogue: every product, with a hint of what can be personalized.
import { h, money, replace } from "../dom.js";

export function renderCatalogue(view, { sdk, region, products }) {
  const cards = products.map((product) => {
    const schema = sdk.personalization.schemaFor(product);
    const price = product.variants?.[0]?.calculated_price?.calculated_amount;
    return h("li", { class: "card" },
      h("a", { href: `#/product/${encodeURIComponent(product.handle)}` },
        h("h2", {}, product.title),
        h("p", { class: "muted" }, product.description ?? ""),
        price !== undefined ? h("p", { class: "price" }, "from ", money(price, region.currency_code)) : null,
        schema ? h("p", { class: "badge" }, "Personalize: ", schema.fields.map((f) => f.label).join(", ")) : null));
  });
  replace(view, h("h1", {}, "Personalized gifts"), h("ul", { class: "cards" }, cards));
}
