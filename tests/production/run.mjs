// The plugin on Medusa's production shape, under load and faults (scripts/production/run.sh
// installs everything and calls this). Phases, one after another on the same machine:
//   without   Redis + 2 servers + 1 worker + nginx, the same app without the plugin, its own
//             database (a copy of the migrated one): shoppers for `seconds`
//   with      the same shape with the plugin and the print service: shoppers for `seconds`
//             (with photo uploads, which only the plugin serves)
//   faults    the same shoppers again while the worker is killed (SIGKILL) and restarted,
//             the print service is down and back, Redis is restarted and one server is
//             killed; then the load stops, the backlog drains, and the invariants
//             (tests/production/invariants.mjs) are checked
// Prints the figures; with --long, longer phases and more shoppers, and the figures are
// written into bench/RESULTS.md (between the production markers). Exits 1 when an
// invariant fails or a phase placed no order.
import { execFile, execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";

const run = promisify(execFile);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const long = process.argv.includes("--long");
const P = long
  ? { shoppers: 8, seconds: 120, faultSeconds: 150, invalidEvery: 5, drainMs: 300_000 }
  : { shoppers: 4, seconds: 20, faultSeconds: 70, invalidEvery: 4, drainMs: 180_000 };
// When each fault starts and how long it lasts, in seconds from the fault phase's start.
const FAULTS = long
  ? [
      { part: "worker", at: 15, down: 10, signal: "KILL", what: "worker killed (SIGKILL), restarted" },
      { part: "print", at: 45, down: 30, signal: "TERM", what: "print service down, then back" },
      { part: "redis", at: 90, down: 5, signal: "TERM", what: "Redis restarted" },
      { part: "server1", at: 115, down: null, signal: "KILL", what: "one server killed (SIGKILL)" },
    ]
  : [
      { part: "worker", at: 5, down: 5, signal: "KILL", what: "worker killed (SIGKILL), restarted" },
      { part: "print", at: 20, down: 12, signal: "TERM", what: "print service down, then back" },
      { part: "redis", at: 38, down: 3, signal: "TERM", what: "Redis restarted" },
      { part: "server1", at: 52, down: null, signal: "KILL", what: "one server killed (SIGKILL)" },
    ];

const need = (name) => process.env[name] ?? (() => { throw new Error(`${name} is not set: run scripts/production/run.sh`); })();
const proxyUrl = `http://127.0.0.1:${need("PRODUCTION_PORT")}`;
const databases = { without: need("BASELINE_DATABASE_URL"), with: need("PLUGIN_DATABASE_URL") };
const prod = need("PRODUCTION_WORK");
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (...args) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...args);

let phaseEnv = {};
const ctl = (action, part, signal) =>
  run("bash", [path.join(repo, "scripts/production/ctl.sh"), action, part, ...(signal ? [signal] : [])], { env: { ...process.env, ...phaseEnv } });

async function medusaUp() {
  await Promise.all(["server1", "server2", "worker"].map((part) => ctl("up", part)));
}
async function medusaDown() {
  await Promise.all(["server1", "server2", "worker"].map((part) => ctl("down", part)));
}

/** Seeds the phase's database through the proxy (traces 001-020), then the shirt's schema and stock. */
function seed(databaseUrl) {
  const seeded = JSON.parse(execFileSync("python3", [path.join(repo, "scripts/contract/seed.py"), proxyUrl], { encoding: "utf8" }));
  const env = { ...process.env, MEDUSA_URL: proxyUrl, PUBLISHABLE_KEY: seeded.publishable_key, REGION_ID: seeded.region_id, DATABASE_URL: databaseUrl, LOCATION_ID: seeded.location_id };
  const shirt = JSON.parse(execFileSync("node", [path.join(repo, "tests/production/seed-shop.mjs")], { encoding: "utf8", env }));
  return { key: seeded.publishable_key, regionId: seeded.region_id, location: seeded.location_id, shirt };
}

// helpers.mjs (prepareCheckout) reads these when imported; the phases pass their own values.
Object.assign(process.env, { MEDUSA_URL: proxyUrl, PUBLISHABLE_KEY: "-", REGION_ID: "-", DATABASE_URL: databases.with, CONTRACT_APP: need("CONTRACT_APP") });
const { loadPackage } = await import("../contract/helpers.mjs");
const { runShoppers, summarize } = await import("./shoppers.mjs");
const { checkInvariants, checkSchedules, checkTicks, undelivered } = await import("./invariants.mjs");
const { MedusaPersonalize, loadPersonalization } = await loadPackage();

async function load(shop, { seconds, uploads, onTick }) {
  const sdks = await Promise.all(Array.from({ length: P.shoppers }, () =>
    MedusaPersonalize.create({ baseUrl: proxyUrl, publishableKey: shop.key, auth: { jwtTokenStorageMethod: "memory" } })));
  const start = Date.now();
  const records = await runShoppers({
    sdks, url: proxyUrl, key: shop.key, regionId: shop.regionId, shirtId: shop.shirt.id, uploads, invalidEvery: P.invalidEvery,
    shouldStop: async () => Date.now() - start >= seconds * 1000,
  });
  return { records, start, seconds };
}

const results = {};

// --- without the plugin
phaseEnv = { DATABASE_URL: databases.without, MEDUSA_PERSONALIZE_PLUGIN: "off" };
log("without the plugin: starting 2 servers and a worker");
await medusaUp();
const baseShop = seed(databases.without);
log(`without the plugin: ${P.shoppers} shoppers for ${P.seconds} s`);
const base = await load(baseShop, { seconds: P.seconds, uploads: false });
results.without = summarize(base.records, base);
log("without the plugin: stopping");
await medusaDown();
execFileSync("redis-cli", ["-p", need("REDIS_PORT"), "flushall"]);

// --- with the plugin
phaseEnv = { DATABASE_URL: databases.with, MEDUSA_PERSONALIZE_PLUGIN: "on" };
log("with the plugin: starting 2 servers and a worker");
await medusaUp();
const shop = seed(databases.with);
phaseEnv.LOCATION_ID = shop.location;
await ctl("up", "print");
log(`with the plugin: ${P.shoppers} shoppers for ${P.seconds} s`);
const plain = await load(shop, { seconds: P.seconds, uploads: true });
results.with = summarize(plain.records, plain);

// --- faults, under the same load
log(`faults: ${P.shoppers} shoppers for ${P.faultSeconds} s`);
const faultStart = Date.now();
const productId = shop.shirt.id;
const recoveries = [];
const faultRun = (async () => {
  for (const fault of FAULTS) {
    await sleep(Math.max(0, faultStart + fault.at * 1000 - Date.now()));
    log(`fault: ${fault.what}`);
    const downAt = Date.now();
    await ctl("down", fault.part, fault.signal);
    let backAt = null;
    if (fault.down !== null) {
      await sleep(fault.down * 1000);
      await ctl("up", fault.part);
      backAt = Date.now();
    }
    recoveries.push({ ...fault, downAt, backAt, end: backAt ?? downAt });
  }
})();
// Recovery, watched while the load goes on: for each fault, the time from its end until
// every personalized item of the orders placed before then has a delivered job.
const monitor = { loadOver: false, deadline: Infinity };
const monitorRun = (async () => {
  for (;;) {
    const now = Date.now();
    for (const r of recoveries) {
      if (r.drainedS === undefined && (await undelivered(databases.with, productId, new Date(r.end))) === 0) r.drainedS = (now - r.end) / 1000;
    }
    if (monitor.loadOver && (recoveries.every((r) => r.drainedS !== undefined) || Date.now() > monitor.deadline)) break;
    await sleep(1000);
  }
})();
const faulted = await load(shop, { seconds: P.faultSeconds, uploads: true });
await faultRun;
const loadEnd = Date.now();
monitor.loadOver = true;
monitor.deadline = loadEnd + P.drainMs;
log("load over; waiting until every print job is delivered");
results.faults = summarize(faulted.records, faulted);
await monitorRun;
for (const r of recoveries) {
  const next = faulted.records.filter((c) => c.order && c.done > r.end).sort((a, b) => a.done - b.done)[0];
  r.firstCheckoutS = next ? (next.done - r.end) / 1000 : null;
}
let drainedAfterLoadS = null;
while (Date.now() < monitor.deadline) {
  if ((await undelivered(databases.with, productId, new Date())) === 0) {
    drainedAfterLoadS = (Date.now() - loadEnd) / 1000;
    break;
  }
  await sleep(500);
}
writeFileSync(path.join(prod, "checkouts.json"), JSON.stringify({ without: base.records, with: plain.records, faults: faulted.records, recoveries }, null, 1));
await ctl("up", "server1"); // the killed server, back for the next run's state

// The scheduled jobs' schedules, from the workflow engine's BullMQ queue in Redis.
const { Queue } = createRequire(path.join(need("CONTRACT_APP"), "package.json"))("bullmq");
const scheduleQueue = new Queue("medusa-workflows-jobs", { connection: { host: "127.0.0.1", port: Number(need("REDIS_PORT")) } });
const repeatables = await scheduleQueue.getRepeatableJobs();
const finishedJobs = await scheduleQueue.getJobs(["completed", "failed"], 0, 5000);
await scheduleQueue.close();
const PLUGIN_JOBS = ["deliver-print-jobs", "reconcile-print-jobs", "purge-idempotency-records"].map((n) => `medusa-plugin-personalize-${n}`);

const personalization = await loadPersonalization();
const checks = await checkInvariants({
  databaseUrl: databases.with,
  productId,
  printOut: path.join(prod, "print"),
  records: [...plain.records, ...faulted.records],
  compileSchema: async () => personalization.compile(shop.shirt.schema),
});
checks.push(checkSchedules(repeatables, PLUGIN_JOBS));
// The same checks on the baseline's database must fail where the plugin is what holds
// them: the invalid personalizations sent around the SDK were stored, and no item has a job.
const baselineChecks = await checkInvariants({
  databaseUrl: databases.without,
  productId: baseShop.shirt.id,
  printOut: path.join(prod, "print-none"),
  records: base.records,
  compileSchema: async () => personalization.compile(baseShop.shirt.schema),
});
const caught = (name) => baselineChecks.find((c) => c.name === name);
checks.push({
  name: "the checks fail without the plugin",
  ok: !caught("no invalid personalization stored").ok && !caught("one print job per personalized order item").ok,
  detail: `baseline: ${caught("no invalid personalization stored").detail.replace(/:.*/, "")}; ${caught("one print job per personalized order item").detail.replace(/:.*/, "")}`,
});
const intervalMs = JSON.parse(need("MEDUSA_PERSONALIZE_OPTIONS")).printJobs.intervalSeconds * 1000;
checks.push(checkTicks(finishedJobs, PLUGIN_JOBS[0], { from: faultStart, to: loadEnd, intervalMs, lastFaultEnd: Math.max(...recoveries.map((r) => r.end)) }));

// --- report
/** The checkouts a phase gave up on, grouped by step and answer. */
function failures(records, phase) {
  const groups = new Map();
  for (const r of records.filter((x) => x.error)) {
    const key = `${r.error.step}: ${r.error.status ?? ""} ${r.error.message.slice(0, 160)}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].map(([key, count]) => `- checkouts given up ${phase}: ${count} x ${key}`);
}
const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : "-");
const row = (name, s) => `| ${name} | ${s.checkouts} | ${s.per_second.toFixed(2)} | ${ms(s.add_p50)} / ${ms(s.add_p99)} | ${ms(s.complete_p50)} / ${ms(s.complete_p99)} | ${s.failed} | ${s.retried_steps} | ${s.invalid_accepted} of ${s.invalid_sent} |`;
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : "-");
const lines = [
  `${P.shoppers} shoppers on 2 Medusa 2.21.2 servers + 1 worker (Redis event bus, workflow engine, locking, cache) behind nginx, ${P.seconds} s per phase, ${P.faultSeconds} s under faults; every ${P.invalidEvery}th checkout also sends an invalid personalization with plain fetch.`,
  "",
  "| phase | checkouts | per s | add to cart p50 / p99 | complete p50 / p99 | failed | steps retried | invalid stored |",
  "|---|---|---|---|---|---|---|---|",
  row("without the plugin", results.without),
  row("with the plugin (+ photo upload)", results.with),
  row("with the plugin, under faults", results.faults),
  "",
  `With / without: checkouts per second ${ratio(results.with.per_second, results.without.per_second)}, add to cart p50 ${ratio(results.with.add_p50, results.without.add_p50)}, complete p50 ${ratio(results.with.complete_p50, results.without.complete_p50)}.`,
  "",
  "| fault | first checkout after | orders before it all delivered after |",
  "|---|---|---|",
  ...recoveries.map((r) => `| ${r.what}${r.down !== null ? ` (${r.down} s down)` : ""} | ${r.firstCheckoutS === null ? "-" : `${r.firstCheckoutS.toFixed(1)} s`} | ${r.drainedS === undefined ? "not within the run" : `${r.drainedS.toFixed(1)} s`} |`),
  "",
  `Backlog delivered ${drainedAfterLoadS === null ? "NOT within the drain time" : `${drainedAfterLoadS.toFixed(1)} s after the load stopped`}.`,
  "",
  ...checks.map((c) => `- ${c.ok ? "holds" : "FAILS"}: ${c.name} (${c.detail})`),
  ...failures(base.records, "without the plugin"),
  ...failures(plain.records, "with the plugin"),
  ...failures(faulted.records, "under faults"),
];
console.log(lines.join("\n"));

const failedChecks = checks.filter((c) => !c.ok).length + (results.without.checkouts === 0 ? 1 : 0) + (results.with.checkouts === 0 ? 1 : 0) + (drainedAfterLoadS === null ? 1 : 0);
console.log(`production: ${checks.length - checks.filter((c) => !c.ok).length} invariants hold, ${failedChecks} failed`);
if (long) {
  const file = path.join(repo, "bench/RESULTS.md");
  const section = `<!-- production:start -->\n## The plugin on the production shape, under load and faults\n\n\`bash scripts/production/run.sh --long\` (${new Date().toISOString().slice(0, 10)}, this machine: 2 cores).\n\n${lines.join("\n")}\n<!-- production:end -->`;
  const text = readFileSync(file, "utf8");
  writeFileSync(file, /<!-- production:start -->[\s\S]*<!-- production:end -->/.test(text)
    ? text.replace(/<!-- production:start -->[\s\S]*<!-- production:end -->/, section) : `${text.trimEnd()}\n\n${section}\n`);
}
process.exit(failedChecks === 0 ? 0 : 1);
