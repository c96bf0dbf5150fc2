// The print service of the contract tests: the native print worker (demo/print_worker)
// listening for the plugin's signed webhooks on PRINT_PORT, with the secret the plugin
// was configured with (PRINT_WEBHOOK_SECRET), writing jobs into a folder of its own;
// and the personalized orders it receives. scripts/contract/run.sh sets PRINT_PORT,
// PRINT_WEBHOOK_SECRET, PRINT_WORKER_BIN and LOCATION_ID.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import assert from "node:assert/strict";
import { ADMIN, admin, env, image, prepareCheckout } from "./helpers.mjs";

export const print = {
  port: Number(process.env.PRINT_PORT),
  secret: process.env.PRINT_WEBHOOK_SECRET,
  bin: process.env.PRINT_WORKER_BIN,
  location: process.env.LOCATION_ID,
};
export const hookUrl = `http://127.0.0.1:${print.port}/hooks/medusa`;

export function requirePrintService() {
  for (const [name, value] of Object.entries(print)) {
    if (!value) throw new Error(`${name} of the print worker is not set: run through scripts/contract/run.sh`);
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it gives something truthy. */
export async function waitFor(what, probe, timeoutMs = 45_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const value = await probe();
    if (value) return value;
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The print worker: start() it, stop() it; `out` is where it writes. */
export function printWorker() {
  const out = mkdtempSync(path.join(tmpdir(), "print-jobs-"));
  let child = null;
  return {
    out,
    async start() {
      child = spawn(print.bin, ["--url", env.url, "--email", ADMIN.email, "--password", ADMIN.password, "--out", out,
        "--listen", String(print.port), "--location", print.location, "--webhook-secret", print.secret], { stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stdout.on("data", (d) => (output += d));
      child.stderr.on("data", (d) => (output += d));
      await waitFor("the print worker to listen", () => output.includes("listening for signed print jobs"), 10_000);
    },
    async stop() {
      if (!child) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      child = null;
    },
    /** The worker's log entries for one webhook id. */
    log(webhookId) {
      const file = path.join(out, "webhooks.log");
      if (!existsSync(file)) return [];
      return readFileSync(file, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l)).filter((e) => e.webhook_id === webhookId);
    },
    /** The files written for one order item: its job (.json), photo, refusal. */
    files(itemId) {
      const found = [];
      for (const dir of readdirSync(out, { withFileTypes: true })) {
        if (!dir.isDirectory()) continue;
        for (const f of readdirSync(path.join(out, dir.name))) if (f.startsWith(itemId)) found.push(f);
      }
      return found.sort();
    },
    /** One written job, parsed. */
    job(orderId, itemId) {
      const dir = readdirSync(out).find((d) => d.endsWith(orderId));
      return JSON.parse(readFileSync(path.join(out, dir, `${itemId}.json`), "utf8"));
    },
  };
}

/** A whole personalized checkout of the shirt, 2 pieces (with a photo when asked); the order. */
export async function placeOrder(sdk, shirt, message, { photo = false } = {}) {
  const { product } = await sdk.store.product.retrieve(shirt.id, { region_id: env.regionId });
  const variant = product.variants[0];
  const schema = sdk.personalization.schemaFor(product, variant);
  const personalization = { message, font: "Serif" };
  if (photo) {
    const { file } = await sdk.store.personalization.uploadImage(new Blob([await image("progressive-2400x3000.jpg")]), { schema, field: "photo" });
    const { id: _id, filename: _name, ...reference } = file;
    personalization.photo = reference;
  }
  const { cart } = await sdk.store.cart.create({ region_id: env.regionId });
  await sdk.store.cart.createPersonalizedLineItem(cart.id, { variant_id: variant.id, quantity: 2, personalization });
  await prepareCheckout(sdk, cart.id);
  const completed = await sdk.store.cart.complete(cart.id);
  assert.equal(completed.type, "order", JSON.stringify(completed).slice(0, 300));
  return completed.order;
}

/** The order's print jobs, through the Admin route. */
export async function jobsOf(orderId) {
  const { status, body } = await admin("GET", `/admin/personalization/print-jobs?order_id=${orderId}`);
  assert.equal(status, 200, JSON.stringify(body));
  return body.print_jobs;
}

/** The order's one job once `accept` holds for it, else null. */
export async function oneJob(orderId, accept) {
  const jobs = await jobsOf(orderId);
  return jobs.length === 1 && accept(jobs[0]) ? jobs[0] : null;
}

/**
 * A job the print service acknowledged and whose item is fulfilled. The worker creates
 * the fulfilment before it answers, so "fulfilled" alone can be seen before the answer
 * (and the worker's log line) exists.
 */
export const deliveredAndFulfilled = (job) => job.status === "fulfilled" && job.delivered_at !== null;
