// The validator through the JavaScript API gives the same report as the native build on
// every case of the JSON Schema Test Suite (draft 7) and the personalization corpus.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createSdk, nativeBuild, repo } from "./helpers.mjs";

const suite = path.join(repo, "tests/fixtures/json-schema-test-suite");
const corpus = path.join(repo, "tests/fixtures/personalization-corpus.json");

function filesUnder(dir) {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full) : name.endsWith(".json") ? [full] : [];
    })
    .sort();
}

test("JS reports equal the native reports, case by case", async () => {
  const native = new Map();
  const dump = execFileSync(path.join(nativeBuild, "tests/tools/report_dump"), [suite, corpus], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
    stdio: ["ignore", "pipe", "ignore"],
  });
  for (const line of dump.trimEnd().split("\n")) {
    const cut = line.lastIndexOf(" | ");
    const key = line.slice(0, cut);
    if (!native.has(key)) native.set(key, []);
    native.get(key).push(line.slice(cut + 3));
  }

  const sdk = await createSdk({ baseUrl: "http://unused.test" });
  const groupsOf = [
    ...filesUnder(path.join(suite, "tests/draft7")).map((f) => [path.relative(suite, f), JSON.parse(readFileSync(f, "utf8"))]),
    ["personalization", JSON.parse(readFileSync(corpus, "utf8"))],
  ];
  let compared = 0;
  let skipped = 0;
  for (const [label, groups] of groupsOf) {
    for (const group of groups) {
      let schema = null;
      try {
        schema = sdk.personalization.compile(group.schema);
      } catch (e) {
        // The JS API compiles object schemas without a remote loader: boolean schemas
        // and remote references are native-only here.
        assert.ok(["personalization.schema_type", "schema.ref"].includes(e.code), `${e.code}: ${e.message}`);
      }
      for (const t of group.tests) {
        const key = `${label} | ${group.description} | ${t.description}`;
        const expected = native.get(key)?.shift();
        assert.ok(expected !== undefined, `native report missing for ${key}`);
        if (!schema || expected.startsWith("schema error")) {
          skipped++;
          continue;
        }
        assert.deepEqual(schema.validateJson(t.data), JSON.parse(expected), key);
        compared++;
      }
      schema?.dispose();
    }
  }
  assert.ok(compared > 500, `compared ${compared}`);
  console.log(`# ${compared} reports identical, ${skipped} cases need a remote loader or a boolean schema`);
});

test("values reach the validator intact: ASCII, non-ASCII at any position, short and long", async () => {
  const sdk = await createSdk({ baseUrl: "http://unused.test" });
  const schema = sdk.personalization.compile({
    type: "object",
    properties: { text: { type: "string", maxLength: 300, pattern: "^[a-zé🎉]*$" } },
  });
  // The JSON text of { text } is 11 characters longer than text: cross the 256 boundary.
  for (const length of [0, 1, 244, 245, 246, 300, 301]) {
    for (const tail of ["", "é", "🎉", "\u0000"]) {
      const text = "a".repeat(Math.max(0, length - tail.length)) + tail;
      const report = schema.validateJson({ text });
      const codes = report.issues.map((i) => i.code).sort();
      const expected = [];
      if (tail === "\u0000") expected.push("pattern");
      if ([...text].length > 300) expected.push("max_length");
      assert.deepEqual(codes, expected.sort(), `length ${length}, tail ${JSON.stringify(tail)}`);
    }
  }
});
