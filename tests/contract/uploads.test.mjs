// The customer upload route on a real Medusa: the mock backend's contract, limits as
// clear 4xx (never Medusa's 500 for a multer error), content sniffed, print rules
// checked when the schema's field is named, nothing stored when refused.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { env, image, shirtWithSchema, storedFiles } from "./helpers.mjs";

const ROUTE = "/store/personalization/uploads";
let shirt;
before(async () => {
  shirt = await shirtWithSchema();
});

/** A multipart upload with plain fetch: { status, body }. */
async function upload(bytes, { filename = "photo.png", type = "image/png", fields = {}, key = env.key, field = "file" } = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (bytes) form.append(field, new Blob([bytes], { type }), filename);
  const headers = key === null ? {} : { "x-publishable-api-key": key };
  const response = await fetch(env.url + ROUTE, { method: "POST", headers, body: form });
  return { status: response.status, body: await response.json() };
}

test("a PNG or JPEG is stored whatever its name says, and served with its real type", async () => {
  const png = await image("photo-640x480.png");
  const { status, body } = await upload(png, { filename: "holiday.jpg", type: "image/jpeg" });
  assert.equal(status, 200, JSON.stringify(body));
  assert.deepEqual(Object.keys(body.file).sort(), ["bytes", "filename", "height", "id", "mime", "url", "width"]);
  assert.deepEqual([body.file.mime, body.file.width, body.file.height, body.file.bytes], ["image/png", 640, 480, png.length]);
  assert.equal(body.file.filename, "holiday.jpg");
  assert.match(body.file.url, /\/personalization\/uploads\/[^/]+\.png$/);
  const served = await fetch(body.file.url);
  assert.equal(served.headers.get("content-type"), "image/png");
  assert.equal(served.headers.get("x-content-type-options"), "nosniff");
});

test("refused uploads: too large, not an image, no file, no key; nothing is stored", async () => {
  const before = (await storedFiles()).length;
  // The app runs the plugin with uploads.maxBytes = 2 MiB.
  const big = Buffer.concat([await image("photo-640x480.png"), Buffer.alloc(2 * 1024 * 1024)]);
  const tooLarge = await upload(big);
  assert.deepEqual([tooLarge.status, tooLarge.body], [413, { type: "invalid_data", message: "file exceeds the upload limit of 2097152 bytes" }]);

  const text = await upload(Buffer.from("<svg onload=alert(1)>not an image</svg>"), { filename: "evil.png" });
  assert.equal(text.status, 400, JSON.stringify(text.body));
  assert.equal(text.body.type, "invalid_data");
  assert.match(text.body.message, /^Invalid request: .*(PNG|JPEG)/);

  const truncated = await upload((await image("photo-640x480.png")).subarray(0, 20));
  assert.equal(truncated.status, 400);

  const noFile = await upload(null, { fields: { note: "hi" } });
  assert.deepEqual([noFile.status, noFile.body], [400, { type: "invalid_data", message: "Invalid request: a multipart field 'file' is required" }]);

  const otherField = await upload(await image("photo-640x480.png"), { field: "image" });
  assert.equal(otherField.status, 400);
  assert.match(otherField.body.message, /multipart field 'file'/);

  const noKey = await upload(await image("photo-640x480.png"), { key: null });
  assert.equal(noKey.status, 400);
  assert.equal(noKey.body.type, "not_allowed");

  const notMultipart = await fetch(env.url + ROUTE, {
    method: "POST",
    headers: { "x-publishable-api-key": env.key, "content-type": "multipart/form-data; boundary=x" },
    body: "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nunterminated",
  });
  assert.equal(notMultipart.status, 400);
  assert.equal((await notMultipart.json()).type, "invalid_data");

  assert.equal((await storedFiles()).length, before, "no file written for a refused upload");
});

test("naming the schema's field checks pixels and DPI on the server", async () => {
  const variant_id = shirt.variants[0].id;
  const low = await upload(await image("photo-640x480.png"), { fields: { variant_id, field: "photo" } });
  assert.equal(low.status, 400, JSON.stringify(low.body));
  assert.match(low.body.message, /^the image does not meet the print rules of "photo": /);
  assert.ok(low.body.issues.some((i) => i.code === "image_min_pixels"), JSON.stringify(low.body.issues));

  const good = await upload(await image("progressive-2400x3000.jpg"), { filename: "big.jpg", fields: { variant_id, field: "photo" } });
  assert.equal(good.status, 200, JSON.stringify(good.body));

  const wrongField = await upload(await image("progressive-2400x3000.jpg"), { fields: { variant_id, field: "message" } });
  assert.equal(wrongField.status, 400);
  assert.match(wrongField.body.message, /has no image field 'message'/);
  const unknownVariant = await upload(await image("progressive-2400x3000.jpg"), { fields: { variant_id: "variant_nope", field: "photo" } });
  assert.equal(unknownVariant.status, 404);
  const half = await upload(await image("progressive-2400x3000.jpg"), { fields: { field: "photo" } });
  assert.equal(half.status, 400);
});

test("the serving route answers only for the plugin's own uploads", async () => {
  for (const id of ["../medusa-config.ts", "not-ours.png", "personalization-0000.png", "%2e%2e%2fpackage.json"]) {
    const response = await fetch(`${env.url}/personalization/uploads/${id}`);
    assert.equal(response.status, 404, id);
  }
  const missing = await fetch(`${env.url}/personalization/uploads/personalization-00000000-0000-4000-8000-000000000000.png`);
  assert.equal(missing.status, 404);
});
