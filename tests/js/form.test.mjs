// The form model (medusa-personalize/form) under node:test: every widget's description,
// values and defaults, touched and dirty, issues in words for people, counters that count
// as the schema does, image checks and uploads (progress, refusal, failure, replacement,
// removal), and toMetadata against what createPersonalizedLineItem sends.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createPersonalizationForm, fieldOf } from "../../web/src/form.js";
import { createSdk, repo, scriptedFetch } from "./helpers.mjs";

const image = (name) => readFileSync(path.join(repo, "tests/fixtures/images", name));
const SCHEMA = {
  type: "object",
  required: ["message", "font", "photo"],
  properties: {
    message: {
      type: "string", title: "Your message", minLength: 1, "x-maxGraphemes": 12, pattern: "^[^<>]*$",
      "x-order": 1, "x-messages": { pattern: "No < or > please" },
    },
    note: { type: "string", title: "Gift note", "x-widget": "textarea", maxLength: 200, "x-order": 2 },
    font: { type: "string", title: "Font", enum: ["Serif", "Script"], default: "Serif", "x-widget": "font", "x-order": 3 },
    colour: { type: "string", title: "Colour", format: "colour", "x-order": 4 },
    copies: { type: "integer", title: "Copies", minimum: 1, maximum: 5, "x-order": 5 },
    wrap: { type: "boolean", title: "Gift wrap", "x-order": 6 },
    photo: {
      title: "Photo", "x-order": 7,
      "x-image": { accept: ["image/png", "image/jpeg"], max_bytes: 10485760, min_width: 800, min_height: 800,
        print_width_mm: 200, print_height_mm: 250, min_dpi: 150 },
    },
  },
};

const sdk = await createSdk({ baseUrl: "http://127.0.0.1:9" });
const schema = sdk.personalization.compile(SCHEMA);
// A photo's bytes with a distinct trailing byte: the reader ignores what follows the
// image, and each test's upload is not taken for an earlier test's (the form remembers
// the uploads of the page by their bytes).
const variantOf = (name, n) => Buffer.concat([image(name), Buffer.from([n])]);
const stored = (bytes) => ({ url: "https://cdn.example/p.jpg", mime: "image/jpeg", width: 2400, height: 3000, bytes });

test("fields: every widget described for a renderer, in display order", () => {
  const form = createPersonalizationForm(schema);
  assert.deepEqual(form.fields.map((f) => [f.name, f.widget]), [
    ["message", "text"], ["note", "textarea"], ["font", "font"], ["colour", "colour"],
    ["copies", "number"], ["wrap", "checkbox"], ["photo", "image"],
  ]);
  const byName = Object.fromEntries(form.fields.map((f) => [f.name, f]));
  assert.deepEqual(byName.message.text, { min: null, max: 12, unit: "graphemes" }); // minLength counts code points
  assert.deepEqual(byName.note.text, { min: null, max: 200, unit: "code_points" });
  assert.deepEqual(byName.font.options, [{ value: "Serif", label: "Serif" }, { value: "Script", label: "Script" }]);
  assert.deepEqual(byName.copies.number, { minimum: 1, maximum: 5, step: 1, integer: true });
  // The pixel size the print needs, stated before upload: 200 mm at 150 dpi is 1182 px.
  assert.deepEqual(byName.photo.image, {
    accept: ["image/png", "image/jpeg"], maxBytes: 10485760, minWidth: 1182, minHeight: 1477,
    printWidthMm: 200, printHeightMm: 250, minDpi: 150,
  });
  assert.equal(byName.message.label, "Your message");
  assert.throws(() => form.field("nope"), RangeError);
  assert.throws(() => createPersonalizationForm(SCHEMA), TypeError, "a compiled schema is needed");
});

test("values, defaults, touched and dirty; issues show once a field is touched", () => {
  const form = createPersonalizationForm(schema, { values: { message: "Hi" } });
  assert.deepEqual(form.values, { message: "Hi", font: "Serif" });
  assert.equal(form.field("message").dirty, false);
  assert.deepEqual(form.field("photo").issues, [], "untouched: nothing shown yet");
  assert.equal(form.report.valid, false);
  form.set("message", "Hi <b>");
  const message = form.field("message");
  assert.equal(message.touched, true);
  assert.equal(message.dirty, true);
  assert.deepEqual(message.issues, [{ code: "pattern", message: "No < or > please" }], "the schema's own words");
  form.set("message", "");
  assert.deepEqual(form.field("message").issues, [{ code: "required", message: "Your message: fill this in" }]);
  form.touchAll();
  assert.deepEqual(form.field("photo").issues, [{ code: "required", message: "Photo: add a photo" }]);
  form.set("copies", 9);
  assert.deepEqual(form.field("copies").issues, [{ code: "maximum", message: "Copies: at most 5" }]);
  form.set("font", "Comic");
  assert.deepEqual(form.field("font").issues, [{ code: "enum", message: "Font: choose one of the options" }]);
  form.set("colour", "red");
  assert.deepEqual(form.field("colour").issues, [{ code: "format", message: "Colour: choose a colour" }]);
  const { ok, reasons } = form.submittable;
  assert.equal(ok, false);
  assert.deepEqual(reasons, ["Your message: fill this in", "Font: choose one of the options", "Colour: choose a colour",
    "Copies: at most 5", "Photo: add a photo"]);
});

test("counters count as the schema does: graphemes for x-maxGraphemes, of the stored text", () => {
  const form = createPersonalizationForm(schema);
  form.set("message", " 🇫🇷 Zoe\u0308 👨‍👩‍👧 ");
  assert.deepEqual(form.counter("message"), { length: 7, min: null, max: 12, unit: "graphemes", over: false });
  form.set("message", "🎉".repeat(13));
  assert.equal(form.counter("message").over, true);
  assert.deepEqual(form.field("message").issues, [{ code: "max_graphemes", message: "Your message: at most 12 characters (now 13)" }]);
  form.set("note", "e\u0301".repeat(3));
  assert.deepEqual(form.counter("note"), { length: 3, min: null, max: 200, unit: "code_points", over: false });
});

test("an image below the print resolution is refused before upload, with one message", async () => {
  let uploads = 0;
  const form = createPersonalizationForm(schema, { upload: async () => (uploads++, stored(1)) });
  assert.equal(await form.selectImage("photo", image("photo-640x480.png")), null);
  assert.equal(uploads, 0);
  const field = form.field("photo");
  assert.equal(field.upload.status, "refused");
  assert.deepEqual(field.upload.image, { mime: "image/png", width: 640, height: 480, bytes: image("photo-640x480.png").length });
  assert.deepEqual(field.issues.map((i) => i.code), ["image_min_pixels"], "pixels and dpi: one message");
  assert.equal(field.issues[0].message, "Photo: needs at least 1182 × 1477 pixels to print sharply");
  assert.equal(form.report.valid, false);
  // Removing it clears every message of the field but the required one.
  form.removeImage("photo");
  assert.equal(form.field("photo").upload, null);
  assert.deepEqual(form.field("photo").issues.map((i) => i.code), ["required"]);
});

test("a good image is uploaded with progress; the form is valid only once it is stored", async () => {
  const progress = [];
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  const form = createPersonalizationForm(schema, {
    values: { message: "Happy day" },
    upload: async (file, { field, onProgress, signal, schema: given }) => {
      assert.equal(field, "photo");
      assert.equal(given, schema);
      assert.ok(signal instanceof AbortSignal);
      onProgress({ loaded: 50, total: 100 });
      await gate;
      onProgress({ loaded: 100, total: 100 });
      return { file: stored(file.length) }; // what uploadImage answers
    },
  });
  const states = [];
  const unsubscribe = form.subscribe((f) => states.push(f.field("photo").upload?.status));
  const done = form.selectImage("photo", image("progressive-2400x3000.jpg"));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(form.field("photo").upload.status, "uploading");
  assert.equal(form.field("photo").upload.progress, 0.5);
  assert.equal(form.report.valid, false, "not valid while uploading");
  assert.deepEqual(form.submittable.reasons, ["Photo: wait for the upload to finish"]);
  release();
  const reference = await done;
  assert.deepEqual(reference, stored(image("progressive-2400x3000.jpg").length));
  assert.equal(form.field("photo").upload.status, "done");
  assert.deepEqual(form.values.photo, reference);
  assert.equal(form.report.valid, true);
  assert.deepEqual(form.submittable, { ok: true, reasons: [] });
  assert.deepEqual(states, ["checking", "uploading", "uploading", "uploading", "done"]);
  unsubscribe();
  form.set("wrap", true);
  assert.equal(states.length, 5, "no call after unsubscribing");
  void progress;
});

test("the same photo chosen again reuses its stored reference: one upload, equal metadata", async () => {
  let uploads = 0;
  const upload = async (file) => (uploads++, { url: `https://cdn.example/${uploads}.png`, mime: "image/png", width: 1800, height: 2200, bytes: file.length });
  const bytes = variantOf("progressive-2400x3000.jpg", 1);
  const a = createPersonalizationForm(schema, { values: { message: "Twice" }, upload });
  const b = createPersonalizationForm(schema, { values: { message: "Twice" }, upload });
  const first = await a.selectImage("photo", bytes);
  const second = await b.selectImage("photo", new Uint8Array(bytes)); // the same bytes, another object
  assert.equal(uploads, 1);
  assert.deepEqual(second, first);
  assert.deepEqual(b.toMetadata(), a.toMetadata(), "the cart merges them into one line");
  await b.selectImage("photo", image("photo-1200x900.jpg")); // other bytes: uploaded (and refused first if too small)
  assert.ok(uploads === 2 || b.field("photo").upload.status === "refused");
});

test("a second photo replaces the first mid-upload; a failed upload says why", async () => {
  let first;
  const form = createPersonalizationForm(schema, {
    upload: async (file, { signal }) => {
      if (!first) {
        first = signal;
        await new Promise((resolve) => signal.addEventListener("abort", resolve));
        return stored(1);
      }
      throw Object.assign(new Error("the server refused the upload (413)"), { code: "http.payload_too_large" });
    },
  });
  const a = form.selectImage("photo", variantOf("progressive-2400x3000.jpg", 2));
  while (!first) await new Promise((resolve) => setImmediate(resolve)); // its upload has begun
  const b = form.selectImage("photo", variantOf("progressive-2400x3000.jpg", 3));
  assert.equal(first.aborted, true, "the first upload was cancelled");
  assert.equal(await a, null);
  assert.equal(await b, null);
  assert.equal(form.field("photo").upload.status, "failed");
  assert.deepEqual(form.field("photo").issues, [{ code: "http.payload_too_large", message: "Photo: the server refused the upload (413)" }]);
  assert.equal(form.values.photo, undefined);
});

test("toMetadata is exactly what createPersonalizedLineItem sends", async () => {
  const cart = { id: "cart_1", items: [], region_id: "reg_1", currency_code: "eur" };
  const { fetch, requests } = scriptedFetch([{ body: { cart } }]);
  const client = await createSdk({ baseUrl: "http://shop.test", fetch });
  const compiled = client.personalization.compile(SCHEMA);
  const form = createPersonalizationForm(compiled, { values: { message: "  Für Zoe\u0308  ", photo: stored(5) } });
  assert.throws(() => createPersonalizationForm(compiled).toMetadata(), { code: "personalization.invalid" });
  const metadata = form.toMetadata();
  assert.equal(metadata.message, "Für Zoë");
  // Typed as a phone types it: the curly apostrophe is stored as the pattern's '.
  form.set("message", "Don\u2019t\u00a0forget");
  assert.equal(form.toMetadata().message, "Don't forget");
  form.set("message", "  Für Zoe\u0308  ");
  await client.store.cart.createPersonalizedLineItem("cart_1", { variant_id: "variant_1", quantity: 1, personalization: form.values, schema: compiled });
  assert.deepEqual(JSON.parse(requests[0].body).metadata, metadata);
});

test("fieldOf: the field an issue belongs to", () => {
  assert.equal(fieldOf({ instance_path: "/message/0" }), "message");
  assert.equal(fieldOf({ instance_path: "/a~1b" }), "a/b");
  assert.equal(fieldOf({ instance_path: "", params: { property: "font" } }), "font");
});
