// What must hold after the production-shape run, whatever the faults did, checked
// against the database and the print service's own log (webhooks.log of the native
// print worker):
//   1. every personalized order item has exactly one print job;
//   2. every job was delivered: the print service acknowledged it (or fulfilled the item
//      before its answer arrived);
//   3. every job was printed exactly once: the print service wrote its item's job file,
//      and its log holds at most one "printed" answer per job and none for anything else
//      (a job sent again after a lost answer or a crash is answered "already_printed",
//      which is fine; so is a job whose file was written before the service failed to
//      answer, answered "already_printed" on the next delivery);
//   4. no stored personalization fails the product's schema: every cart line and order
//      item of a personalized product, validated again with the core;
//   5. no order lost: every checkout whose answer named an order has it in the database,
//      and each completed cart has exactly one order;
//   6. no print job for an order a crash left half-placed (without its cart link).
// Each check gives { name, ok, detail }.
import { execFile } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Runs one SQL query (psql, without blocking the shoppers); rows as JSON objects. */
export async function sql(databaseUrl, query) {
  const { stdout } = await run("psql", [databaseUrl, "-At", "-c", `select coalesce(json_agg(t), '[]') from (${query}) t`], { maxBuffer: 256 << 20 });
  return JSON.parse(stdout.trim());
}

/** Personalized order items (of `productId`) and their jobs, as the database has them. */
export async function orderItemsWithJobs(databaseUrl, productId, createdBefore = null) {
  const before = createdBefore ? `and o.created_at <= '${createdBefore.toISOString()}'` : "";
  return sql(databaseUrl, `
    select li.id as item_id, count(distinct j.id)::int as jobs,
           bool_and(j.delivered_at is not null or j.status = 'fulfilled') as delivered, min(j.status) as status
    from order_line_item li
    left join personalization_print_job j on j.line_item_id = li.id and j.deleted_at is null
    where li.product_id = '${productId}' and li.deleted_at is null
      and exists (select 1 from order_item oi join "order" o on o.id = oi.order_id
                  where oi.item_id = li.id and oi.deleted_at is null and o.deleted_at is null ${before})
    group by li.id`);
}

/** Items of orders placed up to `cutoff` whose job is missing or not delivered yet. */
export async function undelivered(databaseUrl, productId, cutoff) {
  return (await orderItemsWithJobs(databaseUrl, productId, cutoff)).filter((row) => row.jobs !== 1 || !row.delivered).length;
}

/** The print service's log entries, one object per webhook it answered. */
export function printLog(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line));
}

/** How many job files the print service wrote per order item (`<order folder>/<item id>.json`). */
export function printedFiles(outDir) {
  const files = new Map();
  if (!existsSync(outDir)) return files;
  for (const dir of readdirSync(outDir, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const name of readdirSync(path.join(outDir, dir.name))) {
      if (name.endsWith(".json")) files.set(name.slice(0, -5), (files.get(name.slice(0, -5)) ?? 0) + 1);
    }
  }
  return files;
}

export async function checkInvariants({ databaseUrl, productId, printOut, records, compileSchema }) {
  const checks = [];
  const check = (name, ok, detail) => checks.push({ name, ok, detail });

  const items = await orderItemsWithJobs(databaseUrl, productId);
  const jobless = items.filter((row) => row.jobs !== 1);
  check("one print job per personalized order item", items.length > 0 && jobless.length === 0,
    `${items.length} items, ${jobless.length} without exactly one job${jobless.length ? `: ${jobless.slice(0, 3).map((r) => `${r.item_id} (${r.jobs})`).join(", ")}` : ""}`);

  const notDelivered = items.filter((row) => row.jobs === 1 && !row.delivered);
  check("every job delivered", notDelivered.length === 0,
    `${items.length - notDelivered.length - jobless.length} delivered, ${notDelivered.length} not${notDelivered.length ? ` (${notDelivered.slice(0, 3).map((r) => r.status).join(", ")})` : ""}`);

  const jobs = await sql(databaseUrl, `select id, line_item_id from personalization_print_job where deleted_at is null`);
  const jobIds = new Set(jobs.map((j) => j.id));
  const printed = new Map();
  let absorbed = 0;
  for (const entry of printLog(path.join(printOut, "webhooks.log"))) {
    if (entry.status !== 200) continue;
    if (entry.answer?.status === "printed") printed.set(entry.webhook_id, (printed.get(entry.webhook_id) ?? 0) + 1);
    else if (entry.answer?.status === "already_printed") ++absorbed;
  }
  const files = printedFiles(printOut);
  const twice = jobs.filter((j) => (printed.get(j.id) ?? 0) > 1 || (files.get(j.line_item_id) ?? 0) > 1);
  const never = jobs.filter((j) => !files.has(j.line_item_id));
  const strangers = [...printed.keys()].filter((id) => !jobIds.has(id));
  const answeredLater = jobs.filter((j) => files.has(j.line_item_id) && !printed.has(j.id)).length;
  check("every job printed exactly once", jobs.length > 0 && twice.length === 0 && never.length === 0 && strangers.length === 0,
    `${jobs.length - never.length - twice.length} of ${jobs.length} jobs printed once (${answeredLater} of them written before an answer that failed); ${twice.length} twice, ${never.length} never, ${strangers.length} printed without a job; ${absorbed} repeated deliveries answered "already printed"`);

  const schema = await compileSchema();
  const stored = await sql(databaseUrl, `
    select 'cart' as kind, id, metadata from cart_line_item where product_id = '${productId}' and deleted_at is null
    union all
    select 'order' as kind, id, metadata from order_line_item where product_id = '${productId}' and deleted_at is null`);
  const invalid = stored.filter((row) => !schema.validateLineItemMetadata(row.metadata ?? {}).valid);
  check("no invalid personalization stored", stored.length > 0 && invalid.length === 0,
    `${stored.length} stored lines checked, ${invalid.length} invalid${invalid.length ? `: ${invalid.slice(0, 2).map((r) => `${r.kind} ${r.id} ${JSON.stringify(r.metadata).slice(0, 120)}`).join("; ")}` : ""}`);

  const orders = await sql(databaseUrl, `select oc.cart_id, oc.order_id from order_cart oc join "order" o on o.id = oc.order_id where oc.deleted_at is null and o.deleted_at is null`);
  const ordersOfCart = new Map();
  for (const row of orders) ordersOfCart.set(row.cart_id, [...(ordersOfCart.get(row.cart_id) ?? []), row.order_id]);
  const answered = records.filter((r) => r.order);
  const lost = answered.filter((r) => !(ordersOfCart.get(r.cart) ?? []).includes(r.order));
  const doubled = [...ordersOfCart].filter(([, ids]) => ids.length > 1);
  const unanswered = records.filter((r) => !r.order && r.cart && ordersOfCart.has(r.cart));
  check("no order lost", answered.length > 0 && lost.length === 0 && doubled.length === 0,
    `${answered.length} orders answered, all in the database but ${lost.length}; ${doubled.length} carts with two orders; ${unanswered.length} placed whose answer the shopper never got`);
  // Every order here comes from a cart: one without its cart link is what a process killed
  // inside completeCartWorkflow leaves (the shopper's retry placed the real one).
  const halfPlaced = await sql(databaseUrl, `
    select o.id, count(j.id)::int as jobs from "order" o
    left join order_cart oc on oc.order_id = o.id and oc.deleted_at is null
    left join personalization_print_job j on j.order_id = o.id and j.deleted_at is null
    where oc.order_id is null and o.deleted_at is null group by o.id`);
  const printedHalf = halfPlaced.filter((o) => o.jobs > 0);
  check("no print job for an order Medusa did not finish placing", printedHalf.length === 0,
    `${halfPlaced.length} orders left without their cart by a crash, ${printedHalf.length} with a print job`);
  return checks;
}

/**
 * The plugin's scheduled jobs as the Redis workflow engine keeps them: each must have
 * exactly one repeatable schedule in BullMQ's queue (its key is the job's name), so each
 * tick runs once in the whole cluster however many processes started, restarted or
 * registered it.
 */
export function checkSchedules(repeatables, jobNames) {
  const counts = jobNames.map((name) => [name, repeatables.filter((r) => String(r.key).includes(name)).length]);
  const wrong = counts.filter(([, count]) => count !== 1);
  return {
    name: "one schedule per scheduled job in Redis",
    ok: wrong.length === 0,
    detail: counts.map(([name, count]) => `${name.replace("medusa-plugin-personalize-", "")}: ${count}`).join(", "),
  };
}

/**
 * The delivery job's runs, from the workflow engine's finished BullMQ jobs: at most one
 * per tick of `intervalMs` between `from` and `to` across the whole cluster, and it kept
 * running through the faults (at least one run after the last of them).
 */
export function checkTicks(finishedJobs, jobName, { from, to, intervalMs, lastFaultEnd }) {
  const runs = finishedJobs.filter((job) => String(job.data?.jobId).endsWith(jobName) && job.finishedOn >= from && job.finishedOn <= to);
  const ticks = Math.floor((to - from) / intervalMs) + 1;
  const after = runs.filter((job) => job.finishedOn > lastFaultEnd).length;
  return {
    name: "the delivery job runs at most once per tick, and after the faults",
    ok: runs.length <= ticks && after > 0,
    detail: `${runs.length} runs in ${ticks} ticks of ${intervalMs / 1000} s, ${after} after the last fault`,
  };
}
