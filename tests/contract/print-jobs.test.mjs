// Print jobs on the real Medusa: order.placed → one job per personalized item → a signed
// webhook → the native print worker (demo/print_worker, --listen) → the job written
// once, the fulfilment created → order.fulfillment_created marks the job fulfilled.
// With the print service down at first, Medusa killed while a job is pending, forged
// and replayed webhooks, order.placed delivered again, and the Admin routes.
// scripts/contract/run.sh sets PRINT_PORT, PRINT_WEBHOOK_SECRET (the plugin's options),
// PRINT_WORKER_BIN and LOCATION_ID.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { admin, createSdk, env, repo, send, shirtWithSchema, sqlCount } from "./helpers.mjs";
import { deliveredAndFulfilled, hookUrl, jobsOf, oneJob, placeOrder as placeShirtOrder, print, printWorker, requirePrintService, waitFor } from "./print-service.mjs";

const worker = printWorker();
let sdk, shirt;
const orders = {};

before(async () => {
  requirePrintService();
  sdk = await createSdk();
  shirt = await shirtWithSchema();
});
after(() => worker.stop());

const placeOrder = (message, options) => placeShirtOrder(sdk, shirt, message, options);

const sign = (id, timestamp, body, secret = print.secret) =>
  `v1,${createHmac("sha256", Buffer.from(secret.slice("whsec_".length), "base64")).update(`${id}.${timestamp}.${body}`).digest("base64")}`;

test("the print service down at first: the job is retried, then printed exactly once and the order fulfilled", async () => {
  const order = await placeOrder("Printed once", { photo: true });
  orders.first = order;
  const item = order.items[0];
  const pending = await waitFor("failed attempts to be recorded", () => oneJob(order.id, (j) => j.status === "pending" && j.attempts >= 2));
  assert.match(pending.last_error, /ECONNREFUSED/);
  assert.equal(pending.line_item_id, item.id);
  assert.equal(pending.schema_fingerprint, item.metadata._personalization_schema);
  assert.deepEqual(pending.payload.personalization.message, "Printed once");
  assert.equal(pending.payload.item.quantity, 2);

  await worker.start();
  const done = await waitFor("the job to be fulfilled", () => oneJob(order.id, deliveredAndFulfilled));
  assert.ok(done.delivered_at && done.fulfilled_at);
  assert.deepEqual(worker.files(item.id), [`${item.id}.jpg`, `${item.id}.json`]);
  const printed = worker.log(done.id).filter((e) => e.status === 200);
  assert.equal(printed.length, 1, JSON.stringify(worker.log(done.id)));
  assert.equal(printed[0].answer.status, "printed");
  const { body } = await admin("GET", `/admin/orders/${order.id}?fields=id,*fulfillments`);
  assert.equal(body.order.fulfillments.length, 1);
  const job = worker.job(order.id, item.id);
  assert.equal(job.personalization.message, "Printed once");
  assert.deepEqual([job.image.width, job.image.height], [2400, 3000]);
});

test("forged and replayed webhooks are refused by the worker; a sender's retry is acknowledged and prints nothing", async () => {
  const [job] = await jobsOf(orders.first.id);
  const body = JSON.stringify({ type: "print_job.created", timestamp: new Date().toISOString(), data: { id: job.id, ...job.payload } });
  const now = Math.floor(Date.now() / 1000);
  const post = async (headers) => {
    const response = await fetch(hookUrl, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    return [response.status, (await response.json()).code ?? null];
  };
  const signed = (timestamp, secret) => ({ "webhook-id": job.id, "webhook-timestamp": String(timestamp), "webhook-signature": sign(job.id, timestamp, body, secret) });
  assert.deepEqual(await post({}), [401, "webhook.headers_missing"]);
  assert.deepEqual(await post(signed(now, `whsec_${Buffer.alloc(32, 7).toString("base64")}`)), [401, "webhook.signature_invalid"]);
  assert.deepEqual(await post(signed(now - 3600)), [401, "webhook.timestamp_outside_tolerance"]);
  const before = worker.files(job.line_item_id);
  // Signed here with Node's crypto: the worker's C++ check agrees with another implementation.
  const genuine = signed(now);
  const first = await fetch(hookUrl, { method: "POST", headers: { "content-type": "application/json", ...genuine }, body });
  assert.equal(first.status, 200);
  assert.equal((await first.json()).status, "already_printed");
  assert.deepEqual(await post(genuine), [409, "webhook.replayed"]);
  assert.deepEqual(worker.files(job.line_item_id), before);
});

test("order.placed delivered again, and the job workflow run three times at once in another process, make no second job", () => {
  const orderId = orders.first.id;
  const scripts = path.join(env.app, "src/scripts");
  mkdirSync(scripts, { recursive: true });
  copyFileSync(path.join(repo, "tests/contract/print-jobs-once.ts"), path.join(scripts, "print-jobs-once.ts"));
  const run = spawnSync("npx", ["medusa", "exec", "./src/scripts/print-jobs-once.ts"], {
    cwd: env.app,
    env: { ...process.env, ORDER_ID: orderId },
    encoding: "utf8",
  });
  const line = run.stdout.split("\n").find((l) => l.startsWith("PRINT-JOBS-RESULT "));
  assert.ok(line, (run.stdout + run.stderr).slice(-3000));
  const result = JSON.parse(line.slice("PRINT-JOBS-RESULT ".length));
  assert.deepEqual(result.created, [[], [], []]);
  assert.deepEqual(result.personalized_items, [1, 1, 1]);
  assert.equal(sqlCount(`select count(*) from personalization_print_job where order_id = '${orderId}'`), 1);
  // Query's read-only links, both ways.
  assert.equal(result.order_jobs.length, 1);
  assert.equal(result.order_jobs[0].line_item_id, orders.first.items[0].id);
  assert.deepEqual(result.job_orders.map((j) => j.order_id), [orderId]);
});

test("Medusa killed while a job is pending: after the restart the job is printed once", async () => {
  await worker.stop();
  const order = await placeOrder("Through a crash");
  orders.second = order;
  const pending = await waitFor("a failed attempt", () => oneJob(order.id, (j) => j.status === "pending" && j.attempts >= 1));
  const pidFile = path.join(env.app, "medusa.pid");
  const killed = Number(readFileSync(pidFile, "utf8"));
  execFileSync("bash", [path.join(repo, "scripts/contract/restart-medusa.sh")], { stdio: "inherit" });
  assert.throws(() => process.kill(-killed, 0), { code: "ESRCH" }, "the first Medusa is gone");
  assert.notEqual(Number(readFileSync(pidFile, "utf8")), killed);
  await worker.start();
  const done = await waitFor("the job to be fulfilled", () => oneJob(order.id, deliveredAndFulfilled));
  assert.equal(done.id, pending.id);
  assert.deepEqual(worker.files(order.items[0].id), [`${order.items[0].id}.json`]);
  assert.equal(worker.log(done.id).filter((e) => e.status === 200 && e.answer.status === "printed").length, 1);
});

test("a job the print service refuses is failed, and prints when staff retry it", async () => {
  await worker.stop();
  const order = await placeOrder("Refused, then retried");
  const pending = await waitFor("a failed attempt", () => oneJob(order.id, (j) => j.status === "pending" && j.attempts >= 1));
  // Staff shorten the message limit after the order: the worker's re-check refuses the item.
  const tightened = structuredClone(shirt.schema);
  tightened.properties.message.maxLength = 5;
  assert.equal((await admin("POST", `/admin/products/${shirt.id}`, { metadata: { personalization: tightened } })).status, 200);
  try {
    await worker.start();
    const failed = await waitFor("the job to fail", () => oneJob(order.id, (j) => j.status === "failed"));
    assert.match(failed.last_error, /^HTTP 422: .*schema_mismatch/);
  } finally {
    await shirtWithSchema(); // the schema the order was placed with
  }
  const retried = await admin("POST", `/admin/personalization/print-jobs/${pending.id}/retry`);
  assert.equal(retried.status, 200, JSON.stringify(retried.body));
  assert.ok(["delivered", "fulfilled"].includes(retried.body.print_job.status), retried.body.print_job.status);
  await waitFor("the job to be fulfilled", () => oneJob(order.id, deliveredAndFulfilled));
  assert.deepEqual(worker.files(order.items[0].id), [`${order.items[0].id}.json`, `${order.items[0].id}.rejected.json`]);
  const again = await admin("POST", `/admin/personalization/print-jobs/${pending.id}/retry`);
  assert.equal(again.status, 400);
  assert.equal(again.body.type, "not_allowed");
  assert.match(again.body.message, /is fulfilled: the print service has it already/);
});

test("the Admin routes: filters, pagination, and clear errors", async () => {
  const both = `${orders.first.id},${orders.second.id}`;
  const listed = await admin("GET", `/admin/personalization/print-jobs?order_id=${both}&status=fulfilled`);
  assert.equal(listed.status, 200);
  assert.equal(listed.body.count, 2);
  assert.deepEqual(listed.body.print_jobs.map((j) => j.order_id).sort(), [orders.first.id, orders.second.id].sort());
  const page = await admin("GET", `/admin/personalization/print-jobs?order_id=${both}&limit=1&offset=1`);
  assert.deepEqual([page.body.count, page.body.print_jobs.length, page.body.limit, page.body.offset], [2, 1, 1, 1]);
  assert.equal(page.body.print_jobs[0].order_id, orders.first.id, "newest first");
  const none = await admin("GET", `/admin/personalization/print-jobs?order_id=${both}&status=pending,failed`);
  assert.equal(none.body.count, 0);

  for (const [query, message] of [
    ["status=printed", "Invalid request: status must be one of pending, delivering, delivered, failed, fulfilled (got 'printed')"],
    ["limit=0", "Invalid request: limit must be a whole number from 1 to 100"],
    ["limit=1.5", "Invalid request: limit must be a whole number from 1 to 100"],
    ["offset=-1", `Invalid request: offset must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`],
    ["sort=id", "Invalid request: unrecognized fields: 'sort'"],
  ]) {
    const r = await admin("GET", `/admin/personalization/print-jobs?${query}`);
    assert.deepEqual([r.status, r.body.type, r.body.message], [400, "invalid_data", message], query);
  }
  const missing = await admin("GET", "/admin/personalization/print-jobs/pjob_missing");
  assert.deepEqual([missing.status, missing.body.type], [404, "not_found"]);
  assert.equal((await admin("POST", "/admin/personalization/print-jobs/pjob_missing/retry")).status, 404);
  assert.equal((await send("GET", "/admin/personalization/print-jobs")).status, 401, "staff only");
  assert.equal((await send("POST", `/admin/personalization/print-jobs/${(await jobsOf(orders.first.id))[0].id}/retry`)).status, 401);
});

test("the order's personalization for staff: labels, image, validity and print job", async () => {
  const { status, body } = await admin("GET", `/admin/personalization/orders/${orders.first.id}`);
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.items.length, 1);
  const [item] = body.items;
  assert.deepEqual(item.entries.map((e) => [e.name, e.label, e.text]).slice(0, 2), [["message", "Your message", "Printed once"], ["font", "Font", "Serif"]]);
  assert.equal(item.images.length, 1);
  assert.deepEqual([item.images[0].name, item.images[0].width, item.images[0].height], ["photo", 2400, 3000]);
  assert.ok(item.images[0].url.startsWith(`${env.url}/personalization/uploads/`));
  assert.deepEqual([item.valid, item.schema_changed, item.issues], [true, false, []]);
  assert.equal(item.print_job.status, "fulfilled");
  assert.equal((await admin("GET", "/admin/personalization/orders/order_missing")).status, 404);
});

test("schema preview: the compiler's message for a broken schema, the form and the validator's answers for a good one", async () => {
  const broken = await admin("POST", "/admin/personalization/schemas/preview", { schema: { type: "object", properties: { message: { type: "string", pattern: "(" } } } });
  assert.equal(broken.status, 200);
  assert.equal(broken.body.compiled, false);
  assert.match(broken.body.error.message, /pattern/);
  const good = await admin("POST", "/admin/personalization/schemas/preview", { schema: shirt.schema, values: { message: "x".repeat(41), font: "Comic" } });
  assert.equal(good.body.compiled, true);
  assert.deepEqual(good.body.fields.map((f) => f.name), ["message", "font", "colour", "photo"]);
  assert.equal(good.body.report.valid, false);
  assert.deepEqual(good.body.report.issues.map((i) => [i.instance_path, i.code]).sort(), [["/font", "enum"], ["/message", "max_length"]].sort());
  const asText = await admin("POST", "/admin/personalization/schemas/preview", { schema: JSON.stringify(shirt.schema) });
  assert.deepEqual([asText.body.compiled, asText.body.fingerprint, asText.body.report], [true, good.body.fingerprint, null]);
  const bad = await admin("POST", "/admin/personalization/schemas/preview", { values: {} });
  assert.deepEqual([bad.status, bad.body.type], [400, "invalid_data"]);
});

test("an order whose order.placed never reached the plugin gets its job from the scheduled reconciliation", async () => {
  // As if the process had died between the checkout and its subscriber: no job.
  const order = orders.second;
  const itemId = order.items[0].id;
  const before = worker.files(itemId);
  assert.equal(sqlCount(`with gone as (delete from personalization_print_job where order_id = '${order.id}' returning 1) select count(*) from gone`), 1);
  assert.deepEqual(await jobsOf(order.id), []);
  // And an order as a process killed inside completeCartWorkflow leaves it: created, but
  // never linked to its cart nor reserved (the shopper's retry makes the real order).
  const orphan = orders.first;
  assert.equal(sqlCount(`with gone as (delete from personalization_print_job where order_id = '${orphan.id}' returning 1) select count(*) from gone`), 1);
  assert.equal(sqlCount(`with gone as (delete from order_cart where order_id = '${orphan.id}' returning 1) select count(*) from gone`), 1);
  sqlCount(`with gone as (delete from reservation_item where line_item_id in (select item_id from order_item where order_id = '${orphan.id}') returning 1) select count(*) from gone`);
  // Every 10 delivery intervals (20 s here), orders of the last 24 hours are looked at.
  const job = await waitFor("the job to be made again and sent", () => oneJob(order.id, (j) => j.status === "delivered"), 60_000);
  assert.equal(job.line_item_id, itemId);
  const answers = worker.log(job.id).filter((e) => e.status === 200);
  assert.equal(answers.length, 1);
  assert.equal(answers[0].answer.status, "already_printed", "the print service knows the item: nothing printed twice");
  assert.deepEqual(worker.files(itemId), before);
  assert.deepEqual(await jobsOf(orphan.id), [], "an order Medusa never finished placing is not printed");
});
