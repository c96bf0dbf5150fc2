// The storefront's connection to the backend: one SDK, the region and the catalogue
// (with each product's personalization schema), loaded once.
import { MedusaPersonalize } from "../../src/index.js";
import { PUBLISHABLE_KEY } from "./config.js";
import { state } from "./state.js";

let shop = null;

/** Where the page's server has the module: the one the page preloads. */
export const WASM_URL = new URL("../dist/medusa_personalize.wasm", document.baseURI).href;

export function loadShop() {
  if (!shop) {
    shop = (async () => {
      const sdk = await MedusaPersonalize.create({ baseUrl: "", publishableKey: PUBLISHABLE_KEY, wasm: WASM_URL });
      const listProducts = (region) =>
        sdk.store.product.list({ limit: 50, region_id: region, fields: "*variants.calculated_price" });
      // The region of the last visit lets the catalogue load beside the regions; on a
      // first visit (or if that region is gone) the products wait for the region.
      const remembered = state.regionId();
      const [{ regions }, guessed] = await Promise.all([
        sdk.store.region.list(),
        remembered ? listProducts(remembered).catch(() => null) : null,
      ]);
      const region = regions[0];
      state.setRegionId(region.id);
      const { products } = guessed && remembered === region.id ? guessed : await listProducts(region.id);
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
