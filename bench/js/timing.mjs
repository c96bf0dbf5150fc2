// Timing loops shared by the Node benchmarks and the in-page ones (no Node APIs here).

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
