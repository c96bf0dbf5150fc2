// tests/fixtures/schemas/custom-t-shirt.json is what the contract test saves on a real
// Medusa, so that the shared cases run against the same product on both servers; it
// must stay the mock backend's T-shirt schema (tests/mock_backend/catalogue.cpp).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { PUBLISHABLE_KEY, repo, startMock } from "./helpers.mjs";

let mock;
after(() => mock?.stop());

test("the contract's T-shirt schema is the mock backend's", async () => {
  mock = await startMock();
  const response = await fetch(`${mock.url}/store/products?handle=custom-t-shirt&fields=+metadata`, {
    headers: { "x-publishable-api-key": PUBLISHABLE_KEY },
  });
  const { products } = await response.json();
  const fixture = JSON.parse(await readFile(path.join(repo, "tests/fixtures/schemas/custom-t-shirt.json"), "utf8"));
  assert.deepEqual(products[0].metadata.personalization, fixture);
});
