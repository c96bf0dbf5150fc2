// Every error path of the JavaScript API: typed errors, nothing lost, nothing polluted.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createSdk, scriptedFetch, startMock } from "./helpers.mjs";
import { FetchError, MedusaPersonalizeError, PersonalizationValidationError } from "../../web/src/index.js";

let mock;
let sdk;
let shirt;
before(async () => {
  mock = await startMock();
  sdk = await createSdk({ baseUrl: mock.url });
  ({ products: [shirt] } = await sdk.store.product.list({ handle: "custom-t-shirt" }));
});
after(() => mock.stop());

const rejects = (promise, check) => assert.rejects(promise, (e) => (check(e), true));

test("HTTP errors are FetchErrors with Medusa's fields", async () => {
  await rejects(sdk.store.cart.retrieve("cart_unknown"), (e) => {
    assert.ok(e instanceof FetchError && e instanceof MedusaPersonalizeError && e instanceof Error);
    assert.deepEqual([e.status, e.statusText, e.type, e.code], [404, "Not Found", "not_found", "http.not_found"]);
    assert.equal(e.message, "Cart with id 'cart_unknown' not found");
  });
  const wrongKey = await createSdk({ baseUrl: mock.url, publishableKey: "pk_wrong" });
  await rejects(wrongKey.store.region.list(), (e) => {
    assert.equal(e.status, 400);
    assert.equal(e.type, "not_allowed");
  });
  await rejects(sdk.admin.order.list(), (e) => {
    // The real server answers a bare "Unauthorized" text here: no Medusa type.
    assert.deepEqual([e.status, e.statusText, e.type, e.code], [401, "Unauthorized", null, "http.unauthorized"]);
  });
  await rejects(sdk.auth.login("user", "emailpass", { email: "admin@example.com", password: "wrong" }), (e) => {
    assert.equal(e.status, 401);
    assert.equal(e.message, "Invalid email or password");
  });
});

test("invalid personalizations: refused before sending, and by the backend when sent directly", async () => {
  const { cart } = await sdk.store.cart.create({});
  const variant = shirt.variants[0];
  await rejects(
    sdk.store.cart.createPersonalizedLineItem(cart.id, { variant_id: variant.id, personalization: { message: "x".repeat(41) } }),
    (e) => {
      assert.ok(e instanceof PersonalizationValidationError);
      // font is required but has a default, which the SDK fills in.
      assert.deepEqual(e.issues.map((i) => [i.instance_path, i.code]), [["/message", "max_length"]]);
    },
  );
  // Sent without the SDK's validation: the backend validates with the same core.
  await rejects(sdk.store.cart.createLineItem(cart.id, { variant_id: variant.id, quantity: 1, metadata: { message: "<script>" } }), (e) => {
    assert.ok(e instanceof FetchError);
    assert.equal(e.status, 400);
    assert.equal(e.type, "invalid_data");
    assert.ok(e.details.issues.some((i) => i.instance_path === "/message" && i.code === "pattern"));
  });
  const { cart: after } = await sdk.store.cart.retrieve(cart.id);
  assert.equal(after.items.length, 0, "nothing was added");
});

test("a variant whose product the SDK has not seen needs body.product or body.schema", async () => {
  const fresh = await createSdk({ baseUrl: mock.url });
  await rejects(fresh.store.cart.createPersonalizedLineItem("cart_x", { variant_id: "variant_unseen", personalization: {} }), (e) => {
    assert.equal(e.code, "personalization.schema_unknown");
  });
  const letterless = { id: "prod_plain", variants: [{ id: "variant_plain", metadata: null }], metadata: {} };
  await rejects(
    fresh.store.cart.createPersonalizedLineItem("cart_x", { variant_id: "variant_plain", product: letterless, personalization: {} }),
    (e) => assert.equal(e.code, "personalization.no_schema"),
  );
});

test("wrong argument types name the call and the parameter", async () => {
  await rejects(sdk.store.cart.createLineItem(42, {}), (e) => {
    assert.equal(e.kind, "invalid_argument");
    assert.equal(e.message, "store.cart.createLineItem: cartId must be a non-empty string");
  });
  await rejects(sdk.store.cart.createLineItem("c", { variant_id: "v", quantity: "2" }), (e) => {
    assert.equal(e.code, "argument.body");
    assert.equal(e.path, "/quantity");
  });
  await rejects(sdk.store.cart.retrieve(undefined), (e) => assert.equal(e.code, "argument.type"));
  await rejects(sdk.store.region.list("fields=*countries"), (e) => assert.equal(e.code, "argument.type"));
  await rejects(sdk.store.cart.retrieve("c", {}, { "x-n": 1 }), (e) => assert.match(e.message, /header 'x-n' must be a string/));
  await rejects(sdk.store.region.list({}, {}, "extra"), (e) => assert.equal(e.code, "argument.count"));
  await assert.rejects(MedusaPersonalizeCreate({}), (e) => e.code === "config.base_url");
});

async function MedusaPersonalizeCreate(config) {
  const { MedusaPersonalize } = await import("../../web/src/index.js");
  return MedusaPersonalize.create(config);
}

test("values JavaScript cannot send: undefined, cycles, BigInt, functions", async () => {
  const schema = sdk.personalization.schemaFor(shirt);
  const cyclic = { message: "a" };
  cyclic.self = cyclic;
  for (const [values, code] of [
    [undefined, "argument.undefined"],
    [cyclic, "argument.cyclic"],
    [{ n: 1n }, "argument.not_json"],
    [() => 1, "argument.not_json"],
  ]) {
    assert.throws(() => schema.validate(values), (e) => e instanceof MedusaPersonalizeError && e.code === code);
  }
  await rejects(sdk.store.cart.create({ metadata: cyclic }), (e) => assert.equal(e.code, "argument.cyclic"));
});

test("lone surrogates are refused with a typed error; valid astral text passes", () => {
  const schema = sdk.personalization.schemaFor(shirt);
  assert.throws(() => schema.validate({ message: "bad \ud800", font: "Serif" }), (e) => {
    assert.equal(e.kind, "invalid_json");
    assert.match(e.message, /surrogate/);
    return true;
  });
  const report = schema.validate({ message: "Emoji \u{1F600} ok", font: "Serif" });
  assert.deepEqual(report.issues.map((i) => i.code), ["pattern"], "an emoji is not in the allowed classes");
  assert.equal(schema.validate({ message: "Zo\u00eb \u4e2d\u6587", font: "Serif" }).valid, true);
});

test("__proto__ and constructor keys never reach metadata or prototypes", () => {
  const schema = sdk.personalization.compile({ type: "object" });
  const hostile = JSON.parse('{"message":"x","__proto__":{"polluted":true},"nested":{"constructor":{"prototype":{"bad":1}}}}');
  assert.throws(() => schema.buildMetadata(hostile), (e) => {
    assert.ok(e instanceof PersonalizationValidationError);
    assert.deepEqual(e.issues.map((i) => i.instance_path).sort(), ["/__proto__", "/nested/constructor", "/nested/constructor/prototype"]);
    return true;
  });
  // Live validation gives the same verdict; plain JSON Schema validation has no such rule.
  assert.deepEqual(schema.validate(hostile).issues.map((i) => i.instance_path).sort(), ["/__proto__", "/nested/constructor", "/nested/constructor/prototype"]);
  // Results come back through JSON.parse: such keys stay plain data.
  const report = schema.validateJson(hostile);
  assert.equal(report.valid, true);
  const normalized = schema.normalize(hostile);
  assert.equal(Object.getPrototypeOf(normalized), Object.prototype);
  assert.equal({}.polluted, undefined);
  assert.equal(Object.hasOwn(normalized, "__proto__"), true);
});

test("invalid responses: not JSON, wrong envelope, too deep", async () => {
  const cases = [
    [{ status: 200, body: "<html>gateway</html>" }, "response.syntax"],
    [{ status: 200, body: { carts: [] } }, "response.shape"],
    [{ status: 200, body: "[".repeat(300) + "]".repeat(300) }, "response.too_deep"],
  ];
  for (const [response, code] of cases) {
    const { fetch } = scriptedFetch([response]);
    const local = await createSdk({ baseUrl: "http://medusa.test", fetch });
    await rejects(local.store.cart.retrieve("cart_1"), (e) => {
      assert.equal(e.kind, "invalid_response");
      assert.equal(e.code, code);
    });
  }
});

test("transport failures: FetchError status 0; idempotent calls are retried, POSTs are not", async () => {
  const down = scriptedFetch([new TypeError("connect ECONNREFUSED"), new TypeError("again"), new TypeError("and again")]);
  const offline = await createSdk({ baseUrl: "http://medusa.test", fetch: down.fetch, retry: { attempts: 2, delayMs: 1 } });
  await rejects(offline.store.region.list(), (e) => {
    assert.ok(e instanceof FetchError);
    assert.deepEqual([e.status, e.kind, e.code], [0, "transport", "transport.failed"]);
    assert.match(e.message, /ECONNREFUSED|again/);
  });
  assert.equal(down.requests.length, 3);

  const flaky = scriptedFetch([{ status: 503, body: "busy" }, { status: 200, body: { regions: [], count: 0 } }]);
  const retrying = await createSdk({ baseUrl: "http://medusa.test", fetch: flaky.fetch, retry: { attempts: 2, delayMs: 1 } });
  assert.deepEqual((await retrying.store.region.list()).regions, []);
  assert.equal(flaky.requests.length, 2);

  const post = scriptedFetch([new TypeError("reset"), { status: 200, body: { cart: {} } }]);
  const once = await createSdk({ baseUrl: "http://medusa.test", fetch: post.fetch, retry: { attempts: 2, delayMs: 1 } });
  await rejects(once.store.cart.create({}), (e) => assert.equal(e.status, 0));
  assert.equal(post.requests.length, 1, "a POST that may have arrived is not sent twice");

  // A connection lost while the body streams in is the same transport failure.
  const cut = {
    fetch: async () =>
      new Response(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('{"regions":[')); c.error(new TypeError("terminated")); } }), { status: 200 }),
  };
  const midBody = await createSdk({ baseUrl: "http://medusa.test", fetch: cut.fetch, retry: { attempts: 0 } });
  await rejects(midBody.store.region.list(), (e) => {
    assert.ok(e instanceof FetchError);
    assert.deepEqual([e.status, e.code], [0, "transport.failed"]);
  });

  const closed = await createSdk({ baseUrl: "http://127.0.0.1:9", retry: { attempts: 0 } });
  await rejects(closed.store.region.list(), (e) => assert.equal(e.code, "transport.failed"));
});

// A fetch to the real mock that loses the first `drops` line-item adds: after the server
// handled them (the answer is lost) or before (the request is lost on the way). It hides
// the mock's Idempotency-Key support, as a Medusa without the plugin would answer.
function droppingFetch(lose, drops) {
  const seen = [];
  const withoutKeySupport = async (response) => {
    const headers = new Headers(response.headers);
    headers.delete("idempotency-key-support");
    return new Response(await response.arrayBuffer(), { status: response.status, statusText: response.statusText, headers });
  };
  const fetch = async (url, init) => {
    seen.push(`${init.method} ${new URL(url).pathname}`);
    if (init.method === "POST" && url.includes("/line-items") && drops-- > 0) {
      if (lose === "answer") await globalThis.fetch(url, init);
      throw new TypeError("fetch failed: socket hang up");
    }
    return withoutKeySupport(await globalThis.fetch(url, init));
  };
  return { fetch, seen };
}

test("a line-item add whose connection drops is retried without duplicating anything", async () => {
  for (const lose of ["answer", "request"]) {
    const { cart } = await sdk.store.cart.create({});
    const body = { variant_id: shirt.variants[0].id, quantity: 2, personalization: { message: `Drop ${lose}` } };
    await sdk.store.cart.createPersonalizedLineItem(cart.id, body);
    const dropping = droppingFetch(lose, 1);
    const flaky = await createSdk({ baseUrl: mock.url, fetch: dropping.fetch, retry: { delayMs: 1 } });
    flaky.personalization.remember(shirt);
    await flaky.store.cart.retrieve(cart.id); // a storefront reads its cart as a page loads
    const added = await flaky.store.cart.createPersonalizedLineItem(cart.id, { ...body, quantity: 1 });
    assert.equal(added.cart.items.length, 1, lose);
    assert.equal(added.cart.items[0].quantity, 3, `${lose}: 2 + 1, not 2 + 1 + 1`);
    const { cart: stored } = await sdk.store.cart.retrieve(cart.id);
    assert.equal(stored.items[0].quantity, 3);
    const path = `/store/carts/${cart.id}`;
    assert.deepEqual(
      dropping.seen,
      lose === "answer" ? [`GET ${path}`, `POST ${path}/line-items`, `GET ${path}`] : [`GET ${path}`, `POST ${path}/line-items`, `GET ${path}`, `POST ${path}/line-items`],
    );
  }

  // Verification off: the add is sent once and the lost answer is the error.
  const { cart } = await sdk.store.cart.create({});
  const dropping = droppingFetch("answer", 1);
  const blind = await createSdk({ baseUrl: mock.url, fetch: dropping.fetch, retry: { verifyLineItemAdds: false } });
  await rejects(blind.store.cart.createLineItem(cart.id, { variant_id: shirt.variants[0].id, quantity: 1 }), (e) => {
    assert.ok(e instanceof FetchError);
    assert.equal(e.status, 0);
  });
  assert.deepEqual(dropping.seen, [`POST /store/carts/${cart.id}/line-items`]);
});

test("a lost add whose line another request changed meanwhile is a typed error, not a guess", async () => {
  const line = (quantity) => ({ cart: { id: "cart_1", items: [{ id: "li_1", variant_id: "v", quantity, metadata: { m: 1 } }] } });
  const scripted = scriptedFetch([{ body: line(1) }, new TypeError("reset"), { body: line(5) }]);
  const local = await createSdk({ baseUrl: "http://medusa.test", fetch: scripted.fetch, retry: { delayMs: 1 } });
  await local.store.cart.retrieve("cart_1"); // the cart as this client last saw it
  await rejects(local.store.cart.createLineItem("cart_1", { variant_id: "v", quantity: 1, metadata: { m: 1 } }), (e) => {
    assert.ok(e instanceof FetchError);
    assert.deepEqual([e.status, e.kind, e.code], [0, "transport", "transport.add_unverified"]);
    assert.deepEqual([e.details.quantity_before, e.details.quantity_after], [1, 5]);
  });
  assert.deepEqual(
    scripted.requests.map((r) => r.method),
    ["GET", "POST", "GET"],
  );
  // A 503 on the add is checked the same way; the cart unchanged means: send it again.
  const busy = scriptedFetch([{ body: line(1) }, { status: 503, body: "busy" }, { body: line(1) }, { body: line(2) }]);
  const again = await createSdk({ baseUrl: "http://medusa.test", fetch: busy.fetch, retry: { delayMs: 1 } });
  await again.store.cart.retrieve("cart_1");
  const { cart } = await again.store.cart.createLineItem("cart_1", { variant_id: "v", quantity: 1, metadata: { m: 1 } });
  assert.equal(cart.items[0].quantity, 2);
  assert.deepEqual(busy.requests.map((r) => r.method), ["GET", "POST", "GET", "POST"]);
  // No retries left, but the lost add did land: the cart is returned, not an error.
  const last = scriptedFetch([{ body: line(1) }, new TypeError("reset"), { body: line(2) }]);
  const noRetry = await createSdk({ baseUrl: "http://medusa.test", fetch: last.fetch, retry: { attempts: 0 } });
  await noRetry.store.cart.retrieve("cart_1");
  const landed = await noRetry.store.cart.createLineItem("cart_1", { variant_id: "v", quantity: 1, metadata: { m: 1 } });
  assert.equal(landed.cart.items[0].quantity, 2);
  assert.deepEqual(last.requests.map((r) => r.method), ["GET", "POST", "GET"]);

  // The happy path is one request: the cart is read only after an answer is lost.
  const happy = scriptedFetch([{ body: line(1) }]);
  const direct = await createSdk({ baseUrl: "http://medusa.test", fetch: happy.fetch });
  await direct.store.cart.createLineItem("cart_1", { variant_id: "v", quantity: 1, metadata: { m: 1 } });
  assert.deepEqual(happy.requests.map((r) => r.method), ["POST"]);
  // A cart this client never saw: a matching line after a lost answer cannot be judged.
  const unseen = scriptedFetch([new TypeError("reset"), { body: line(1) }]);
  const stranger = await createSdk({ baseUrl: "http://medusa.test", fetch: unseen.fetch, retry: { delayMs: 1 } });
  await rejects(stranger.store.cart.createLineItem("cart_1", { variant_id: "v", quantity: 1, metadata: { m: 1 } }), (e) => {
    assert.equal(e.code, "transport.add_unverified");
    assert.deepEqual([e.details.quantity_before, e.details.quantity_after], [null, 1]);
  });
  // ... but no matching line means it did not land: sent again.
  const absent = scriptedFetch([new TypeError("reset"), { body: { cart: { id: "cart_1", items: [] } } }, { body: line(1) }]);
  const resent = await createSdk({ baseUrl: "http://medusa.test", fetch: absent.fetch, retry: { delayMs: 1 } });
  assert.equal((await resent.store.cart.createLineItem("cart_1", { variant_id: "v", quantity: 1, metadata: { m: 1 } })).cart.items[0].quantity, 1);
  assert.deepEqual(absent.requests.map((r) => r.method), ["POST", "GET", "POST"]);
  assert.equal(resent.client.core.liveExchanges(), 0, "every exchange is forgotten at its end");
});

test("bodies over Medusa's 100 KiB limit are refused before sending", async () => {
  const { fetch, requests } = scriptedFetch([]);
  const local = await createSdk({ baseUrl: "http://medusa.test", fetch });
  await rejects(local.store.cart.create({ metadata: { blob: "x".repeat(110000) } }), (e) => {
    assert.equal(e.kind, "request_too_large");
    assert.equal(e.details.limit, 102400);
  });
  assert.equal(requests.length, 0);
});

test("uploads: only PNG/JPEG by their bytes, size-limited, print rules enforced", async () => {
  const schema = sdk.personalization.schemaFor(shirt);
  await rejects(sdk.personalization.uploadImage(new TextEncoder().encode("<svg onload=alert(1)>"), { filename: "x.png" }), (e) =>
    assert.equal(e.code, "image.unsupported_type"),
  );
  const png = await (await import("node:fs/promises")).readFile(new URL("../fixtures/images/photo-640x480.png", import.meta.url));
  await rejects(sdk.personalization.uploadImage(png, { maxBytes: 100 }), (e) => assert.equal(e.code, "upload.too_large"));
  await rejects(sdk.personalization.uploadImage(png, { schema, field: "photo" }), (e) => {
    assert.ok(e instanceof PersonalizationValidationError);
    assert.ok(e.issues.length > 0);
  });
  await rejects(sdk.personalization.checkImage("not bytes"), (e) => assert.equal(e.code, "argument.type"));
  // No answer to an upload is the same FetchError (status 0) as for any other call.
  const down = scriptedFetch([new TypeError("connect ECONNREFUSED")]);
  const offline = await createSdk({ baseUrl: "http://medusa.test", fetch: down.fetch });
  await rejects(offline.personalization.uploadImage(png), (e) => {
    assert.ok(e instanceof FetchError);
    assert.deepEqual([e.status, e.code], [0, "transport.failed"]);
  });
});

test("a disposed schema fails cleanly; schemas are released when collected", () => {
  const schema = sdk.personalization.compile({ type: "object", properties: { a: { type: "string" } } });
  assert.equal(schema.validate({ a: "x" }).valid, true);
  schema.dispose();
  assert.throws(() => schema.validate({ a: "x" }), (e) => e.code === "personalization.schema_released");
  schema.dispose(); // twice is harmless
});

test("a schema's fingerprint, document and fields are read once, and stay readable after dispose()", () => {
  const document = { type: "object", required: ["a"], properties: { a: { type: "string", title: "Your text", maxLength: 9 } } };
  const twin = sdk.personalization.compile(structuredClone(document));
  const disposed = sdk.personalization.compile(structuredClone(document));
  disposed.dispose(); // before anything was read
  for (const schema of [twin, disposed]) {
    assert.match(schema.fingerprint, /^fnv1a64:[0-9a-f]{16}$/);
    assert.deepEqual(schema.document, document);
    assert.deepEqual(schema.fields.map((f) => [f.name, f.label, f.required]), [["a", "Your text", true]]);
    assert.ok(Object.isFrozen(schema.fields) && Object.isFrozen(schema.fields[0]));
    assert.equal(schema.fields, schema.fields, "read from the core once, then kept");
    assert.deepEqual(Object.keys(schema), ["fingerprint", "document", "fields"]);
  }
  assert.equal(disposed.fingerprint, twin.fingerprint);
  assert.equal(JSON.stringify(disposed), JSON.stringify(twin));
  assert.throws(() => disposed.validate({ a: "x" }), (e) => e.code === "personalization.schema_released");
  twin.dispose();
});

test("complete: a cart without payment is a FetchError; {type: 'cart', error} is returned, not thrown", async () => {
  const { cart } = await sdk.store.cart.create({});
  await rejects(sdk.store.cart.complete(cart.id), (e) => {
    assert.deepEqual([e.status, e.type], [400, "invalid_data"]);
    assert.equal(e.message, "Payment collection has not been initiated for cart");
  });
  const failed = { type: "cart", cart: { id: "cart_1" }, error: { message: "Payment authorization failed", name: "Error", type: "payment_authorization_error" } };
  const { fetch } = scriptedFetch([{ status: 200, body: failed }]);
  const local = await createSdk({ baseUrl: "http://medusa.test", fetch });
  assert.deepEqual(await local.store.cart.complete("cart_1"), failed);
});
