// The package as users get it: `npm pack`, installed into a fresh project outside the
// repository, imported from Node and from a Vite build opened in headless Chromium,
// each making real calls against the mock backend.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { launchChromium } from "./browser.mjs";
import { PUBLISHABLE_KEY, repo, startMock } from "./helpers.mjs";

let work;
let tarball;
before(() => {
  work = mkdtempSync(path.join(tmpdir(), "medusa-personalize-package-"));
  const packed = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", work], { cwd: repo, encoding: "utf8" }));
  tarball = path.join(work, packed[0].filename);
  const files = packed[0].files.map((f) => f.path).sort();
  assert.ok(files.includes("web/dist/medusa_personalize.wasm"));
  assert.ok(files.includes("web/dist/index.js"), "the bundled entry point is shipped");
  assert.ok(files.includes("web/dist/form.js") && files.includes("web/types/form.d.ts"), "medusa-personalize/form is shipped");
  assert.ok(files.includes("web/dist/element.js") && files.includes("web/types/element.d.ts"), "medusa-personalize/element is shipped");
  assert.ok(files.includes("web/types/index.d.ts"));
  assert.ok(files.includes("LICENSE"), "the MIT licence package.json declares");
  assert.ok(!files.some((f) => /^(sdk|tests|web\/src)\//.test(f)), "only the package files are shipped");
  const app = path.join(work, "app");
  execFileSync("mkdir", ["-p", app]);
  writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "shop", private: true, type: "module" }));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error", tarball], { cwd: app });
});
after(() => rmSync(work, { recursive: true, force: true }));

test("installed package: Node imports it and completes real calls", async () => {
  const mock = await startMock();
  try {
    const script = `
      import { MedusaPersonalize, FetchError } from "medusa-personalize";
      import { createPersonalizationForm } from "medusa-personalize/form";
      import { ELEMENT_NAME } from "medusa-personalize/element"; // defines nothing on a server
      const sdk = await MedusaPersonalize.create({ baseUrl: ${JSON.stringify(mock.url)}, publishableKey: ${JSON.stringify(PUBLISHABLE_KEY)} });
      const { products } = await sdk.store.product.list();
      const shirt = products.find((p) => p.handle === "custom-t-shirt");
      const schema = sdk.personalization.schemaFor(shirt);
      const { cart } = await sdk.store.cart.create({});
      const { cart: after } = await sdk.store.cart.createPersonalizedLineItem(cart.id, {
        variant_id: shirt.variants[0].id, personalization: { message: "Packed", font: "Mono" } });
      let status = 0;
      try { await sdk.store.order.retrieve("order_missing"); } catch (e) { status = e instanceof FetchError ? e.status : -1; }
      const form = createPersonalizationForm(schema, { values: { message: "Packed", font: "Mono" } });
      console.log(JSON.stringify({ items: after.items.length, message: after.items[0].metadata.message,
        fingerprint: schema.fingerprint, invalid: schema.validate({}).valid, status,
        formMetadata: form.toMetadata().message, element: ELEMENT_NAME }));`;
    writeFileSync(path.join(work, "app", "use.mjs"), script);
    const out = JSON.parse(execFileSync("node", ["use.mjs"], { cwd: path.join(work, "app"), encoding: "utf8" }));
    assert.deepEqual({ ...out, fingerprint: out.fingerprint.slice(0, 8) }, {
      items: 1,
      message: "Packed",
      fingerprint: "fnv1a64:",
      invalid: false,
      status: 404,
      formMetadata: "Packed",
      element: "medusa-personalization-form",
    });
  } finally {
    await mock.stop();
  }
});

test("installed package: a Vite build runs in Chromium under a strict CSP against the backend (same origin)", async () => {
  const app = path.join(work, "app");
  writeFileSync(
    path.join(app, "index.html"),
    `<!doctype html><html><head><meta charset="utf-8"><title>shop</title></head>
     <body><pre id="out">loading</pre><script type="module" src="/main.js"></script></body></html>`,
  );
  writeFileSync(
    path.join(app, "main.js"),
    `import { MedusaPersonalize } from "medusa-personalize";
     const out = document.getElementById("out");
     try {
       const sdk = await MedusaPersonalize.create({ baseUrl: "", publishableKey: ${JSON.stringify(PUBLISHABLE_KEY)} });
       const { products } = await sdk.store.product.list();
       const shirt = products.find((p) => p.handle === "custom-t-shirt");
       const schema = sdk.personalization.schemaFor(shirt);
       const { cart } = await sdk.store.cart.create({});
       const { cart: after } = await sdk.store.cart.createPersonalizedLineItem(cart.id, {
         variant_id: shirt.variants[0].id, personalization: { message: "From Vite", font: "Serif" } });
       // A photo made in the page, uploaded through XMLHttpRequest with progress.
       const canvas = document.createElement("canvas");
       canvas.width = 900;
       canvas.height = 1200;
       canvas.getContext("2d").fillRect(0, 0, 450, 600);
       const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
       const checked = await sdk.personalization.checkImage(blob, schema, "photo");
       const progress = [];
       const { file } = await sdk.personalization.uploadImage(blob, { filename: "canvas.png", onProgress: (p) => progress.push(p) });
       const last = progress[progress.length - 1];
       out.textContent = JSON.stringify({ ok: true, items: after.items.length, message: after.items[0].metadata.message,
         issues: schema.validate({ font: "Comic" }).issues.length,
         photo: [checked.image.width, checked.image.height, file.mime, file.width, file.height],
         progressEnd: last.loaded === last.total && last.total === blob.size });
     } catch (e) {
       out.textContent = JSON.stringify({ ok: false, error: String(e && e.stack || e) });
     }`,
  );
  execFileSync("node", [path.join(repo, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "error"], { cwd: app });
  const dist = path.join(app, "dist");
  const assets = readdirSync(path.join(dist, "assets"));
  const wasm = assets.find((f) => f.endsWith(".wasm"));
  assert.ok(wasm, `the .wasm is emitted as an asset: ${assets}`);
  // What a storefront ships for the SDK (JS chunk + wasm), for the record.
  const shipped = assets.filter((f) => f.endsWith(".js") || f.endsWith(".wasm")).map((f) => readFileSync(path.join(dist, "assets", f)));
  const brotli = shipped.reduce((t, b) => t + brotliCompressSync(b).length, 0);
  const gzip = shipped.reduce((t, b) => t + gzipSync(b, { level: 9 }).length, 0);
  console.log(`# vite build: ${shipped.reduce((t, b) => t + b.length, 0)} bytes raw, ${gzip} gzip, ${brotli} brotli`);

  const mock = await startMock(["--static", dist]);
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    // A storefront's strict CSP: no eval, WebAssembly allowed, requests to itself only.
    const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'";
    await page.route("**/index.html", async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": csp } });
    });
    const violations = [];
    page.on("console", (m) => /Content Security Policy|unsafe-eval/i.test(m.text()) && violations.push(m.text()));
    const wasmTypes = [];
    page.on("response", (r) => r.url().endsWith(".wasm") && wasmTypes.push(r.headers()["content-type"]));
    await page.goto(mock.url + "/index.html");
    await page.waitForFunction(() => document.getElementById("out").textContent !== "loading", null, { timeout: 20000 });
    const result = JSON.parse(await page.textContent("#out"));
    assert.deepEqual(result, {
      ok: true,
      items: 1,
      message: "From Vite",
      issues: 2,
      photo: [900, 1200, "image/png", 900, 1200],
      progressEnd: true,
    });
    assert.deepEqual(wasmTypes, ["application/wasm"]);
    assert.deepEqual(violations, []);
  } finally {
    await browser.close();
    await mock.stop();
  }
});

test("installed package: a bundler keeps `import \"medusa-personalize/element\"` (a side effect)", async () => {
  const { build } = await import("esbuild");
  const app = path.join(work, "app");
  const out = await build({
    stdin: { contents: `import "medusa-personalize/element";`, resolveDir: app, loader: "js" },
    bundle: true, minify: true, format: "esm", platform: "browser", write: false, logLevel: "silent",
  });
  const js = new TextDecoder().decode(out.outputFiles[0].contents);
  assert.match(js, /medusa-personalization-form/, "the element's definition is in the bundle");
  assert.match(js, /customElements/);
});
