// The hand-written TypeScript declarations: the type test compiles, a wrong use does
// not, and every runtime method is declared (and so documented).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import path from "node:path";
import { createSdk, repo } from "./helpers.mjs";

const tsc = path.join(repo, "node_modules/typescript/bin/tsc");

test("tests/types/sdk.test-d.ts compiles with tsc --noEmit (strict)", () => {
  execFileSync("node", [tsc, "-p", "tests/types/tsconfig.json"], { cwd: repo, stdio: "pipe" });
});

test("a wrong use of the API is a type error", () => {
  const dir = mkdtempSync(path.join(repo, "tests/types/.tmp-"));
  try {
    writeFileSync(
      path.join(dir, "wrong.ts"),
      `import { MedusaPersonalize } from "medusa-personalize";
       const sdk = await MedusaPersonalize.create({ baseUrl: "x" });
       await sdk.store.cart.createLineItem("cart", { variant_id: 1, quantity: 1 });\nexport {};\n`,
    );
    const config = JSON.parse(readFileSync(path.join(repo, "tests/types/tsconfig.json"), "utf8"));
    config.files = ["wrong.ts"];
    writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(config));
    const run = spawnSync("node", [tsc, "-p", dir], { cwd: repo, encoding: "utf8" });
    assert.notEqual(run.status, 0);
    assert.match(run.stdout, /wrong\.ts\(3,.*TS2322.*number.*string/s);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("every runtime method is declared in web/types/index.d.ts with an @example", async () => {
  const declared = readFileSync(path.join(repo, "web/types/index.d.ts"), "utf8");
  const sdk = await createSdk({ baseUrl: "http://unused.test" });
  const methods = [];
  for (const area of ["store", "admin"]) {
    for (const [resource, functions] of Object.entries(sdk[area])) {
      for (const name of Object.keys(functions)) methods.push(`${area}.${resource}.${name}`);
    }
  }
  for (const name of Object.keys(sdk.auth)) methods.push(`auth.${name}`);
  for (const name of ["schemaFor", "compile", "validate", "normalize", "buildMetadata", "describe", "checkImage", "uploadImage"]) {
    assert.equal(typeof sdk.personalization[name], "function", name);
    methods.push(`personalization.${name}`);
  }
  assert.ok(methods.length >= 35, `${methods.length} methods`);
  for (const method of methods) {
    const name = method.split(".").at(-1);
    const at = declared.search(new RegExp(`\\n\\s+${name}(<[^>]*>)?\\(`));
    assert.ok(at > 0, `${method} is not declared`);
    // The TSDoc comment right before the declaration carries an example.
    const before = declared.slice(Math.max(0, at - 1500), at + 1);
    const docStart = before.lastIndexOf("/**");
    const docEnd = before.lastIndexOf("*/");
    assert.ok(docStart >= 0 && docEnd > docStart && before.slice(docEnd + 2).trim() === "", `${method} has no TSDoc`);
    assert.ok(before.slice(docStart, docEnd).includes("@example"), `${method} has no @example`);
  }
});
