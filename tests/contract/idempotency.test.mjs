// Safe retries of an add on a real Medusa with the plugin (the same cases as against the
// mock backend: tests/shared/idempotency-cases.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createSdk, env, shirtWithSchema } from "./helpers.mjs";
import { defineIdempotencyCases } from "../shared/idempotency-cases.mjs";

defineIdempotencyCases(async () => {
  const shirt = await shirtWithSchema();
  return { url: env.url, key: env.key, regionId: env.regionId, variantId: shirt.variants[0].id, schema: shirt.schema, createSdk };
});

// A storefront on another origin (the app's storeCors, http://localhost:8000) may send
// the key and read the support and replay headers.
test("cross-origin storefronts: the key passes the preflight, the headers are readable", async () => {
  const origin = "http://localhost:8000";
  const preflight = await fetch(`${env.url}/store/carts/cart_x/line-items`, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type,idempotency-key,x-publishable-api-key" },
  });
  assert.ok(preflight.status === 204 || preflight.status === 200, String(preflight.status));
  assert.match(preflight.headers.get("access-control-allow-headers") ?? "", /idempotency-key/i);
  const answer = await fetch(`${env.url}/store/regions`, { headers: { origin, "x-publishable-api-key": env.key } });
  assert.equal(answer.headers.get("access-control-allow-origin"), origin);
  const exposed = (answer.headers.get("access-control-expose-headers") ?? "").toLowerCase();
  assert.ok(exposed.includes("idempotency-key-support") && exposed.includes("idempotent-replayed"), exposed);
});
