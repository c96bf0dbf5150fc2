// The workflow hooks without HTTP: a script run with `medusa exec` in the app calls
// Medusa's cart and product workflows directly (no route, no middleware), and the
// plugin's hooks still refuse what the schema refuses and roll back a broken product.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import { admin, createPlainProduct, env, repo, shirtWithSchema } from "./helpers.mjs";

let ids;
before(async () => {
  const shirt = await shirtWithSchema();
  const plain = await createPlainProduct(`Plain poster ${Date.now()}`);
  const { body } = await admin("GET", "/admin/api-keys?type=publishable&fields=token,*sales_channels");
  const channel = body.api_keys.find((k) => k.token === env.key).sales_channels[0].id;
  ids = { PERSONALIZED_VARIANT: shirt.variants[0].id, PLAIN_VARIANT: plain.variants[0].id, SALES_CHANNEL_ID: channel, REGION_ID: env.regionId };
});

/** Runs the script in the app with the plugin's options; its result, or its failure. */
function runScript(options) {
  const scripts = path.join(env.app, "src/scripts");
  mkdirSync(scripts, { recursive: true });
  copyFileSync(path.join(repo, "tests/contract/hooks-backstop.ts"), path.join(scripts, "hooks-backstop.ts"));
  const result = spawnSync("npx", ["medusa", "exec", "./src/scripts/hooks-backstop.ts"], {
    cwd: env.app,
    env: { ...process.env, ...ids, MEDUSA_PERSONALIZE_OPTIONS: JSON.stringify(options) },
    encoding: "utf8",
  });
  const line = result.stdout.split("\n").find((l) => l.startsWith("HOOKS-RESULT "));
  return { result: line ? JSON.parse(line.slice("HOOKS-RESULT ".length)) : null, output: result.stdout + result.stderr, status: result.status };
}

test("hooks refuse invalid personalizations and broken schemas on direct workflow runs", () => {
  const { result: r, output } = runScript({});
  assert.ok(r, output.slice(-2000));

  assert.deepEqual(r.createWithInvalidItem, { ok: false, type: "invalid_data", message: "Invalid personalization: /message: is required" });
  assert.deepEqual(r.addInvalid, { ok: false, type: "invalid_data", message: "Invalid personalization: /message: At most 40 characters" });
  assert.deepEqual(r.addValid, { ok: true });
  assert.deepEqual(r.addPlain, { ok: true });
  assert.deepEqual(r.addForeignPhoto, { ok: false, type: "invalid_data", message: "Invalid personalization: /photo: is not an image uploaded to this shop" });
  assert.deepEqual(r.updateMergedInvalid, { ok: false, type: "invalid_data", message: "Invalid personalization: /message: is required" });
  assert.deepEqual(r.updateMergedValid, { ok: true }, "checked after Medusa's merge with the stored message");
  assert.deepEqual(r.storedItems, [
    { personalized: true, metadata: { message: "From a script", font: "Mono" } },
    { personalized: false, metadata: { anything: true } },
  ]);
  assert.equal(r.createProductBroken.ok, false);
  assert.equal(r.createProductBroken.type, "invalid_data");
  assert.match(r.createProductBroken.message, /^Invalid personalization schema in product prod_\w+ metadata\.personalization: /);
  assert.equal(r.brokenProductsStored, 0, "the workflow rolled the product back");
});

test("with uploads.verifyReferences: false, image references are not looked up", () => {
  const { result: r, output } = runScript({ uploads: { verifyReferences: false } });
  assert.ok(r, output.slice(-2000));
  assert.deepEqual(r.addForeignPhoto, { ok: true });
  assert.deepEqual(r.addInvalid.ok, false, "the schema is still enforced");
});

test("with hooks: false the plugin registers none, leaving them to the app", () => {
  const { result: r, output } = runScript({ hooks: false });
  assert.ok(r, output.slice(-2000));
  assert.deepEqual(r.addInvalid, { ok: true }, "no handler: the app's own may take the hook");
  assert.deepEqual(r.createProductBroken, { ok: true });
});

test("wrong options stop the app at start-up, naming each problem", () => {
  const { result, output, status } = runScript({
    hooks: "yes",
    uploads: { maxBytes: -1, acess: "public" },
    colour: 1,
    printJobs: { url: "ftp://print.example", retry: { firstDelaySeconds: 60, maxDelaySeconds: 10 }, timeoutSeconds: 0 },
  });
  assert.equal(result, null);
  assert.notEqual(status, 0);
  for (const problem of [
    "colour: unknown option (known: hooks, uploads, idempotency, printJobs)",
    "hooks: must be true or false",
    "uploads.acess: unknown option (known: maxBytes, access, publicBaseUrl, verifyReferences)",
    "uploads.maxBytes: must be a whole number of bytes from 1 to 104857600",
    'printJobs.url: must be an http(s) URL, e.g. "https://print.example.com/hooks/medusa"',
    "printJobs.retry.maxDelaySeconds: must not be less than firstDelaySeconds",
    "printJobs.timeoutSeconds: must be a whole number from 1 to 120",
  ]) {
    assert.ok(output.includes(`- ${problem}`), `${problem}\n${output.slice(-1500)}`);
  }
});

test("a print service URL without a well-formed signing secret stops the app", () => {
  for (const [printJobs, problem] of [
    [{ url: "http://127.0.0.1:1/hooks" }, "printJobs.secret: required with printJobs.url"],
    [{ url: "http://127.0.0.1:1/hooks", secret: "whsec_c2hvcnQ=" }, 'printJobs.secret: must be "whsec_" followed by the base64 of 24 to 64 random bytes'],
  ]) {
    const { result, output, status } = runScript({ printJobs });
    assert.equal(result, null);
    assert.notEqual(status, 0);
    assert.ok(output.includes(`- ${problem}`), `${problem}\n${output.slice(-1500)}`);
  }
});

test("without the npm package beside it, the app refuses to start and says what to install", () => {
  const installed = path.join(env.app, "node_modules/medusa-personalize");
  const hidden = `${installed}.hidden-by-test`;
  renameSync(installed, hidden);
  try {
    const { result, output, status } = runScript({});
    assert.equal(result, null);
    assert.notEqual(status, 0);
    assert.ok(output.includes("medusa-plugin-personalize needs the medusa-personalize package beside it (its validator): npm install medusa-personalize"), output.slice(-1500));
  } finally {
    renameSync(hidden, installed);
  }
});
