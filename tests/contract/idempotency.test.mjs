// Safe retries of an add on a real Medusa with the plugin: Idempotency-Key semantics
// with plain fetch, racing requests, and the npm package retrying an add whose answer a
// proxy dropped after the server had answered.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { createSdk, env, shirtWithSchema, sqlCount, store } from "./helpers.mjs";

let variantId;
before(async () => {
  variantId = (await shirtWithSchema()).variants[0].id;
});

const newCart = async () => (await store("POST", "/store/carts", { region_id: env.regionId })).body.cart.id;
const add = (cartId, key, metadata = { message: "Once only", font: "Serif" }, quantity = 1) =>
  store("POST", `/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity, metadata }, key === null ? {} : { "idempotency-key": key });

test("a replay returns the first answer; another request under the same key is refused", async () => {
  const cartId = await newCart();
  const first = await add(cartId, "add-1");
  assert.equal(first.status, 200);
  assert.equal(first.headers.get("idempotent-replayed"), null);
  const replay = await add(cartId, "add-1");
  assert.equal(replay.status, 200);
  assert.equal(replay.headers.get("idempotent-replayed"), "true");
  assert.deepEqual(replay.body, first.body, "the stored answer, byte for byte the same JSON");
  assert.deepEqual(replay.body.cart.items.map((i) => i.quantity), [1]);

  const other = await add(cartId, "add-1", { message: "Something else", font: "Serif" });
  assert.equal(other.status, 422);
  assert.deepEqual(other.body, { type: "invalid_data", message: 'The Idempotency-Key "add-1" was already used with a different request' });

  // Without a key, or with a new one, the add runs (and merges) as Medusa does.
  assert.deepEqual((await add(cartId, "add-2")).body.cart.items.map((i) => i.quantity), [2]);
  assert.deepEqual((await add(cartId, null)).body.cart.items.map((i) => i.quantity), [3]);
  // The same key on another cart is another request.
  const otherCart = await newCart();
  assert.equal((await add(otherCart, "add-1")).headers.get("idempotent-replayed"), null);

  for (const bad of ["", "x".repeat(256), "sp ace", "caf\u00e9"]) {
    const refused = await store("POST", `/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity: 1 }, { "idempotency-key": bad }).catch((e) => ({ status: "unsendable", error: e }));
    if (refused.status === "unsendable") continue; // fetch itself refuses some header values
    assert.equal(refused.status, 400, `key ${JSON.stringify(bad)}: ${JSON.stringify(refused.body)}`);
  }
  assert.equal(first.headers.get("idempotency-key-support"), "retention=86400");
});

test("a refused personalization is replayed as refused, and stores nothing", async () => {
  const cartId = await newCart();
  const tooLong = { message: "x".repeat(41), font: "Serif" };
  const first = await add(cartId, "bad-1", tooLong);
  const again = await add(cartId, "bad-1", tooLong);
  assert.deepEqual([first.status, again.status], [400, 400]);
  assert.deepEqual(again.body, first.body);
  assert.equal(again.headers.get("idempotent-replayed"), "true");
  assert.equal(sqlCount(`select count(*) from cart_line_item where cart_id = '${cartId}'`), 0);
});

test("racing requests with one key make one line", async () => {
  const cartId = await newCart();
  const answers = await Promise.all(Array.from({ length: 6 }, () => add(cartId, "race-1")));
  const statuses = answers.map((a) => a.status).sort();
  assert.ok(statuses.every((s) => s === 200 || s === 409), statuses.join(","));
  assert.ok(statuses.includes(200));
  for (const a of answers.filter((x) => x.status === 409)) assert.equal(a.body.type, "conflict");
  const { body } = await store("GET", `/store/carts/${cartId}?fields=*items`);
  assert.deepEqual(body.cart.items.map((i) => i.quantity), [1]);
});

// A proxy that drops the answer of the first line-item add after the server answered.
let proxy;
const seen = [];
before(async () => {
  let dropped = false;
  const upstream = new URL(env.url);
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const forwarded = http.request(
        { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, host: upstream.host } },
        (answer) => {
          const body = [];
          answer.on("data", (c) => body.push(c));
          answer.on("end", () => {
            const isAdd = req.method === "POST" && /\/line-items$/.test(req.url.split("?")[0]);
            seen.push({ method: req.method, path: req.url.split("?")[0], key: req.headers["idempotency-key"] ?? null, replayed: answer.headers["idempotent-replayed"] ?? null, status: answer.statusCode });
            if (isAdd && !dropped) {
              dropped = true;
              req.socket.destroy(); // the server has answered; the client never hears it
              return;
            }
            res.writeHead(answer.statusCode, answer.headers);
            res.end(Buffer.concat(body));
          });
        },
      );
      forwarded.on("error", () => res.destroy());
      forwarded.end(Buffer.concat(chunks));
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy = { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
});
after(() => proxy?.close());

test("the npm package retries an add whose answer was lost, with its key: one line, the right quantity", async () => {
  const sdk = await createSdk({ baseUrl: proxy.url, retry: { attempts: 2, delayMs: 50 } });
  const { product } = await sdk.store.product.retrieve((await shirtWithSchema()).id);
  assert.equal(sdk.client.idempotencySupported, true, "learned from the first answer");
  const { cart } = await sdk.store.cart.create({ region_id: env.regionId });
  seen.length = 0;
  const added = await sdk.store.cart.createPersonalizedLineItem(cart.id, {
    variant_id: product.variants[0].id,
    quantity: 2,
    personalization: { message: "Lost and found", font: "Mono" },
  });
  assert.deepEqual(added.cart.items.map((i) => i.quantity), [2]);
  assert.deepEqual(
    seen.map((s) => [s.method, s.path.replace(cart.id, ":id"), s.replayed, s.status]),
    [
      ["POST", "/store/carts/:id/line-items", null, 200],
      ["POST", "/store/carts/:id/line-items", "true", 200],
    ],
    "no cart read: the retry carries the same key and gets the stored answer",
  );
  assert.equal(seen[0].key, seen[1].key);
  assert.match(seen[0].key, /^[0-9a-f-]{32,36}$/);
  const { cart: stored } = await sdk.store.cart.retrieve(cart.id);
  assert.deepEqual(stored.items.map((i) => i.quantity), [2]);
});
