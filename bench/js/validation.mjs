// Validation throughput through the public JavaScript API, side by side with Ajv
// (allErrors) in one process: the same realistic personalization schema, a valid and an
// invalid payload, with an object in and with JSON text in. Runs alternate between the
// two validators; the table gives medians, the spread (min-max) and the ratio.
//   node bench/js/validation.mjs [rounds=7] [ms per round=300]
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { MedusaPersonalize } from "../../web/src/index.js";

const rounds = Number(process.argv[2] ?? 7);
const roundMs = Number(process.argv[3] ?? 300);

export const schema = {
  type: "object",
  required: ["message", "font"],
  additionalProperties: false,
  properties: {
    message: { type: "string", minLength: 1, maxLength: 40, pattern: "^[\\p{L}\\p{M}\\p{N}\\p{Zs}.,!?'&@#:()-]+$" },
    font: { type: "string", enum: ["Serif", "Script", "Mono"] },
    colour: { type: "string", pattern: "^#[0-9a-fA-F]{6}$" },
    size: { type: "number", minimum: 6, maximum: 72 },
    photo: {
      type: "object",
      required: ["url", "width", "height"],
      properties: { url: { type: "string", format: "uri" }, width: { type: "integer", minimum: 800 }, height: { type: "integer", minimum: 800 } },
    },
  },
};
export const valid = { message: "Happy birthday, Anna!", font: "Script", colour: "#ff0000", size: 12, photo: { url: "https://x.test/a.png", width: 1200, height: 1600 } };
export const invalid = { message: "<b>", font: "Comic", colour: "red", size: 100, photo: { url: "not a uri", width: 10, height: 10 }, extra: 1 };

function opsPerSecond(fn) {
  const end = performance.now() + roundMs;
  let n = 0;
  while (performance.now() < end) {
    for (let i = 0; i < 200; i++) fn();
    n += 200;
  }
  return n / (roundMs / 1000);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const sdk = await MedusaPersonalize.create({ baseUrl: "http://unused.test" });
const ours = sdk.personalization.compile(schema);
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true });
addFormats(ajv, ["uri"]);
const check = ajv.compile(schema);
// Both must agree before their speed means anything.
for (const data of [valid, invalid]) if (check(data) !== ours.validate(data).valid) throw new Error("verdicts differ");

const cases = [
  ["valid, object in", () => ours.validate(valid), () => check(valid)],
  ["invalid (all errors), object in", () => ours.validate(invalid), () => check(invalid)],
  ["valid, JSON text in", () => ours.validate(JSON.parse(JSON.stringify(valid))), () => check(JSON.parse(JSON.stringify(valid)))],
];
console.log(`| case | medusa-personalize ops/s (median, min-max) | Ajv ops/s | ratio |`);
console.log(`|---|---|---|---|`);
for (const [name, mine, theirs] of cases) {
  const a = [];
  const b = [];
  for (let r = 0; r < rounds; r++) {
    a.push(opsPerSecond(mine));
    b.push(opsPerSecond(theirs));
  }
  const fmt = (xs) => `${Math.round(median(xs)).toLocaleString("en")} (${Math.round(Math.min(...xs)).toLocaleString("en")}-${Math.round(Math.max(...xs)).toLocaleString("en")})`;
  console.log(`| ${name} | ${fmt(a)} | ${fmt(b)} | ${(median(a) / median(b)).toFixed(3)} |`);
}
console.log(`\n${rounds} alternating rounds of ${roundMs} ms, Node ${process.version}, load ${(await import("node:os")).loadavg()[0].toFixed(2)}`);
