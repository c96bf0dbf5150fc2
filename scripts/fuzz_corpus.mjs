// Writes the seed corpus of each fuzz target (tests/fuzz/) into <out>/<target>/: the
// bodies of the 161 real Medusa traces, the JSON Schema Test Suite (draft 7), the
// personalization corpus, the fixture images. Deterministic: same inputs, same files.
//   node scripts/fuzz_corpus.mjs <out dir>
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = process.argv[2];
if (!out) throw new Error("usage: node scripts/fuzz_corpus.mjs <out dir>");
const suite = new URL("../tests/fixtures/json-schema-test-suite/tests/draft7", import.meta.url).pathname;
const MAX = 64 * 1024;

const seeds = new Map();
function seed(target, bytes) {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  if (buffer.length === 0 || buffer.length > MAX) return;
  if (!seeds.has(target)) seeds.set(target, new Map());
  seeds.get(target).set(createHash("sha1").update(buffer).digest("hex"), buffer);
}

function filesUnder(dir, ext) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, ext) : full.endsWith(ext) ? [full] : [];
  }).sort();
}

// Traces: "=== REQUEST ===\n<line>\n<headers>\n\n<body>\n=== RESPONSE ===...\n\n<body>"
const routes = [
  [/^POST \/store\/carts$/, 0], [/^POST \/store\/carts\/[^/]+$/, 1], [/^POST \/store\/carts\/[^/]+\/line-items$/, 2],
  [/^POST \/store\/carts\/[^/]+\/line-items\/[^/]+$/, 3], [/^POST \/store\/carts\/[^/]+\/shipping-methods$/, 4],
  [/^POST \/store\/payment-collections$/, 5],
];
for (const file of filesUnder(path.join(repo, "tests/fixtures/medusa-v2-traces"), ".txt")) {
  const text = readFileSync(file, "utf8");
  const request = text.indexOf("=== REQUEST ===\n");
  const response = text.indexOf("=== RESPONSE ===");
  if (request < 0 || response < 0) continue;
  const requestPart = text.slice(request + 16, response);
  const [method, target] = requestPart.split("\n")[0].split(" ");
  const requestBody = requestPart.slice(requestPart.indexOf("\n\n") + 2).trim();
  const responsePart = text.slice(response);
  const status = Number(/HTTP\/1\.1 (\d{3})/.exec(responsePart.replace(/HTTP\/1\.1 100[^\n]*\n/, ""))?.[1] ?? 200);
  const responseBody = responsePart.slice(responsePart.indexOf("\n\n") + 2).trim();
  for (const body of [requestBody, responseBody]) if (body && body !== "(no body)") seed("fuzz_json", body);
  const statusByte = { 200: 0, 201: 3, 400: 4, 401: 5, 404: 6, 409: 7, 500: 8, 503: 9 }[status] ?? 0;
  seed("fuzz_responses", Buffer.concat([Buffer.from([statusByte]), Buffer.from(responseBody)]));
  const route = routes.find(([pattern]) => pattern.test(`${method} ${target.split("?")[0]}`));
  if (route && requestBody.startsWith("{")) seed("fuzz_mock_requests", Buffer.concat([Buffer.from([route[1]]), Buffer.from(requestBody)]));
}

// Schemas and instances: the suite and the personalization corpus.
const groups = [
  ...filesUnder(suite, ".json").map((f) => JSON.parse(readFileSync(f, "utf8"))),
  JSON.parse(readFileSync(path.join(repo, "tests/fixtures/personalization-corpus.json"), "utf8")),
].flat();
function patterns(value, found) {
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "pattern" && typeof v === "string") found.push(v);
      else if (k === "patternProperties" && v && typeof v === "object") found.push(...Object.keys(v));
      patterns(v, found);
    }
  }
  return found;
}
for (const group of groups) {
  seed("fuzz_json", JSON.stringify(group.schema));
  for (const t of group.tests) {
    seed("fuzz_schema", `${JSON.stringify(group.schema)}\n${JSON.stringify(t.data)}`);
    for (const pattern of patterns(group.schema, [])) {
      seed("fuzz_regex", `${pattern}\n${typeof t.data === "string" ? t.data : JSON.stringify(t.data)}`);
    }
  }
}

// Look-arounds and properties, which the suite's patterns hardly use.
for (const pattern of ["^(?=.*\\p{L})(?!\\s).{1,20}(?<!\\s)$", "(?<=(?=a)ab)c", "^(?:(?!ab).)*$",
  "(?<!\\$)\\b\\d+(?=€)", "^[\\p{sc=Latin}\\p{Zs}]+$", "[^\\p{ExtPict}\\p{EPres}]", "\\p{scx=Deva}+",
  "(?=(a+)+$)", "(?<=(?<!b)a*)c"]) {
  for (const subject of ["Zoë O'Brien", " abc", "xabx", "cost 42€", "🎂 day", "aaaa!", "बा"]) seed("fuzz_regex", `${pattern}\n${subject}`);
}

// Images, whole and cut short.
for (const file of filesUnder(path.join(repo, "tests/fixtures/images"), "")) {
  const bytes = readFileSync(file);
  for (const length of [bytes.length, 4096, 300, 64, 30]) seed("fuzz_image", bytes.subarray(0, Math.min(length, bytes.length, MAX)));
}

// Texts: the Unicode conformance cases (composed, decomposed, every grapheme rule) and
// host names with A-labels, U-labels and Bidi labels.
const fromHex = (list) => String.fromCodePoint(...list.trim().split(/\s+/).filter((h) => /^[0-9A-F]+$/.test(h)).map((h) => parseInt(h, 16)));
for (const file of ["NormalizationTest.txt", "GraphemeBreakTest.txt"]) {
  const lines = readFileSync(path.join(repo, "tests/fixtures/unicode", file), "utf8").split("\n").filter((l) => l && !l.startsWith("#"));
  for (let i = 0; i < lines.length; i += file.startsWith("Normalization") ? 97 : 7) seed("fuzz_text", fromHex(lines[i].split(";")[0]));
}
for (const host of ["xn--mnchen-3ya.de", "münchen.de", "xn--mgbh0fb.xn--kgbechtv", "مثال.0a", "l·l.cat", "क्\u200dष",
  "بي\u200cبي", "・ァ", "xn--X", "mnchen-3ya", "tdaaaaaaaaa", "\"δοκιμή\"@example.com", "🇫🇷👨‍👩‍👧e\u0301"]) seed("fuzz_text", host);

for (const [target, files] of seeds) {
  const dir = path.join(out, target);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of files) writeFileSync(path.join(dir, name), bytes);
  console.log(`${target}: ${files.size} seeds`);
}
