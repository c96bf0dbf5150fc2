// Checkout: the items, email, address, shipping option with the backend's shipping and
// total, the payment provider, place the order. The form is kept in localStorage, so a
// reload or a failed request loses nothing.
import { h, money, replace } from "../dom.js";
import { attempt, announce } from "../notices.js";
import { currentCart } from "../shop.js";
import { state } from "../state.js";
import { summaryList } from "./cart.js";

const ADDRESS_FIELDS = [
  ["first_name", "First name", "given-name"],
  ["last_name", "Last name", "family-name"],
  ["address_1", "Address", "address-line1"],
  ["postal_code", "Postal code", "postal-code"],
  ["city", "City", "address-level2"],
];

export async function renderCheckout(view, shop, refreshCartBadge) {
  const { sdk, region } = shop;
  const cart = await currentCart(shop);
  if (!cart || !cart.items?.length) return replace(view, h("h1", {}, "Checkout"), h("p", {}, "Your cart is empty."), h("a", { href: "#/" }, "Back to the shop"));
  const saved = { email: cart.email ?? "", country_code: region.countries?.[0]?.iso_2 ?? "", ...state.checkout() };
  const [{ shipping_options }, { payment_providers }] = await Promise.all([
    sdk.store.fulfillment.listCartOptions({ cart_id: cart.id }),
    sdk.store.payment.listPaymentProviders({ region_id: region.id }),
  ]);

  const remember = () => state.saveCheckout(read());
  const input = (name, label, autocomplete, type = "text") => {
    const el = h("input", { id: `co-${name}`, name, type, autocomplete, required: true, oninput: remember,
      "aria-describedby": `co-${name}-error`, "aria-invalid": "false" });
    el.value = saved[name] ?? "";
    return h("div", { class: "field" }, h("label", { for: `co-${name}` }, label), el,
      h("p", { id: `co-${name}-error`, class: "field-error", "aria-live": "polite" }));
  };
  // An email checked as an email: the SDK's own format check, and a domain with a dot
  // (an order confirmation cannot reach "anna@example", which a browser lets pass).
  const emailFormat = sdk.personalization.compile({ type: "string", format: "email", pattern: "@[^@.]+(\\.[^@.]+)+$" });
  const checkEmail = () => {
    const field = form.querySelector("#co-email");
    const ok = emailFormat.validateJson(field.value.trim()).valid;
    field.setAttribute("aria-invalid", ok ? "false" : "true");
    form.querySelector("#co-email-error").textContent = ok ? "" : "Email: enter an address like name@example.com";
    return ok;
  };

  // The items, each with its personalization, before anything is paid.
  const items = h("ul", { class: "checkout-items" }, cart.items.map((item) =>
    h("li", {},
      h("p", {}, `${item.quantity} × ${item.product_title ?? item.title}${item.variant_title ? ` (${item.variant_title})` : ""} `,
        h("span", { class: "muted" }, money(item.total ?? item.subtotal, cart.currency_code))),
      summaryList(sdk.personalization.describe(item)))));
  // Shipping and the total as the backend computes them for the chosen option.
  const totals = h("p", { id: "checkout-totals", "aria-live": "polite" }, "Total before shipping: ", money(cart.total, cart.currency_code));
  let addedOption = null;
  const showTotals = (option) => attempt(async () => {
    if (!option || option === addedOption) return;
    const { cart: priced } = await sdk.store.cart.addShippingMethod(cart.id, { option_id: option });
    addedOption = option;
    replace(totals, `Shipping: ${money(priced.shipping_total, priced.currency_code)} · Total: `,
      h("strong", {}, money(priced.total, priced.currency_code)));
  });
  const country = h("select", { id: "co-country_code", name: "country_code", onchange: remember },
    (region.countries ?? []).map((c) => h("option", { value: c.iso_2 }, c.display_name ?? c.iso_2.toUpperCase())));
  country.value = saved.country_code;
  const shipping = shipping_options.map((o, i) =>
    h("label", { class: "choice" },
      h("input", { type: "radio", name: "shipping", value: o.id, checked: (saved.shipping ?? shipping_options[0]?.id) === o.id || (!saved.shipping && i === 0),
        onchange: () => { remember(); showTotals(o.id); } }),
      ` ${o.name} (${money(o.amount, cart.currency_code)})`));
  const payment = payment_providers.map((p, i) =>
    h("label", { class: "choice" },
      h("input", { type: "radio", name: "payment", value: p.id, checked: i === 0, onchange: remember }),
      ` ${p.id === "pp_system_default" ? "Pay on invoice (manual)" : p.id}`));
  const form = h("form", { id: "checkout", novalidate: true, onsubmit: (e) => { e.preventDefault(); placeOrder(); } },
    h("fieldset", {}, h("legend", {}, "Your order"), items),
    h("fieldset", {}, h("legend", {}, "Contact"), input("email", "Email", "email", "email")),
    h("fieldset", {}, h("legend", {}, "Shipping address"), ADDRESS_FIELDS.map(([n, l, a]) => input(n, l, a)),
      h("div", { class: "field" }, h("label", { for: "co-country_code" }, "Country"), country)),
    h("fieldset", {}, h("legend", {}, "Delivery"), shipping),
    h("fieldset", {}, h("legend", {}, "Payment"), payment),
    totals,
    h("button", { type: "submit", class: "primary", id: "place-order" }, "Place order"));

  function read() {
    const data = Object.fromEntries(new FormData(form).entries());
    return data;
  }

  const placeOrder = () => attempt(async () => {
    const emailOk = checkEmail();
    if (!form.reportValidity() || !emailOk) return form.querySelector("[aria-invalid=true], :invalid")?.focus();
    const data = read();
    state.saveCheckout(data);
    const address = Object.fromEntries(ADDRESS_FIELDS.map(([n]) => [n, data[n]]).concat([["country_code", data.country_code]]));
    await sdk.store.cart.update(cart.id, { email: data.email.trim(), shipping_address: address, billing_address: address });
    if (data.shipping !== addedOption) await sdk.store.cart.addShippingMethod(cart.id, { option_id: data.shipping });
    const { cart: fresh } = await sdk.store.cart.retrieve(cart.id);
    await sdk.store.payment.initiatePaymentSession(fresh, { provider_id: data.payment });
    const result = await sdk.store.cart.complete(cart.id);
    if (result.type !== "order") throw new Error(result.error?.message ?? "The order could not be placed.");
    state.setCartId(null);
    state.clearCheckout();
    announce("Thank you, your order is placed.");
    await refreshCartBadge();
    location.hash = `#/order/${encodeURIComponent(result.order.id)}`;
  });

  form.querySelector("#co-email").addEventListener("blur", checkEmail);
  replace(view, h("h1", {}, "Checkout"), form);
  await showTotals(read().shipping);
}
