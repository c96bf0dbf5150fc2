// What the Node benchmarks share: the payloads (data.mjs), timing loops (timing.mjs),
// statistics (medians and spread of alternating rounds), and a note of the machine.
import os from "node:os";

export { schema, valid, invalid, validationCases } from "./data.mjs";
export { opsPerSecond, asyncOpsPerSecond } from "./timing.mjs";

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

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
