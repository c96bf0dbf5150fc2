// Image references in line-item metadata, run against both servers (the mock backend in
// tests/js, a real Medusa with the plugin in tests/contract): a reference must name an
// image the server's upload route stored, with its real type, pixels and bytes, so that
// the schema's print rules cannot be met by claiming them. `target` gives:
//   url, key (publishable), regionId, variantId (the shirt: an image field "photo").
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function defineImageReferenceCases(target) {
  let t;
  let stored; // the reference of a real upload: { url, mime, width, height, bytes }
  let cartId;
  const send = async (method, route, body) => {
    const response = await fetch(t.url + route, {
      method,
      headers: { "content-type": "application/json", "x-publishable-api-key": t.key },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  before(async () => {
    t = await target();
    const form = new FormData();
    const bytes = await readFile(path.join(repo, "tests/fixtures/images/photo-640x480.png"));
    form.append("file", new Blob([bytes], { type: "image/png" }), "small.png");
    const response = await fetch(`${t.url}/store/personalization/uploads`, { method: "POST", headers: { "x-publishable-api-key": t.key }, body: form });
    const { file } = await response.json();
    stored = { url: file.url, mime: file.mime, width: file.width, height: file.height, bytes: file.bytes };
    cartId = (await send("POST", "/store/carts", { region_id: t.regionId })).body.cart.id;
  });
  const addWithPhoto = (photo) =>
    send("POST", `/store/carts/${cartId}/line-items`, { variant_id: t.variantId, quantity: 1, metadata: { message: "Claimed", font: "Serif", photo } });

  test("an image reference that overstates its upload's pixels is refused", async () => {
    // 640x480 misses the shirt's 800 px minimum; claiming 2400x3000 would pass the schema.
    const forged = await addWithPhoto({ ...stored, width: 2400, height: 3000 });
    assert.equal(forged.status, 400, JSON.stringify(forged.body));
    assert.equal(forged.body.message, "Invalid personalization: /photo: does not match the uploaded image (its width is 640)");
    assert.deepEqual(forged.body.issues.map((i) => [i.instance_path, i.code, i.params]), [["/photo", "upload_mismatch", { property: "width", expected: 640, actual: 2400 }]]);
    const wrongType = await addWithPhoto({ ...stored, mime: "image/jpeg", width: 2400, height: 3000 });
    assert.deepEqual(wrongType.body.issues.map((i) => [i.code, i.params.property]), [["upload_mismatch", "mime"]]);
    // The truth is refused by the schema itself (the print rules), not by this check.
    const honest = await addWithPhoto(stored);
    assert.equal(honest.status, 400);
    assert.ok(honest.body.issues.every((i) => i.code.startsWith("image_")), JSON.stringify(honest.body.issues));
  });

  test("a reference to an image this shop did not store is refused", async () => {
    for (const url of ["https://images.example.test/anna.png", `${new URL(stored.url).origin}${new URL(stored.url).pathname}.missing`]) {
      const refused = await addWithPhoto({ url, mime: "image/png", width: 2400, height: 3000, bytes: 1000 });
      assert.equal(refused.status, 400, url);
      assert.deepEqual(refused.body.issues.map((i) => [i.instance_path, i.code, i.params.url]), [["/photo", "upload_unknown", url]]);
      assert.equal(refused.body.message, "Invalid personalization: /photo: is not an image uploaded to this shop");
    }
    const { body } = await send("GET", `/store/carts/${cartId}`);
    assert.deepEqual(body.cart.items, [], "nothing stored");
  });
}
