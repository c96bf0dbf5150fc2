// The order confirmation: each item with its personalization, as placed.
import { h, money, replace } from "../dom.js";
import { describeLine, summaryList } from "./cart.js";

export async function renderConfirmation(view, shop, orderId) {
  const { order } = await shop.sdk.store.order.retrieve(orderId, { fields: "*items,+items.metadata" });
  replace(view,
    h("h1", {}, "Thank you!"),
    h("p", {}, `Order #${order.display_id ?? order.id} is placed. A confirmation goes to `, h("strong", {}, order.email ?? ""), "."),
    h("ul", { class: "lines", id: "order-items" },
      (order.items ?? []).map((item) =>
        h("li", { class: "line" },
          h("div", { class: "line-head" }, h("strong", {}, item.product_title ?? item.title), " ", h("span", { class: "muted" }, item.variant_title ?? ""),
            " × ", String(item.quantity), h("span", { class: "line-total" }, money(item.total, order.currency_code))),
          summaryList(describeLine(shop, item))))),
    h("p", { class: "grand" }, "Total: ", money(order.total, order.currency_code)),
    h("a", { href: "#/", class: "button secondary" }, "Continue shopping"));
}
