// Shared by the contract tests, which run against a real Medusa 2.21.2 with the plugin
// installed from its packed tarball (scripts/contract/run.sh starts it and sets these):
//   MEDUSA_URL, PUBLISHABLE_KEY, REGION_ID, CONTRACT_APP (the app's folder), DATABASE_URL.
import { execFileSync } from "node:child_process";
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the contract tests through scripts/contract/run.sh`);
  return value;
}

export const env = {
  url: required("MEDUSA_URL"),
  key: required("PUBLISHABLE_KEY"),
  regionId: required("REGION_ID"),
  app: required("CONTRACT_APP"),
  databaseUrl: required("DATABASE_URL"),
};
export const ADMIN = { email: "admin@example.com", password: "supersecret" };

/** The npm package as the app installed it (from its packed tarball). */
export async function loadPackage() {
  const entry = createRequire(path.join(env.app, "package.json")).resolve("medusa-personalize");
  return import(pathToFileURL(entry).href);
}

export async function createSdk(config = {}) {
  const { MedusaPersonalize } = await loadPackage();
  return MedusaPersonalize.create({ baseUrl: env.url, publishableKey: env.key, auth: { jwtTokenStorageMethod: "memory" }, ...config });
}

export const image = (name) => readFile(path.join(repo, "tests/fixtures/images", name));
export const shirtSchema = async () => JSON.parse(await readFile(path.join(repo, "tests/fixtures/schemas/custom-t-shirt.json"), "utf8"));

/** A JSON request with plain fetch (no SDK): { status, body, headers }. */
export async function send(method, route, body, headers = {}) {
  const response = await fetch(env.url + route, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: kept as text
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

export const store = (method, route, body, headers = {}) => send(method, route, body, { "x-publishable-api-key": env.key, ...headers });

let adminToken = null;
export async function admin(method, route, body) {
  if (!adminToken) {
    const { status, body: login } = await send("POST", "/auth/user/emailpass", ADMIN);
    if (status !== 200) throw new Error(`admin login: ${status}`);
    adminToken = login.token;
  }
  return send(method, route, body, { authorization: `Bearer ${adminToken}` });
}

/** One number from the app's database (psql from Debian's postgresql-client). */
export function sqlCount(sql) {
  return Number(execFileSync("psql", [env.databaseUrl, "-tAc", sql], { encoding: "utf8" }).trim());
}

/** The files the local File Module provider has written. */
export async function storedFiles() {
  return readdir(path.join(env.app, "static")).catch(() => []);
}

/** A product without a personalization schema, sold in the publishable key's channel. */
export async function createPlainProduct(title) {
  const { body: keys } = await admin("GET", `/admin/api-keys?type=publishable&fields=id,token,*sales_channels`);
  const channel = keys.api_keys.find((k) => k.token === env.key).sales_channels[0].id;
  const { status, body } = await admin("POST", "/admin/products", {
    title,
    status: "published",
    options: [{ title: "Size", values: ["One size"] }],
    variants: [{ title: "One size", options: { Size: "One size" }, manage_inventory: false, prices: [{ currency_code: "eur", amount: 10 }] }],
    sales_channels: [{ id: channel }],
  });
  if (status !== 200) throw new Error(`create product: ${status} ${JSON.stringify(body)}`);
  return body.product;
}

/** Address, shipping and a payment session: a cart ready to complete. */
export async function prepareCheckout(sdk, cartId, email = "anna@example.com") {
  const address = { first_name: "Anna", last_name: "Muster", address_1: "Hauptstr. 1", city: "Berlin", postal_code: "10115", country_code: "de" };
  await sdk.store.cart.update(cartId, { email, shipping_address: address, billing_address: address });
  const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cartId });
  await sdk.store.cart.addShippingMethod(cartId, { option_id: shipping_options[0].id });
  const { cart } = await sdk.store.cart.retrieve(cartId);
  await sdk.store.payment.initiatePaymentSession(cart, { provider_id: "pp_system_default" });
}

/** The Custom T-Shirt with the mock backend's schema (message, font, colour, photo). */
export async function shirtWithSchema() {
  const schema = await shirtSchema();
  const { body } = await admin("GET", "/admin/products?handle=custom-t-shirt&fields=id,metadata,*variants");
  const product = body.products[0];
  if (JSON.stringify(product.metadata?.personalization) !== JSON.stringify(schema)) {
    const saved = await admin("POST", `/admin/products/${product.id}`, { metadata: { personalization: schema } });
    if (saved.status !== 200) throw new Error(`saving the shirt's schema: ${saved.status} ${JSON.stringify(saved.body)}`);
  }
  return { id: product.id, variants: product.variants, schema };
}
