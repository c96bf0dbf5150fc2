// Idempotency-Key cases run against both servers (the mock backend in tests/js, a real
// Medusa with the plugin in tests/contract), so that both agree. `target` gives:
//   url, key (publishable), regionId, variantId (a personalized variant),
//   createSdk(config) -> the npm package's client.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";

const VALID = { message: "Once only", font: "Serif" };

export function defineIdempotencyCases(target) {
  let t;
  before(async () => {
    t = await target();
  });

  const send = async (method, route, body, headers = {}) => {
    const response = await fetch(t.url + route, {
      method,
      headers: { "content-type": "application/json", "x-publishable-api-key": t.key, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json(), headers: response.headers };
  };
  const newCart = async () => (await send("POST", "/store/carts", { region_id: t.regionId })).body.cart.id;
  const add = (cartId, key, metadata = VALID, quantity = 1) =>
    send("POST", `/store/carts/${cartId}/line-items`, { variant_id: t.variantId, quantity, metadata }, key === null ? {} : { "idempotency-key": key });
  const quantities = async (cartId) => (await send("GET", `/store/carts/${cartId}`)).body.cart.items.map((i) => i.quantity);

  test("a replay returns the first answer; another request under the same key is refused", async () => {
    const cartId = await newCart();
    const first = await add(cartId, "add-1");
    assert.equal(first.status, 200);
    assert.equal(first.headers.get("idempotent-replayed"), null);
    assert.equal(first.headers.get("idempotency-key-support"), "retention=86400");
    const replay = await add(cartId, "add-1");
    assert.equal(replay.status, 200);
    assert.equal(replay.headers.get("idempotent-replayed"), "true");
    assert.deepEqual(replay.body, first.body, "the stored answer");
    assert.deepEqual(await quantities(cartId), [1]);

    const other = await add(cartId, "add-1", { message: "Something else", font: "Serif" });
    assert.equal(other.status, 422);
    assert.deepEqual(other.body, { type: "invalid_data", message: 'The Idempotency-Key "add-1" was already used with a different request' });

    // Without a key, or with a new one, the add runs (and merges).
    assert.equal((await add(cartId, "add-2")).status, 200);
    assert.equal((await add(cartId, null)).status, 200);
    assert.deepEqual(await quantities(cartId), [3]);
    // The same key on another cart is another request.
    const otherCart = await newCart();
    assert.equal((await add(otherCart, "add-1")).headers.get("idempotent-replayed"), null);
    assert.deepEqual(await quantities(otherCart), [1]);

    for (const bad of ["x".repeat(256), "sp ace"]) {
      const refused = await add(cartId, bad);
      assert.equal(refused.status, 400, `key ${JSON.stringify(bad)}: ${JSON.stringify(refused.body)}`);
      assert.equal(refused.body.message, "Invalid request: the Idempotency-Key header must be 1 to 255 visible ASCII characters");
    }
    assert.deepEqual(await quantities(cartId), [3]);
  });

  test("a refused personalization is replayed as refused, and stores nothing", async () => {
    const cartId = await newCart();
    const tooLong = { message: "x".repeat(41), font: "Serif" };
    const first = await add(cartId, "bad-1", tooLong);
    const again = await add(cartId, "bad-1", tooLong);
    assert.deepEqual([first.status, again.status], [400, 400]);
    assert.equal(first.body.message, "Invalid personalization: /message: At most 40 characters");
    assert.deepEqual(again.body, first.body);
    assert.equal(again.headers.get("idempotent-replayed"), "true");
    assert.deepEqual(await quantities(cartId), []);
  });

  test("racing requests with one key make one line", async () => {
    const cartId = await newCart();
    const answers = await Promise.all(Array.from({ length: 6 }, () => add(cartId, "race-1")));
    const statuses = answers.map((a) => a.status);
    assert.ok(statuses.every((s) => s === 200 || s === 409), statuses.join(","));
    assert.ok(statuses.includes(200));
    for (const a of answers.filter((x) => x.status === 409)) assert.equal(a.body.type, "conflict");
    assert.deepEqual(await quantities(cartId), [1]);
  });

  // A proxy that drops the answer of the first line-item add after the server answered.
  let proxy;
  const seen = [];
  before(async () => {
    let dropped = false;
    const server = http.createServer((req, res) => {
      const upstream = new URL(t.url);
      const chunks = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", () => {
        const headers = { ...req.headers, host: upstream.host };
        const forwarded = http.request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers }, (answer) => {
          const body = [];
          answer.on("data", (c) => body.push(c));
          answer.on("end", () => {
            const path = req.url.split("?")[0];
            seen.push({ method: req.method, path, key: req.headers["idempotency-key"] ?? null, replayed: answer.headers["idempotent-replayed"] ?? null, status: answer.statusCode });
            if (req.method === "POST" && path.endsWith("/line-items") && !dropped) {
              dropped = true;
              req.socket.destroy(); // the server has answered; the client never hears it
              return;
            }
            res.writeHead(answer.statusCode, answer.headers);
            res.end(Buffer.concat(body));
          });
        });
        forwarded.on("error", () => res.destroy());
        forwarded.end(Buffer.concat(chunks));
      });
    });
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    proxy = { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
  });
  after(() => proxy?.close());

  test("the npm package retries an add whose answer was lost, with its key: one line, the right quantity", async () => {
    const sdk = await t.createSdk({ baseUrl: proxy.url, retry: { attempts: 2, delayMs: 50 } });
    const { regions } = await sdk.store.region.list();
    assert.ok(regions.length > 0);
    assert.equal(sdk.client.idempotencySupported, true, "learned from the first answer");
    const { cart } = await sdk.store.cart.create({ region_id: t.regionId });
    seen.length = 0;
    const added = await sdk.store.cart.createPersonalizedLineItem(cart.id, {
      variant_id: t.variantId,
      quantity: 2,
      personalization: { message: "Lost and found", font: "Mono" },
      schema: t.schema,
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
    assert.deepEqual(await quantities(cart.id), [2]);
  });
}
