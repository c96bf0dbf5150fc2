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

const SHOP_NAME = "Personalized gifts";
const view = document.getElementById("view");
const badge = document.getElementById("cart-count");

async function refreshCartBadge() {
  const shop = await loadShop();
  const cart = await currentCart(shop);
  badge.textContent = String(itemCount(cart));
}

let navigation = 0;

// Each route renders into a detached page that replaces the view only if no later
// navigation started meanwhile (a slow response must not overwrite a newer page).
async function route() {
  const current = ++navigation;
  const [path, query = ""] = location.hash.replace(/^#/, "").split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query);
  const page = h("div", { class: "page" });
  view.setAttribute("aria-busy", "true");
  await attempt(async () => {
    const shop = await loadShop();
    if (parts[0] === "product") await renderProduct(page, shop, parts[1], params, refreshCartBadge);
    else if (parts[0] === "cart") await renderCart(page, shop, refreshCartBadge);
    else if (parts[0] === "checkout") await renderCheckout(page, shop, refreshCartBadge);
    else if (parts[0] === "order") await renderConfirmation(page, shop, parts[1]);
    else renderCatalogue(page, shop);
    if (current !== navigation) return;
    document.body.dataset.page = parts[0] ?? "catalogue";
    replace(view, page);
    // The page's title follows the route (its heading), and each page opens at its top.
    const heading = page.querySelector("h1")?.textContent?.trim();
    document.title = heading && heading !== SHOP_NAME ? `${heading} · ${SHOP_NAME}` : SHOP_NAME;
    window.scrollTo(0, 0);
    await refreshCartBadge();
  });
  if (current !== navigation) return;
  view.removeAttribute("aria-busy");
  document.getElementById("main")?.focus({ preventScroll: true });
}

window.addEventListener("hashchange", route);
replace(view, h("p", { class: "muted" }, "Loading the shop…"));
route();
