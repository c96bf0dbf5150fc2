// The validator's speed as a deterministic check: instructions per validation of the
// benchmark's payloads under callgrind (two runs of N and 3N validations, so that start-up
// cancels out), against the ceilings in bench/instruction-ceiling.json.
//   node tests/tools/validator_instructions.mjs <validator_bench>
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bench = process.argv[2];
const ceiling = JSON.parse(readFileSync(path.join(repo, "bench/instruction-ceiling.json"), "utf8"));
const work = mkdtempSync(path.join(tmpdir(), "medusa-instructions-"));
const N = 1000;

function instructions(count, payload) {
  const out = path.join(work, `callgrind.${payload}.${count}`);
  execFileSync("valgrind", ["--tool=callgrind", `--callgrind-out-file=${out}`, bench, "--count", String(count), payload], { stdio: "pipe" });
  const text = readFileSync(out, "utf8");
  const summary = text.match(/^summary:\s*(\d+)/m) ?? text.match(/^totals:\s*(\d+)/m);
  if (!summary) throw new Error(`no instruction total in ${out}`);
  return Number(summary[1]);
}

let failed = false;
try {
  for (const payload of ["valid", "invalid"]) {
    const per = Math.round((instructions(3 * N, payload) - instructions(N, payload)) / (2 * N));
    const limit = ceiling[payload];
    const verdict = per <= limit ? "ok" : "ABOVE THE CEILING";
    console.log(`validator instructions per ${payload} validation: ${per} (ceiling ${limit}) ${verdict}`);
    if (!(per > 0) || per > limit) failed = true;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
