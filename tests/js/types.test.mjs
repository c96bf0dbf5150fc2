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

// The declared API by full name ("store.cart.create"), each with whether its TSDoc has an
// @example, read by the TypeScript compiler from web/types/index.d.ts.
async function declaredMethods() {
  const ts = (await import("typescript")).default;
  const file = path.join(repo, "web/types/index.d.ts");
  const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const sdk = source.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === "Sdk");
  assert.ok(sdk, "interface Sdk");
  const declared = new Map();
  const walk = (type, prefix, depth) => {
    for (const symbol of checker.getPropertiesOfType(type)) {
      const name = `${prefix}${symbol.name}`;
      const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
      const memberType = checker.getTypeOfSymbolAtLocation(symbol, declaration);
      if (memberType.getCallSignatures().length > 0) {
        declared.set(name, symbol.getJsDocTags(checker).some((tag) => tag.name === "example"));
      } else if (depth < 2) {
        walk(memberType, `${name}.`, depth + 1);
      }
    }
  };
  walk(checker.getTypeAtLocation(sdk), "", 0);
  return declared;
}

test("every call of the core's table and every runtime method is declared by its full name, with an @example", async () => {
  const declared = await declaredMethods();
  const sdk = await createSdk({ baseUrl: "http://unused.test" });
  // The call table, the one description of every call: each is declared where the SDK
  // puts it (store.region.list counts for nothing but store.region.list).
  const calls = sdk.client.core.callNames();
  assert.ok(calls.length >= 29, `${calls.length} calls`);
  for (const name of calls) assert.ok(declared.has(name), `${name} (a call of the core's table) is not declared`);
  // Every function the runtime object has, under the same full name.
  const runtime = [];
  const collect = (object, prefix, depth) => {
    for (const [key, value] of Object.entries(object)) {
      if (typeof value === "function") runtime.push(`${prefix}${key}`);
      else if (value && typeof value === "object" && depth < 2 && !ArrayBuffer.isView(value)) collect(value, `${prefix}${key}.`, depth + 1);
    }
  };
  for (const area of ["store", "admin", "auth"]) collect(sdk[area], `${area}.`, 1);
  for (const name of ["schemaFor", "compile", "validate", "normalize", "buildMetadata", "describe", "checkImage", "uploadImage"]) {
    assert.equal(typeof sdk.personalization[name], "function", name);
    runtime.push(`personalization.${name}`);
  }
  assert.ok(runtime.length >= 38, `${runtime.length} methods`);
  for (const method of runtime) {
    assert.ok(declared.has(method), `${method} is not declared`);
    assert.ok(declared.get(method), `${method} has no @example`);
  }
  // And the C++ client has each call under the same name (the table's entries call it).
  const table = readFileSync(path.join(repo, "sdk/src/api/named_calls.cpp"), "utf8");
  for (const name of calls) {
    const entry = table.indexOf(`{"${name}",`);
    assert.ok(entry >= 0, name);
    const next = table.indexOf('\n    {"', entry + 1); // the next entry of the table
    const body = table.slice(entry, next === -1 ? undefined : next);
    const [area, resource, method] = name.split(".");
    // A C++ keyword gets a trailing underscore (auth.register -> register_).
    const cxxName = (n) => (["register", "delete", "new", "default"].includes(n) ? `${n}_` : n);
    const cxx = method === undefined ? `c.${area}.${cxxName(resource)}(` : `c.${area}.${resource}.${cxxName(method)}(`;
    assert.ok(body.includes(cxx), `the table's ${name} does not call ${cxx}`);
  }
});
