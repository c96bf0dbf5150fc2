// The load of the production-shape run: N shoppers at once, each doing whole
// personalized checkouts in a loop with the npm package as the app installed it (product
// page, photo upload to the plugin's route, cart, personalized line, address, shipping,
// payment session, complete). Every `invalidEvery`-th checkout also sends an invalid
// personalization around the SDK with plain fetch, as a script would. A step that
// fails (a server killed, Redis restarting) is tried again, as a shopper clicks again,
// until `stepDeadlineMs` (3 minutes: a complete interrupted by a server crash answers
// 409 until Medusa's cart lock, 2 minutes, expires); every attempt and outcome is recorded for the report and for
// the invariants (tests/production/invariants.mjs).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { prepareCheckout, repo } from "../contract/helpers.mjs";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Each shopper checks out with an email of their own: Medusa 2.21.2 creates the guest
// customer of a new email without a lock, so two carts giving the same new email at the
// same moment can fail with "Customer with email ... already exists" (seen here when all
// shoppers used one).
/** Personalizations that break the T-shirt's schema in the ways a script would try. */
export const INVALID_PERSONALIZATIONS = [
  { message: "x".repeat(200), font: "Serif" }, // over maxLength
  { message: "Hello", font: "Comic Sans" }, // not in the enum
  { message: "Hello", font: "Serif", photo: { url: "https://elsewhere.example/p.jpg", width: 2400, height: 3000, mime_type: "image/jpeg" } },
  { font: "Serif" }, // message missing
  { message: "Hello", font: "Serif", _personalization_schema: "fnv1a64:0000000000000000" }, // a forged schema stamp
];

/**
 * Runs shoppers until `stop()` resolves true (checked between checkouts) and returns
 * every checkout's record: { shopper, cart, order, add_ms, complete_ms, retries,
 * error, invalid: {status} | null, at }.
 */
export async function runShoppers({ sdks, url, key, regionId, shirtId, uploads, invalidEvery, shouldStop, stepDeadlineMs = 180_000 }) {
  const photo = await readFile(path.join(repo, "tests/fixtures/images/progressive-2400x3000.jpg"));
  const records = [];
  let sequence = 0;

  // A step tried again on what a shopper would click again for: no answer, a 5xx, a
  // 409 (the cart is busy). Anything else is the step's real answer.
  async function step(record, name, fn) {
    const end = Date.now() + stepDeadlineMs;
    for (let attempt = 0; ; ++attempt) {
      try {
        return await fn();
      } catch (error) {
        const status = error?.status ?? error?.response?.status;
        const temporary = !status || status === 409 || status >= 500;
        if (!temporary || Date.now() > end) throw Object.assign(error, { step: name });
        record.retries.push({ step: name, status: status ?? error?.code ?? String(error).slice(0, 80), at: Date.now() });
        await sleep(Math.min(250 * 2 ** attempt, 4000));
      }
    }
  }

  async function invalidAdd(cartId, variantId, n) {
    const metadata = INVALID_PERSONALIZATIONS[n % INVALID_PERSONALIZATIONS.length];
    for (let tries = 0; tries < 20; ++tries) {
      const response = await fetch(`${url}/store/carts/${cartId}/line-items`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-publishable-api-key": key },
        body: JSON.stringify({ variant_id: variantId, quantity: 1, metadata }),
      }).catch(() => null);
      if (response && response.status < 500) return { status: response.status, metadata };
      await sleep(500);
    }
    return { status: "no answer", metadata };
  }

  async function checkout(sdk, shopper) {
    const n = sequence++;
    const record = { shopper, n, cart: null, order: null, add_ms: null, complete_ms: null, retries: [], error: null, invalid: null, at: Date.now() };
    records.push(record);
    try {
      const { product } = await step(record, "product", () => sdk.store.product.retrieve(shirtId, { region_id: regionId }));
      const variant = product.variants[0];
      const schema = sdk.personalization.schemaFor(product, variant);
      const personalization = { message: `Order ${n} for shopper ${shopper}`, font: "Serif" };
      if (uploads) {
        const { file } = await step(record, "upload", () => sdk.store.personalization.uploadImage(new Blob([photo]), { schema, field: "photo" }));
        const { id: _id, filename: _name, ...reference } = file;
        personalization.photo = reference;
      }
      const { cart } = await step(record, "cart", () => sdk.store.cart.create({ region_id: regionId }));
      record.cart = cart.id;
      const t0 = performance.now();
      await step(record, "add", () => sdk.store.cart.createPersonalizedLineItem(cart.id, { variant_id: variant.id, quantity: 1, personalization }));
      record.add_ms = performance.now() - t0;
      if (invalidEvery > 0 && n % invalidEvery === invalidEvery - 1) record.invalid = await invalidAdd(cart.id, variant.id, n);
      await step(record, "checkout", () => prepareCheckout(sdk, cart.id, `shopper-${shopper}@example.com`));
      const t1 = performance.now();
      const completed = await step(record, "complete", () => sdk.store.cart.complete(cart.id));
      record.complete_ms = performance.now() - t1;
      if (completed.type !== "order") throw Object.assign(new Error(`complete answered a cart: ${JSON.stringify(completed.error ?? {}).slice(0, 200)}`), { step: "complete" });
      record.order = completed.order.id;
    } catch (error) {
      record.error = { step: error.step ?? "?", message: String(error?.message ?? error).slice(0, 300), status: error?.status ?? null };
    }
    record.done = Date.now();
    if (record.error) await sleep(1000); // a shopper who gave up comes back later
  }

  await Promise.all(
    sdks.map(async (sdk, shopper) => {
      while (!(await shouldStop())) await checkout(sdk, shopper);
    }),
  );
  return records;
}

const quantile = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);

/**
 * A phase's figures: checkouts per second within its window (from `start`, `seconds`
 * long; a checkout still running at the end finishes after it, and counts only in the
 * latencies), and the add/complete latency quantiles of every completed checkout.
 */
export function summarize(records, { start, seconds }) {
  const done = records.filter((r) => r.order);
  const inWindow = done.filter((r) => r.done <= start + seconds * 1000).length;
  const adds = done.map((r) => r.add_ms).sort((a, b) => a - b);
  const completes = done.map((r) => r.complete_ms).sort((a, b) => a - b);
  return {
    checkouts: done.length,
    failed: records.filter((r) => r.error).length,
    retried_steps: records.reduce((sum, r) => sum + r.retries.length, 0),
    per_second: inWindow / seconds,
    add_p50: quantile(adds, 0.5),
    add_p99: quantile(adds, 0.99),
    complete_p50: quantile(completes, 0.5),
    complete_p99: quantile(completes, 0.99),
    invalid_sent: records.filter((r) => r.invalid).length,
    invalid_accepted: records.filter((r) => r.invalid && r.invalid.status === 200).length,
  };
}
