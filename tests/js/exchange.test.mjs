// The retry scenarios both clients share (tests/fixtures/exchange-cases.json), run
// through the npm package over a scripted fetch: the same steps and outcomes as the
// core's state machine gives the C++ client (tests/unit/test_exchange.cpp).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createSdk, repo } from "./helpers.mjs";

const { carts, cases } = JSON.parse(readFileSync(path.join(repo, "tests/fixtures/exchange-cases.json"), "utf8"));
const ADD = { variant_id: "v", quantity: 1, metadata: { m: 1 } };

const calls = {
  "region.list": (sdk) => sdk.store.region.list(),
  "cart.create": (sdk) => sdk.store.cart.create({}),
  "cart.complete": (sdk) => sdk.store.cart.complete("cart_1"),
  add: (sdk) => sdk.store.cart.createLineItem("cart_1", ADD),
};

function bodyOf(answer) {
  if (answer.cart) return carts[answer.cart];
  if (answer.status >= 200 && answer.status <= 299) return { regions: [], count: 0, offset: 0, limit: 50, type: "order", order: { id: "order_1" }, cart: carts.empty.cart };
  return { type: "unknown_error", message: `status ${answer.status}` };
}

async function run(c) {
  const steps = [];
  const answers = [...c.answers];
  let sending = false;
  const fetch = async (url, init) => {
    if (!sending) return new Response(JSON.stringify(carts[c.known]), { status: 200 }); // the cart the page loaded
    const method = init.method ?? "GET";
    steps.push(method === "GET" && c.call === "add" ? "read" : new Headers(init.headers).has("idempotency-key") ? "send+key" : "send");
    const answer = answers.shift();
    assert.ok(answer, `${c.name}: no answer left for ${method} ${url}`);
    if (answer.lost) throw new TypeError("fetch failed: socket hang up");
    const headers = { "content-type": "application/json" };
    if (answer.retryAfter) headers["retry-after"] = answer.retryAfter;
    return new Response(JSON.stringify(bodyOf(answer)), { status: answer.status, headers });
  };
  const sdk = await createSdk({
    baseUrl: "http://medusa.test",
    fetch,
    retry: { attempts: (c.maxAttempts ?? 3) - 1, verifyLineItemAdds: c.verify ?? true },
  });
  sdk.client.pause = async (ms) => steps.push(`wait ${ms}`);
  if (c.known) await sdk.store.cart.retrieve("cart_1");
  sdk.client.idempotencySupported = Boolean(c.keySupport);
  sending = true;
  try {
    await calls[c.call](sdk);
    steps.push("ok");
  } catch (e) {
    if (e.code === "transport.failed") steps.push("transport");
    else if (e.kind === "http") steps.push(`http ${e.status}`);
    else steps.push(`error ${e.code}`);
  }
  assert.equal(answers.length, 0, `${c.name}: every answer used`);
  assert.equal(sdk.client.core.liveExchanges(), 0, `${c.name}: the exchange is forgotten at its end`);
  return steps;
}

test("the retry scenarios both clients share", async () => {
  assert.ok(cases.length >= 20);
  for (const c of cases) assert.deepEqual(await run(c), c.expect, c.name);
});

test("an aborted call stops waiting and forgets its exchange", async () => {
  const controller = new AbortController();
  const fetch = async () => new Response("{}", { status: 503 });
  const sdk = await createSdk({ baseUrl: "http://medusa.test", fetch, retry: { delayMs: 60_000 } });
  const pending = sdk.client.fetch("/store/regions", { signal: controller.signal });
  setTimeout(() => controller.abort(), 20);
  await assert.rejects(pending, (e) => e.name === "AbortError");
  assert.equal(sdk.client.core.liveExchanges(), 0);
});
