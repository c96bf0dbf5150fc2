// Heaps stay flat: a million validations and thousands of API calls leak nothing in
// the WebAssembly heap (its size never grows after warm-up) nor in the JS heap.
// Run with --expose-gc (scripts/test.sh does).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createSdk, startMock } from "./helpers.mjs";

let mock;
let sdk;
before(async () => {
  mock = await startMock();
  sdk = await createSdk({ baseUrl: mock.url });
});
after(() => mock.stop());

const wasmHeap = () => sdk.personalization.core.module.HEAPU8.length;
const jsHeap = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};

test("1,000,000 validations: the WebAssembly heap does not grow", async () => {
  const { products } = await sdk.store.product.list();
  const schema = sdk.personalization.schemaFor(products.find((p) => p.handle === "custom-t-shirt"));
  const valid = { message: "Happy birthday, Anna!", font: "Script", colour: "#ff0000" };
  const invalid = { message: "<b>".repeat(20), font: "Comic", colour: "red", extra: 1 };
  for (let i = 0; i < 20000; i++) schema.validate(i % 2 ? valid : invalid);
  const before = wasmHeap();
  const liveBefore = sdk.personalization.core.liveSchemas();
  let invalidSeen = 0;
  for (let i = 0; i < 1000000; i++) {
    if (!schema.validate(i % 2 ? valid : invalid).valid) invalidSeen++;
  }
  assert.equal(invalidSeen, 500000);
  assert.equal(wasmHeap(), before, "WebAssembly heap grew");
  assert.equal(sdk.personalization.core.liveSchemas(), liveBefore);
});

test("schemas compiled and dropped are released; their memory is reused", async () => {
  const make = (i) => ({ type: "object", properties: { ["field" + i]: { type: "string", maxLength: i } } });
  for (let i = 0; i < 200; i++) sdk.personalization.compile(make(i)).dispose();
  const before = wasmHeap();
  const liveBefore = sdk.personalization.core.liveSchemas();
  for (let i = 0; i < 5000; i++) {
    const schema = sdk.personalization.compile(make(i));
    schema.validate({ ["field" + i]: "x" });
    schema.dispose();
  }
  assert.equal(wasmHeap(), before);
  assert.equal(sdk.personalization.core.liveSchemas(), liveBefore);
  // Without dispose(): the FinalizationRegistry releases them after collection.
  const live = sdk.personalization.core.liveSchemas();
  for (let i = 0; i < 2000; i++) sdk.personalization.compile(make(i));
  for (let round = 0; round < 20 && sdk.personalization.core.liveSchemas() > live + 100; round++) {
    globalThis.gc?.();
    await new Promise((r) => setTimeout(r, 10));
  }
  if (globalThis.gc) assert.ok(sdk.personalization.core.liveSchemas() <= live + 100, `${sdk.personalization.core.liveSchemas()} schemas alive`);
});

test("3,000 API calls: both heaps flat", async () => {
  const { cart } = await sdk.store.cart.create({});
  for (let i = 0; i < 200; i++) await sdk.store.cart.retrieve(cart.id);
  const wasmBefore = wasmHeap();
  const jsBefore = jsHeap();
  for (let i = 0; i < 3000; i++) {
    if (i % 3 === 0) await sdk.store.region.list();
    else if (i % 3 === 1) await sdk.store.cart.retrieve(cart.id);
    else await sdk.store.cart.retrieve("cart_missing").catch((e) => assert.equal(e.status, 404));
  }
  assert.equal(wasmHeap(), wasmBefore, "WebAssembly heap grew");
  const grownMb = (jsHeap() - jsBefore) / 1e6;
  assert.ok(grownMb < 8, `JS heap grew by ${grownMb.toFixed(1)} MB`);
});
