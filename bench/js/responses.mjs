// Real response bodies for the per-call benchmark: the real server's cart after adding
// a personalized shirt (trace 110), grown to 1, 20 and 200 distinct personalized lines,
// and its order (trace 158).
import { readFileSync } from "node:fs";
import path from "node:path";

function traceBody(repo, name) {
  const text = readFileSync(path.join(repo, "tests/fixtures/medusa-v2-traces", name), "utf8");
  const response = text.slice(text.indexOf("=== RESPONSE ==="));
  return JSON.parse(response.slice(response.indexOf("\n{")));
}

/** { "cart, 1 item": text, "cart, 20 items": text, "cart, 200 items": text, "order": text } */
export function responses(repo) {
  const { cart } = traceBody(repo, "110-li-add-S-msgA.txt");
  const line = cart.items[0];
  const cartWith = (n) =>
    JSON.stringify({
      cart: {
        ...cart,
        items: Array.from({ length: n }, (_, i) => ({
          ...line,
          id: `${line.id.slice(0, -4)}${String(i).padStart(4, "0")}`,
          metadata: { ...line.metadata, message: `${line.metadata.message} #${i}` },
        })),
      },
    });
  return {
    "cart, 1 item": cartWith(1),
    "cart, 20 items": cartWith(20),
    "cart, 200 items": cartWith(200),
    order: JSON.stringify(traceBody(repo, "158-store-get-order.txt")),
  };
}
