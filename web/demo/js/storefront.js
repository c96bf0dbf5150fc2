// The storefront: hash routes to the catalogue, product, cart, checkout and
// confirmation views. Every load is retried from the banner when the backend fails.
import { h, replace } from "./dom.js";
import { attempt } from "./notices.js";
import { currentCart, itemCount, loadShop } from "./shop.js";
import { renderCart } from "./views/cart.js";
import { renderCatalogue } from "./views/catalogue.js";
import { renderCheckout } from "./views/checkout.js";
import { renderConfirmation } from "./views/confirmation.js";
import { renderProduct } from "./views/product.js";

const view = document.getElementById("view");
const badge = document.getElementById("cart-count");

async function refreshCartBadge() {
  const shop = await loadShop();
  const cart = await currentCart(shop);
  badge.textContent = String(itemCount(cart));
}

async function route() {
  const [path, query = ""] = location.hash.replace(/^#/, "").split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query);
  view.setAttribute("aria-busy", "true");
  await attempt(async () => {
    const shop = await loadShop();
    document.body.dataset.page = parts[0] ?? "catalogue";
    if (parts[0] === "product") await renderProduct(view, shop, parts[1], params, refreshCartBadge);
    else if (parts[0] === "cart") await renderCart(view, shop, refreshCartBadge);
    else if (parts[0] === "checkout") await renderCheckout(view, shop, refreshCartBadge);
    else if (parts[0] === "order") await renderConfirmation(view, shop, parts[1]);
    else renderCatalogue(view, shop);
    await refreshCartBadge();
  });
  view.removeAttribute("aria-busy");
  document.getElementById("main")?.focus({ preventScroll: true });
}

window.addEventListener("hashchange", route);
replace(view, h("p", { class: "muted" }, "Loading the shop…"));
route();
