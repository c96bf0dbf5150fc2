// The Medusa plugin's cost, measured side by side (bench/plugin.sh starts the servers):
//  - added latency: the same requests to two Medusa 2.21.2 processes on one database,
//    one with medusa-plugin-personalize and one without, alternating round by round;
//  - the WebAssembly core's start-up in a fresh Node process (what each Medusa process
//    pays once): import, compile, first schema compile and validation, and its memory;
//  - each server process's resident memory after the run.
// Writes its section of bench/RESULTS.md (between the plugin markers). Asserts nothing.
//
//   node bench/plugin.mjs <url with plugin> <url without> <publishable key> <region id>
//        <app folder> [--quick]
// (The Admin calls use tests/contract/helpers.mjs, which reads the variables that
// scripts/contract/start-medusa.sh exports.)
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [withUrl, withoutUrl, key, regionId, app, flag] = process.argv.slice(2);
const quick = flag === "--quick";
const ROUNDS = quick ? 5 : 15;
const PER_ROUND = quick ? 6 : 12;
const STARTS = quick ? 5 : 15;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const spread = (xs) => `${Math.min(...xs).toFixed(1)}-${Math.max(...xs).toFixed(1)}`;

async function call(base, method, route, body) {
  const start = performance.now();
  const response = await fetch(base + route, {
    method,
    headers: { "content-type": "application/json", "x-publishable-api-key": key },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  const ms = performance.now() - start;
  if (response.status !== 200) throw new Error(`${method} ${route}: ${response.status} ${JSON.stringify(json).slice(0, 200)}`);
  return { ms, json };
}

const { createPlainProduct, shirtWithSchema } = await import("../tests/contract/helpers.mjs");
const shirtVariant = (await shirtWithSchema()).variants[0].id;
const plain = await createPlainProduct(`Plain mug (benchmark) ${Date.now()}`);

// One round on one server: a fresh cart, then per step a personalized add (a new line),
// an edit of that line's personalization, and an add of an unpersonalized product.
async function round(base, tag) {
  const times = { add: [], update: [], plain: [] };
  const { json } = await call(base, "POST", "/store/carts", { region_id: regionId });
  const cartId = json.cart.id;
  for (let i = 0; i < PER_ROUND; i++) {
    const message = `${tag} line ${i}`;
    const added = await call(base, "POST", `/store/carts/${cartId}/line-items`, { variant_id: shirtVariant, quantity: 1, metadata: { message, font: "Serif" } });
    times.add.push(added.ms);
    const line = added.json.cart.items.find((it) => it.metadata?.message === message);
    const updated = await call(base, "POST", `/store/carts/${cartId}/line-items/${line.id}`, { quantity: 1, metadata: { message: `${message} edited`, font: "Mono" } });
    times.update.push(updated.ms);
    const p = await call(base, "POST", `/store/carts/${cartId}/line-items`, { variant_id: plain.variants[0].id, quantity: 1, metadata: { note: i } });
    times.plain.push(p.ms);
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

// Warm both (JIT, connection pools, the plugin's first WebAssembly load), then alternate.
await round(withUrl, "warm");
await round(withoutUrl, "warm");
const rounds = { with: [], without: [] };
for (let r = 0; r < ROUNDS; r++) {
  const order = r % 2 ? ["without", "with"] : ["with", "without"];
  for (const which of order) rounds[which].push(await round(which === "with" ? withUrl : withoutUrl, `${which}-${r}`));
}

// The core's start-up in fresh processes, from the package the app installed.
const probe = `
  const t0 = performance.now(); const m0 = process.memoryUsage();
  const { loadPersonalization } = await import(${JSON.stringify(path.join(app, "node_modules/medusa-personalize/web/dist/index.js"))});
  const p = await loadPersonalization(); const t1 = performance.now();
  const schema = p.compile(${JSON.stringify(JSON.parse(readFileSync(path.join(repo, "tests/fixtures/schemas/custom-t-shirt.json"), "utf8")))});
  const report = schema.validateLineItemMetadata({ message: "Hi", font: "Serif" }); const t2 = performance.now();
  const m1 = process.memoryUsage();
  console.log(JSON.stringify({ load: t1 - t0, first: t2 - t1, valid: report.valid, rss: m1.rss - m0.rss, external: (m1.external + m1.arrayBuffers) - (m0.external + m0.arrayBuffers) }));`;
const starts = [];
for (let i = 0; i < STARTS; i++) starts.push(JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", probe], { encoding: "utf8" })));

// Resident memory of the process listening on `url`'s port (the Medusa server itself,
// not npx or the shell that started it).
const rssOf = (url) => {
  const port = new URL(url).port;
  const listing = execFileSync("ss", ["-Hltnp", `sport = :${port}`], { encoding: "utf8" });
  const pid = /pid=(\d+)/.exec(listing)?.[1];
  if (!pid) return NaN;
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN) / 1024;
};

const row = (name, k) => {
  const w = rounds.with.map((r) => r[k]);
  const wo = rounds.without.map((r) => r[k]);
  const ratios = rounds.with.map((r, i) => r[k] / rounds.without[i][k]);
  return `| ${name} | ${median(w).toFixed(1)} (${spread(w)}) | ${median(wo).toFixed(1)} (${spread(wo)}) | ${median(ratios).toFixed(2)} | +${(median(w) - median(wo)).toFixed(1)} |`;
};
const load = starts.map((s) => s.load);
const first = starts.map((s) => s.first);
const lines = [
  "<!-- plugin:start (written by bench/plugin.sh) -->",
  "## Medusa plugin: server-side cost",
  "",
  `Written by \`bash bench/plugin.sh${quick ? " --quick" : ""}\` on ${new Date().toISOString().slice(0, 10)}. ${os.cpus().length} cores, Node ${process.version}, Medusa 2.21.2 with PostgreSQL 15, in-memory event bus and locks.`,
  `Two Medusa processes on one database, with and without medusa-plugin-personalize, sent the same requests alternately: ${ROUNDS} rounds of ${PER_ROUND} steps each; per round the median request time, then the median (min-max) over rounds, and the median of the per-round ratios.`,
  "",
  "| request (ms) | with the plugin | without | ratio | added |",
  "|---|---|---|---|---|",
  row("add a personalized line (`POST /store/carts/:id/line-items`)", "add"),
  row("edit its personalization (`POST …/line-items/:line_id`)", "update"),
  row("add an unpersonalized product", "plain"),
  "",
  `What the plugin adds to a personalized add: the Store route check (one query for the variant and its product, the validation) and the same check again in the \`validate\` hook inside Medusa's cart lock; to an edit, one more query for the stored line (the merge).`,
  "",
  "| per Medusa process | median (min-max) |",
  "|---|---|",
  `| WebAssembly core: import + compile + instantiate, fresh Node (${STARTS} processes) | ${median(load).toFixed(1)} ms (${spread(load)}) |`,
  `| first schema compile + first validation after it | ${median(first).toFixed(1)} ms (${spread(first)}) |`,
  `| memory it adds: resident / external + ArrayBuffers | ${(median(starts.map((s) => s.rss)) / 1048576).toFixed(1)} MB / ${(median(starts.map((s) => s.external)) / 1048576).toFixed(1)} MB |`,
  `| resident memory of the server process after the run, with / without the plugin (V8's heaps as they are, not collected) | ${rssOf(withUrl).toFixed(0)} MB / ${rssOf(withoutUrl).toFixed(0)} MB |`,
  "<!-- plugin:end -->",
];
const section = lines.join("\n");
console.log(section);

const resultsPath = path.join(repo, "bench/RESULTS.md");
const results = readFileSync(resultsPath, "utf8");
const marked = /<!-- plugin:start[\s\S]*?<!-- plugin:end -->/;
writeFileSync(resultsPath, marked.test(results) ? results.replace(marked, section) : `${results.trimEnd()}\n\n${section}\n`);
console.log("wrote the plugin section of bench/RESULTS.md");
