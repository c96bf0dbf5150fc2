// What the Node benchmarks share: the payloads (data.mjs), statistics (medians and spread
// of alternating rounds), and a note of the machine the figures come from.
import os from "node:os";

export { schema, valid, invalid } from "./data.mjs";

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Calls per second of `fn`, run in batches for about `ms` milliseconds. */
export function opsPerSecond(fn, ms) {
  const start = performance.now();
  const end = start + ms;
  let n = 0;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) fn();
    n += 100;
  }
  return n / ((performance.now() - start) / 1000);
}

/** Same for an async `fn` (awaited one at a time). */
export async function asyncOpsPerSecond(fn, ms) {
  const start = performance.now();
  const end = start + ms;
  let n = 0;
  while (performance.now() < end) {
    for (let i = 0; i < 20; i++) await fn();
    n += 20;
  }
  return n / ((performance.now() - start) / 1000);
}

/**
 * Runs each measure of `measures` ({ name: () => number | Promise<number> }) `rounds`
 * times, alternating between them so that machine noise hits all alike.
 */
export async function alternate(rounds, measures) {
  const samples = Object.fromEntries(Object.keys(measures).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, measure] of Object.entries(measures)) samples[name].push(await measure());
  }
  return samples;
}

/** "12,345 (11,900-12,800)": median and min-max. */
export function spread(xs, digits = 0) {
  const f = (x) => x.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return `${f(median(xs))} (${f(Math.min(...xs))}-${f(Math.max(...xs))})`;
}

export const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

export function machine() {
  return {
    node: process.version,
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    load: os.loadavg().map((x) => x.toFixed(2)).join(" "),
  };
}
