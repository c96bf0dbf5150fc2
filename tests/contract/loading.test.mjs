// The plugin's engine under Medusa's CommonJS loader: the installed plugin's own build
// (tsc, `medusa plugin:build`) and the same file as `medusa plugin:develop` compiles it
// (swc to CommonJS, which rewrites `import()` to `require()`), both loading the npm
// package's ES module and its WebAssembly once per process.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { env, repo } from "./helpers.mjs";

const appRequire = createRequire(path.join(env.app, "package.json"));
const SCHEMA = { type: "object", required: ["initials"], properties: { initials: { type: "string", maxLength: 3 } } };

async function exercise(engineModule) {
  const [a, b] = await Promise.all([engineModule.engine(), engineModule.engine()]);
  assert.equal(a, b, "one engine per process, however many callers race for it");
  assert.equal(await engineModule.engine(), a);
  const schema = a.compile(SCHEMA);
  assert.equal(schema.validateLineItemMetadata({ initials: "ABC" }).valid, true);
  assert.deepEqual(schema.validateLineItemMetadata({ initials: "ABCD" }).issues.map((i) => i.code), ["max_length"]);
}

test("the installed plugin's build (tsc, CommonJS) loads the ES module package and its WebAssembly", async () => {
  const built = appRequire.resolve("medusa-plugin-personalize/package.json").replace(/package\.json$/, ".medusa/server/src/lib/engine.js");
  assert.match(readFileSync(built, "utf8"), /"use strict"/, "CommonJS output");
  await exercise(appRequire(built));
});

test("the same source compiled as plugin:develop does (swc, import() rewritten to require())", async () => {
  const swc = createRequire(path.join(repo, "medusa-plugin/package.json"))("@swc/core");
  const source = readFileSync(path.join(repo, "medusa-plugin/src/lib/engine.ts"), "utf8");
  const { code } = swc.transformSync(source, {
    filename: "engine.ts",
    jsc: { parser: { syntax: "typescript" }, target: "es2021" },
    module: { type: "commonjs" },
  });
  assert.match(code, /require\("medusa-personalize"\)/, "swc rewrites the dynamic import");
  // Placed inside the app, so that require() finds the package as the plugin would.
  const dir = mkdtempSync(path.join(env.app, "swc-engine-"));
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "engine.js"), code);
    await exercise(appRequire(path.join(dir, "engine.js")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
