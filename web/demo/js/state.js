// What survives a reload: the cart id, unsent form drafts and the checkout form.
const PREFIX = "medusa-personalize-demo:";

function read(key, fallback) {
  try {
    const text = localStorage.getItem(PREFIX + key);
    return text === null ? fallback : JSON.parse(text);
  } catch {
    return fallback;
  }
}

function write(key, value) {
  try {
    if (value === undefined) localStorage.removeItem(PREFIX + key);
    else localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // storage full or disabled: the page still works, it just forgets on reload
  }
}

export const state = {
  regionId: () => read("region", null),
  setRegionId: (id) => write("region", id),
  cartId: () => read("cart", null),
  setCartId: (id) => write("cart", id ?? undefined),
  draft: (key) => read("draft:" + key, null),
  saveDraft: (key, values) => write("draft:" + key, values),
  clearDraft: (key) => write("draft:" + key, undefined),
  checkout: () => read("checkout", {}),
  saveCheckout: (values) => write("checkout", values),
  clearCheckout: () => write("checkout", undefined),
};
