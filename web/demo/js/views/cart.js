// The cart: each distinct personalization is its own line with its summary; change the
// quantity, edit the personalization, remove the line; totals from the backend.
import { h, money, replace } from "../dom.js";
import { attempt, announce } from "../notices.js";
import { currentCart, productOfVariant } from "../shop.js";

export function describeLine(shop, item) {
  const product = productOfVariant(shop.products, item.variant_id);
  const schema = product ? shop.sdk.personalization.schemaFor(product, item.variant_id) : null;
  return shop.sdk.personalization.describe(item, schema ?? undefined);
}

/** The entries of a summary as a definition list (text nodes only; images as <img>). */
export function summaryList(summary) {
  return h("dl", { class: "summary" },
    summary.entries.map((e) => [
      h("dt", {}, e.label),
      h("dd", {}, e.kind === "image" && typeof e.value?.url === "string"
        ? [h("img", { class: "thumb", src: e.value.url, alt: `${e.label}: ${e.text}` }), " ", e.text]
        : e.kind === "text" && /^#[0-9a-f]{6}$/i.test(e.text)
          ? [h("span", { class: "swatch", style: `background:${e.text}` }), " ", e.text]
          : e.text),
    ]));
}

export async function renderCart(view, shop, refreshCartBadge) {
  const { sdk } = shop;
  const cart = await currentCart(shop);
  if (!cart || !cart.items?.length) {
    return replace(view, h("h1", {}, "Your cart"), h("p", {}, "Your cart is empty."), h("a", { href: "#/" }, "Find something to personalize"));
  }
  const rerender = async () => {
    await refreshCartBadge();
    await renderCart(view, shop, refreshCartBadge);
  };
  const lines = [...cart.items]
    .sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)))
    .map((item) => {
      const product = productOfVariant(shop.products, item.variant_id);
      const qty = h("input", { type: "number", min: 1, value: String(item.quantity), "aria-label": `Quantity of ${item.title}`, class: "qty" });
      qty.addEventListener("change", () => attempt(async () => {
        const quantity = Math.max(1, Math.floor(Number(qty.value) || 1));
        await sdk.store.cart.updateLineItem(cart.id, item.id, { quantity });
        announce(`Quantity changed to ${quantity}.`);
        await rerender();
      }));
      return h("li", { class: "line", dataset: { lineId: item.id } },
        h("div", { class: "line-head" },
          h("strong", {}, item.product_title ?? item.title), " ", h("span", { class: "muted" }, item.variant_title ?? ""),
          h("span", { class: "line-total" }, money(item.total ?? item.unit_price * item.quantity, cart.currency_code))),
        summaryList(describeLine(shop, item)),
        h("div", { class: "line-actions" },
          qty,
          product ? h("a", { href: `#/product/${encodeURIComponent(product.handle)}?edit=${encodeURIComponent(item.id)}`, class: "button secondary" }, "Edit") : null,
          h("button", {
            type: "button", class: "secondary",
            onclick: () => attempt(async () => {
              await sdk.store.cart.deleteLineItem(cart.id, item.id);
              announce(`${item.title} removed.`);
              await rerender();
            }),
          }, "Remove")));
    });
  replace(view,
    h("h1", {}, "Your cart"),
    h("ul", { class: "lines" }, lines),
    h("table", { class: "totals" },
      h("tbody", {},
        h("tr", {}, h("th", {}, "Subtotal"), h("td", {}, money(cart.item_subtotal ?? cart.subtotal, cart.currency_code))),
        h("tr", {}, h("th", {}, "Shipping"), h("td", {}, money(cart.shipping_total ?? 0, cart.currency_code))),
        h("tr", {}, h("th", {}, "Tax"), h("td", {}, money(cart.tax_total ?? 0, cart.currency_code))),
        h("tr", { class: "grand" }, h("th", {}, "Total"), h("td", { id: "cart-total" }, money(cart.total, cart.currency_code))))),
    h("a", { href: "#/checkout", class: "button primary" }, "Checkout"));
}
