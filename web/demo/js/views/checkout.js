// Checkout: email, address, shipping option, the payment provider, place the order.
// The form is kept in localStorage, so a reload or a failed request loses nothing.
import { h, money, replace } from "../dom.js";
import { attempt, announce } from "../notices.js";
import { currentCart } from "../shop.js";
import { state } from "../state.js";

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
    const el = h("input", { id: `co-${name}`, name, type, autocomplete, required: true, oninput: remember });
    el.value = saved[name] ?? "";
    return h("div", { class: "field" }, h("label", { for: `co-${name}` }, label), el);
  };
  const country = h("select", { id: "co-country_code", name: "country_code", onchange: remember },
    (region.countries ?? []).map((c) => h("option", { value: c.iso_2 }, c.display_name ?? c.iso_2.toUpperCase())));
  country.value = saved.country_code;
  const shipping = shipping_options.map((o, i) =>
    h("label", { class: "choice" },
      h("input", { type: "radio", name: "shipping", value: o.id, checked: (saved.shipping ?? shipping_options[0]?.id) === o.id || (!saved.shipping && i === 0), onchange: remember }),
      ` ${o.name} (${money(o.amount, cart.currency_code)})`));
  const payment = payment_providers.map((p, i) =>
    h("label", { class: "choice" },
      h("input", { type: "radio", name: "payment", value: p.id, checked: i === 0, onchange: remember }),
      ` ${p.id === "pp_system_default" ? "Pay on invoice (manual)" : p.id}`));
  const form = h("form", { id: "checkout", onsubmit: (e) => { e.preventDefault(); placeOrder(); } },
    h("fieldset", {}, h("legend", {}, "Contact"), input("email", "Email", "email", "email")),
    h("fieldset", {}, h("legend", {}, "Shipping address"), ADDRESS_FIELDS.map(([n, l, a]) => input(n, l, a)),
      h("div", { class: "field" }, h("label", { for: "co-country_code" }, "Country"), country)),
    h("fieldset", {}, h("legend", {}, "Delivery"), shipping),
    h("fieldset", {}, h("legend", {}, "Payment"), payment),
    h("p", {}, "Total before shipping: ", money(cart.total, cart.currency_code)),
    h("button", { type: "submit", class: "primary", id: "place-order" }, "Place order"));

  function read() {
    const data = Object.fromEntries(new FormData(form).entries());
    return data;
  }

  const placeOrder = () => attempt(async () => {
    if (!form.reportValidity()) return;
    const data = read();
    state.saveCheckout(data);
    const address = Object.fromEntries(ADDRESS_FIELDS.map(([n]) => [n, data[n]]).concat([["country_code", data.country_code]]));
    await sdk.store.cart.update(cart.id, { email: data.email, shipping_address: address, billing_address: address });
    await sdk.store.cart.addShippingMethod(cart.id, { option_id: data.shipping });
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

  replace(view, h("h1", {}, "Checkout"), form);
}
