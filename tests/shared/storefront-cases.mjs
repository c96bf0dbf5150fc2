// What a storefront developer hits in the first hour, run against both servers (the mock
// backend in tests/js, a real Medusa with the plugin in tests/contract). `target` gives:
//   url, key (publishable), regionId, variantId (a personalized variant, whose schema
//   words its pattern issue in `x-messages`), createSdk(config) -> the npm package's client.
import { test, before } from "node:test";
import assert from "node:assert/strict";

const VALID = { message: "Happy birthday", font: "Serif" };
const OTHER = { message: "Congratulations", font: "Script" };
const ADMIN = { email: "admin@example.com", password: "supersecret" };

/**
 * A fetch with a cookie jar (Node's fetch keeps no cookies), recording each request;
 * `hideKeySupport` answers as a Medusa without the plugin (no Idempotency-Key support).
 */
export function cookieFetch({ hideKeySupport = false } = {}) {
  const jar = new Map();
  const requests = [];
  const fetchWithCookies = async (url, init = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size) headers.set("cookie", [...jar].map(([name, value]) => `${name}=${value}`).join("; "));
    requests.push({ method: init.method ?? "GET", url: String(url), headers });
    const response = await fetch(url, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === "" || /expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    if (!hideKeySupport) return response;
    const answerHeaders = new Headers(response.headers);
    answerHeaders.delete("idempotency-key-support");
    return new Response(await response.arrayBuffer(), { status: response.status, statusText: response.statusText, headers: answerHeaders });
  };
  return { fetch: fetchWithCookies, requests, jar };
}

export function defineStorefrontCases(target) {
  let t;
  let productId;
  let createSdk;
  before(async () => {
    t = await target();
    createSdk = (config = {}) => t.createSdk({ baseUrl: t.url, publishableKey: t.key, auth: { jwtTokenStorageMethod: "memory" }, ...config });
    const sdk = await createSdk();
    const { products } = await sdk.store.product.list({ limit: 50 });
    productId = products.find((p) => p.variants?.some((v) => v.id === t.variantId)).id;
  });
  const newCart = async (sdk) => (await sdk.store.cart.create({ region_id: t.regionId })).cart.id;
  const lineOf = (cart) => cart.items.find((item) => item.variant_id === t.variantId);

  test("a product fetched without its metadata never erases a known schema", async () => {
    const sdk = await createSdk();
    const { product: full } = await sdk.store.product.retrieve(productId);
    const schema = sdk.personalization.schemaFor(full, t.variantId);
    assert.ok(schema, "the product page's response carries the schema");
    // A product card asks for a few fields only: no metadata, so nothing is known.
    const { product: card } = await sdk.store.product.retrieve(productId, { fields: "id,title,*variants" });
    assert.equal("metadata" in card, false);
    assert.equal(sdk.personalization.schemaFor(card, t.variantId), undefined, "unknown, not 'not personalized'");
    const cartId = await newCart(sdk);
    const { cart } = await sdk.store.cart.createPersonalizedLineItem(cartId, { variant_id: t.variantId, quantity: 1, personalization: VALID, product: card });
    assert.equal(lineOf(cart).metadata._personalization_schema, schema.fingerprint);
    const { cart: again } = await sdk.store.cart.createPersonalizedLineItem(cartId, { variant_id: t.variantId, quantity: 1, personalization: VALID });
    assert.equal(lineOf(again).quantity, 2, "the variant's schema is still known after the card's response");

    // A client that only ever saw the card cannot know, and says so.
    const fresh = await createSdk();
    await fresh.store.product.retrieve(productId, { fields: "id,title,*variants" });
    await assert.rejects(
      fresh.store.cart.createPersonalizedLineItem(cartId, { variant_id: t.variantId, quantity: 1, personalization: VALID }),
      (e) => e.code === "personalization.schema_unknown" && /with its metadata/.test(e.message),
    );
  });

  test("editing a personalization from a stale line object keeps the quantity and replaces every key", async () => {
    const sdk = await createSdk();
    await sdk.store.product.retrieve(productId);
    const cartId = await newCart(sdk);
    const add = () => sdk.store.cart.createPersonalizedLineItem(cartId, { variant_id: t.variantId, quantity: 1, personalization: VALID });
    const kept = lineOf((await add()).cart); // the object a page keeps
    assert.equal(lineOf((await add()).cart).quantity, 2, "the same personalization merged");
    // Another tab adds a colour to the line.
    await sdk.store.cart.updatePersonalizedLineItem(cartId, kept.id, { personalization: { ...VALID, colour: "#aa0000" } });
    // Edited from the kept object: the server's line is the starting point.
    const { cart } = await sdk.store.cart.updatePersonalizedLineItem(cartId, kept, { personalization: OTHER });
    const line = lineOf(cart);
    assert.equal(line.quantity, 2, "an edit never changes the quantity unless asked");
    assert.deepEqual(
      Object.keys(line.metadata).sort(),
      ["_personalization_schema", "colour", "font", "message"],
      "the colour is the schema's default now, not the other tab's",
    );
    assert.equal(line.metadata.message, OTHER.message);
    assert.equal(line.metadata.colour, "#1d1d1f");
    const { cart: fewer } = await sdk.store.cart.updatePersonalizedLineItem(cartId, kept, { personalization: OTHER, quantity: 1 });
    assert.equal(lineOf(fewer).quantity, 1, "unless asked");
    await assert.rejects(
      sdk.store.cart.updatePersonalizedLineItem(cartId, "cali_does_not_exist", { personalization: OTHER }),
      (e) => e.code === "argument.line_item",
    );
  });

  test("live validation gives the verdict the add to cart gives, in the schema's words", async () => {
    const sdk = await createSdk();
    const { product } = await sdk.store.product.retrieve(productId);
    const schema = sdk.personalization.schemaFor(product, t.variantId);
    const cartId = await newCart(sdk);
    const add = (personalization) => sdk.store.cart.createPersonalizedLineItem(cartId, { variant_id: t.variantId, quantity: 1, personalization });

    const reserved = { ...VALID, _note: "x" };
    const report = schema.validate(reserved);
    assert.equal(report.valid, false);
    assert.deepEqual(report.issues.map((i) => [i.instance_path, i.code]), [["/_note", "reserved_key"], ["/_note", "additional_properties"]]);
    await assert.rejects(add(reserved), (e) => e.code === "personalization.invalid" && JSON.stringify(e.issues) === JSON.stringify(report.issues));

    // Judged as stored: trimmed, the blank optional colour dropped.
    const padded = { message: "  Happy birthday  ", font: "Serif", colour: "" };
    assert.equal(schema.validate(padded).valid, true);
    assert.equal(lineOf((await add(padded)).cart).metadata.message, "Happy birthday");

    // The schema's own wording (x-messages) is the issue's message, live and on add.
    const shouted = { message: "<b>Hi</b>", font: "Serif" };
    const worded = schema.validate(shouted).issues.find((i) => i.code === "pattern");
    assert.match(worded.message, /^Use letters, digits, spaces/);
    await assert.rejects(add(shouted), (e) => e.issues.some((i) => i.code === "pattern" && i.message === worded.message));
  });

  test("the same message typed composed or with combining marks is one line (NFC)", async () => {
    const sdk = await createSdk();
    await sdk.store.product.retrieve(productId); // the product page: its schema is known
    const cartId = await newCart(sdk);
    const add = (message) =>
      sdk.store.cart.createPersonalizedLineItem(cartId, { variant_id: t.variantId, quantity: 1, personalization: { message, font: "Serif" } });
    await add("Für Zoë");
    const { cart } = await add("Fu\u0308r Zoe\u0308"); // a phone's dead keys
    const lines = cart.items.filter((item) => item.variant_id === t.variantId);
    assert.equal(lines.length, 1, "one visible message, one line");
    assert.equal(lines[0].quantity, 2);
    assert.equal(lines[0].metadata.message, "F\u00fcr Zo\u00eb");
  });

  test("session auth: login exchanges the token for a cookie, logout ends the session", async () => {
    const jar = cookieFetch();
    const sdk = await createSdk({ auth: { type: "session", jwtTokenStorageMethod: "memory" }, fetch: jar.fetch });
    const token = await sdk.auth.login("user", "emailpass", ADMIN);
    assert.equal(typeof token, "string");
    const session = jar.requests.find((r) => r.url.endsWith("/auth/session"));
    assert.equal(session?.method, "POST");
    assert.equal(session.headers.get("authorization"), `Bearer ${token}`);
    assert.ok(jar.jar.has("connect.sid"), "the session cookie");
    assert.equal(await sdk.client.getToken(), "", "session mode keeps no token");
    const { orders } = await sdk.admin.order.list({ limit: 1 });
    assert.ok(Array.isArray(orders));
    const adminCall = jar.requests.at(-1);
    assert.equal(adminCall.headers.get("authorization"), null, "authenticated by the cookie alone");

    await sdk.auth.logout();
    assert.deepEqual([jar.requests.at(-1).method, new URL(jar.requests.at(-1).url).pathname], ["DELETE", "/auth/session"]);
    jar.jar.clear();
    await assert.rejects(sdk.admin.order.list({ limit: 1 }), (e) => e.status === 401);
  });

  test("an add is one request on the happy path, with or without the server's key support", async () => {
    for (const hideKeySupport of [false, true]) await oneRequestPerAdd(hideKeySupport);
  });

  async function oneRequestPerAdd(hideKeySupport) {
    const counted = cookieFetch({ hideKeySupport });
    const sdk = await createSdk({ fetch: counted.fetch });
    const { product } = await sdk.store.product.retrieve(productId);
    const schema = sdk.personalization.schemaFor(product, t.variantId);
    const cartId = await newCart(sdk);
    const methodsOf = async (add) => {
      const before = counted.requests.length;
      await add();
      return counted.requests.slice(before).map((r) => r.method);
    };
    for (const personalization of [VALID, OTHER]) {
      const add = () => sdk.store.cart.createPersonalizedLineItem(cartId, { variant_id: t.variantId, quantity: 1, personalization });
      assert.deepEqual(await methodsOf(add), ["POST"]);
    }
    const plain = () => sdk.store.cart.createLineItem(cartId, { variant_id: t.variantId, quantity: 1, metadata: schema.buildMetadata(VALID) });
    assert.deepEqual(await methodsOf(plain), ["POST"]);
    const keyed = counted.requests.filter((r) => r.headers.has("idempotency-key")).length;
    assert.equal(keyed, hideKeySupport ? 0 : 3, "keys exactly when the server honours them");
  }
}
