// Loading the WebAssembly module (web/src/module.js) from each source `wasm` accepts, and
// failing clearly, never hanging, on every way a load goes wrong.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Core } from "../../web/src/core.js";
import { FetchError, MedusaPersonalizeError } from "../../web/src/errors.js";
import { repo } from "./helpers.mjs";
import { launchChromium } from "./browser.mjs";

const wasmBytes = readFileSync(path.join(repo, "web/dist/medusa_personalize.wasm"));

// A valid module that is not ours: no imports, one export.
const foreignModule = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
  0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type section: () -> ()
  0x03, 0x02, 0x01, 0x00, // one function of type 0
  0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00, // export "f"
  0x0a, 0x04, 0x01, 0x02, 0x00, 0x0b, // its empty body
]);
// A valid module importing a function the glue does not provide.
const unlinkableModule = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x04, 0x01, 0x60, 0x00, 0x00,
  0x02, 0x08, 0x01, 0x01, 0x61, 0x02, 0x7a, 0x7a, 0x00, 0x00, // import "a"."zz"
]);

// Each case gets its own copy of the loader (it keeps one module per realm).
let copies = 0;
const freshLoader = async () => (await import(`../../web/src/module.js?copy=${++copies}`)).loadModule;

// The loaded module works: a schema compiles and a payload validates, all errors found.
function assertWorks(module) {
  const core = new Core(module);
  const id = core.compileSchema({ type: "object", properties: { n: { type: "integer", maximum: 3 } } });
  assert.equal(core.validate(id, { n: 2 }).valid, true);
  assert.deepEqual(
    core.validate(id, { n: 7 }).issues.map((issue) => issue.code),
    ["maximum"],
  );
  core.releaseSchema(id);
}

let server;
let base;
const served = [];
const TYPES = { ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm" };
before(async () => {
  server = createServer((request, response) => {
    served.push(request.url);
    const routes = {
      "/module.wasm": ["application/wasm", wasmBytes],
      "/octet.wasm": ["application/octet-stream", wasmBytes],
      "/page.wasm": ["application/wasm", Buffer.from("<!doctype html><title>404</title>")],
      "/foreign.wasm": ["application/wasm", foreignModule],
      "/page.html": ["text/html", '<!doctype html><meta charset="utf-8"><title>loader</title>'],
    };
    const pathname = new URL(request.url, "http://x").pathname;
    let route = routes[pathname];
    // The package's own files for the browser case, served unbundled as a storefront may.
    if (!route && /^\/web\/(src|dist)\//.test(pathname)) {
      const file = path.join(repo, path.normalize(pathname));
      if (existsSync(file)) route = [TYPES[path.extname(file)], readFileSync(file)];
    }
    if (!route) {
      response.writeHead(404, "Not Found", { "content-type": "text/plain" }).end("missing");
      return;
    }
    response.writeHead(200, { "content-type": route[0] }).end(route[1]);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => server.close());

test("the default source: the .wasm next to the package", async () => {
  assertWorks(await (await freshLoader())());
});

test("bytes: a Uint8Array, a Buffer and an ArrayBuffer", async () => {
  const copy = new Uint8Array(wasmBytes);
  for (const wasm of [copy, wasmBytes, copy.buffer]) assertWorks(await (await freshLoader())({ wasm }));
});

test("a compiled WebAssembly.Module", async () => {
  assertWorks(await (await freshLoader())({ wasm: await WebAssembly.compile(wasmBytes) }));
});

test("a URL, served as application/wasm (compiled while it downloads) or as another type", async () => {
  const streamed = [];
  const instantiateStreaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = (response, imports) => {
    streamed.push(new URL(response.url).pathname);
    return instantiateStreaming(response, imports);
  };
  try {
    assertWorks(await (await freshLoader())({ wasm: `${base}/module.wasm` }));
    assertWorks(await (await freshLoader())({ wasm: new URL(`${base}/octet.wasm`) }));
  } finally {
    WebAssembly.instantiateStreaming = instantiateStreaming;
  }
  assert.deepEqual(served.slice(-2), ["/module.wasm", "/octet.wasm"]);
  assert.deepEqual(streamed, ["/module.wasm"]);
});

test("a missing .wasm is a FetchError with its status, and the load can be retried", async () => {
  const loadModule = await freshLoader();
  await assert.rejects(loadModule({ wasm: `${base}/missing.wasm` }), (error) => {
    assert.ok(error instanceof FetchError);
    const fields = [error.status, error.statusText, error.kind, error.code];
    assert.deepEqual(fields, [404, "Not Found", "http", "module.unavailable"]);
    assert.match(error.message, /missing\.wasm: HTTP 404/);
    return true;
  });
  assertWorks(await loadModule({ wasm: `${base}/module.wasm` }));
  // Loaded once, then shared: a later call with another source gets the same module.
  assert.equal(await loadModule({ wasm: `${base}/missing.wasm` }), await loadModule());
});

test("an unreachable server is a transport FetchError (status 0)", async () => {
  const closed = createServer();
  closed.listen(0, "127.0.0.1");
  await once(closed, "listening");
  const url = `http://127.0.0.1:${closed.address().port}/module.wasm`;
  closed.close();
  await once(closed, "close");
  await assert.rejects((await freshLoader())({ wasm: url }), (error) => {
    assert.ok(error instanceof FetchError);
    assert.deepEqual([error.status, error.kind, error.code], [0, "transport", "module.unavailable"]);
    assert.ok(error.cause, "the fetch failure is kept as the cause");
    return true;
  });
});

test("bytes that are not this module fail as invalid_module, without hanging", async () => {
  const cases = [
    [`${base}/page.wasm`, WebAssembly.CompileError], // an HTML page where the .wasm should be
    [new Uint8Array(wasmBytes.subarray(0, 1000)), WebAssembly.CompileError], // cut short
    [unlinkableModule, WebAssembly.LinkError], // another build's imports
    [foreignModule, TypeError], // compiles and links, but has none of the module's exports
    [`${base}/foreign.wasm`, TypeError],
  ];
  for (const [wasm, causeType] of cases) {
    await assert.rejects((await freshLoader())({ wasm }), (error) => {
      assert.ok(error instanceof MedusaPersonalizeError, String(error));
      assert.deepEqual([error.kind, error.code], ["invalid_module", "module.invalid"]);
      assert.ok(error.cause instanceof causeType, `${wasm}: caused by ${error.cause}`);
      return true;
    });
  }
});

test("in Chromium: the package's own URL, compiled while it downloads; a missing .wasm is a FetchError, then retried", async () => {
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${base}/page.html`);
    const result = await page.evaluate(async () => {
      let streamed = 0;
      const instantiateStreaming = WebAssembly.instantiateStreaming;
      WebAssembly.instantiateStreaming = (...args) => (streamed++, instantiateStreaming(...args));
      const { loadModule } = await import("/web/src/module.js");
      const { Core } = await import("/web/src/core.js");
      const failed = await loadModule({ wasm: "/missing.wasm" }).then(
        () => null,
        (error) => [error.name, error.status, error.code],
      );
      const core = new Core(await loadModule()); // the package's own URL, beside web/src
      const id = core.compileSchema({ type: "object", properties: { n: { type: "integer", maximum: 3 } } });
      return { failed, streamed, issues: core.validate(id, { n: 7 }).issues.map((issue) => issue.code) };
    });
    assert.deepEqual(result, { failed: ["FetchError", 404, "module.unavailable"], streamed: 1, issues: ["maximum"] });
    assert.ok(served.includes("/web/dist/medusa_personalize.wasm"), "the .wasm was fetched from beside the package");
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
