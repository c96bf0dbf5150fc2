// Shared by the node:test files: the built package, and a mock Medusa backend started
// on an ephemeral port for each test file.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const nativeBuild = process.env.MEDUSA_NATIVE_BUILD ?? path.join(repo, "build/native-ci");
export const PUBLISHABLE_KEY = "pk_01MOCKMEDUSAPERSONALIZEDEMO0000000000000000000000000000000000000";
export const ADMIN = { email: "admin@example.com", password: "supersecret" };

/**
 * Starts medusa_mock on 127.0.0.1:0; resolves to { url, stop() }. `binary` defaults to
 * the native build's (MEDUSA_NATIVE_BUILD).
 */
export async function startMock(extraArgs = [], { binary = path.join(nativeBuild, "tests/mock_backend/medusa_mock") } = {}) {
  const child = spawn(binary, ["--port", "0", ...extraArgs], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.setEncoding("utf8");
  const url = await new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`medusa_mock exited with ${code}: ${output}`)));
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const match = output.match(/on (http:\/\/127\.0\.0\.1:\d+)/);
      if (match) resolve(match[1]);
    });
  });
  child.removeAllListeners("exit");
  return {
    url,
    async stop() {
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}

/** A seeded pseudo-random generator (mulberry32): the same `seed`, the same sequence in [0, 1). */
export function seededRandom(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The SDK from the package sources (web/src) with the built module (web/dist). */
export async function createSdk(config) {
  const { MedusaPersonalize } = await import("../../web/src/index.js");
  return MedusaPersonalize.create({ publishableKey: PUBLISHABLE_KEY, ...config });
}

/** A fetch that answers from a list of canned responses and records the requests. */
export function scriptedFetch(responses) {
  const requests = [];
  const fetch = async (url, init) => {
    requests.push({ url, ...init });
    const next = responses.shift();
    if (next instanceof Error) throw next;
    const { status = 200, body = "", headers = { "content-type": "application/json" } } = next ?? {};
    return new Response(typeof body === "string" ? body : JSON.stringify(body), { status, headers });
  };
  return { fetch, requests };
}

/**
 * A mock backend for the cases shared with the real server (tests/shared): its URL and
 * key, the region, the T-shirt's first variant and schema, and `stop()`.
 */
export async function startShirtTarget() {
  const mock = await startMock();
  const sdk = await createSdk({ baseUrl: mock.url });
  const { regions } = await sdk.store.region.list();
  const { products } = await sdk.store.product.list();
  const shirt = products.find((p) => p.handle === "custom-t-shirt");
  return {
    url: mock.url,
    key: PUBLISHABLE_KEY,
    regionId: regions[0].id,
    variantId: shirt.variants[0].id,
    schema: sdk.personalization.schemaFor(shirt, shirt.variants[0].id).document,
    createSdk: (config) => createSdk(config),
    stop: () => mock.stop(),
  };
}
