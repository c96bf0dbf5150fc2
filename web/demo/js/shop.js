// The storefront's connection to the backend: one SDK, the region and the catalogue
// (with each product's personalization schema), loaded once.
import { MedusaPersonalize } from "../../src/index.js";
import { PUBLISHABLE_KEY } from "./config.js";
import { state } from "./state.js";

let shop = null;

export function loadShop() {
  if (!shop) {
    shop = (async () => {
      const sdk = await MedusaPersonalize.create({ baseUrl: "", publishableKey: PUBLISHABLE_KEY });
      const { regions } = await sdk.store.region.list();
      const region = regions[0];
      const { products } = await sdk.store.product.list({ limit: 50, region_id: region.id, fields: "*variants.calculated_price" });
      return { sdk, region, products };
    })().catch((error) => {
      shop = null; // let the next attempt retry
      throw error;
    });
  }
  return shop;
}

export function productByHandle(products, handle) {
  return products.find((p) => p.handle === handle);
}

export function productOfVariant(products, variantId) {
  return products.find((p) => (p.variants ?? []).some((v) => v.id === variantId));
}

/** The cart of this browser, created on first use; a cart that is gone is replaced. */
export async function currentCart({ sdk, region }, { create = false } = {}) {
  const id = state.cartId();
  if (id) {
    try {
      const { cart } = await sdk.store.cart.retrieve(id);
      if (!cart.completed_at) return cart;
    } catch (error) {
      if (error.status !== 404) throw error;
    }
    state.setCartId(null);
  }
  if (!create) return null;
  const { cart } = await sdk.store.cart.create({ region_id: region.id });
  state.setCartId(cart.id);
  return cart;
}

export function itemCount(cart) {
  return (cart?.items ?? []).reduce((n, item) => n + item.quantity, 0);
}
