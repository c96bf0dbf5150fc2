// Bytes shipped, the way bench/RESULTS.md measures them (esbuild bundle of the five
// calls + the .wasm, brotli -11): deterministic, so a test. It fails above the ceiling
// of bench/size-budget.json (today's size plus 1 KB, lowered as the size goes down).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { measureSize } from "../../bench/js/size.mjs";
import { repo } from "./helpers.mjs";

test("bytes shipped stay under the size ceiling", async (t) => {
  const limits = JSON.parse(readFileSync(path.join(repo, "bench/size-budget.json"), "utf8"));
  assert.ok(Number.isInteger(limits.ceiling_brotli_bytes) && limits.ceiling_brotli_bytes > 0);
  const work = mkdtempSync(path.join(tmpdir(), "medusa-personalize-size-"));
  try {
    const sizes = await measureSize(repo, work);
    const ours = sizes["medusa-personalize"];
    const peers = sizes["@medusajs/js-sdk + ajv + ajv-formats"];
    t.diagnostic(
      `brotli: ours ${ours.brotli} B (js ${ours.parts.js.brotli}, wasm ${ours.parts.wasm.brotli}); ` +
        `@medusajs/js-sdk + ajv + ajv-formats ${peers.brotli} B; ceiling ${limits.ceiling_brotli_bytes} B`,
    );
    assert.ok(ours.parts.wasm.brotli > 0 && ours.parts.js.brotli > 0, "both the glue and the .wasm are counted");
    assert.ok(
      ours.brotli <= limits.ceiling_brotli_bytes,
      `the package ships ${ours.brotli} brotli bytes, above the ceiling of ${limits.ceiling_brotli_bytes} (bench/size-budget.json)`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
