// The plugin's widgets in the real Medusa Admin (built by scripts/contract/start-medusa.sh
// with the plugin installed from its tarball), driven in headless Chromium: staff log in,
// the order page shows the personalization (labels from the schema, the photo, validity)
// and the print job, whose retry works; the product page edits the schema with the
// core's compile errors inline and previews the storefront's form with the validator's
// answers. Screenshots: build/screenshots/admin-*.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { launchChromium } from "../js/browser.mjs";
import { ADMIN, admin, createSdk, env, repo, shirtWithSchema } from "./helpers.mjs";
import { deliveredAndFulfilled, oneJob, placeOrder, printWorker, requirePrintService, waitFor } from "./print-service.mjs";

const shots = process.env.SCREENSHOT_DIR ?? path.join(repo, "build/screenshots");
// The dashboard on "localhost": the origin Medusa's ADMIN_CORS and AUTH_CORS name.
const appUrl = env.url.replace("127.0.0.1", "localhost") + "/app";
const worker = printWorker();
let sdk, shirt, browser, page;
const problems = [];

before(async () => {
  requirePrintService();
  mkdirSync(shots, { recursive: true });
  sdk = await createSdk();
  shirt = await shirtWithSchema();
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(`${appUrl}/login`);
  await page.fill("input[name=email]", ADMIN.email);
  await page.fill("input[name=password]", ADMIN.password);
  await page.click("button[type=submit]");
  await page.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: 30_000 });
  // From here on, any script error or React warning on a page is a failure.
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => {
    if (m.type() !== "error" || isDashboardsOwn(m.text())) return;
    const where = m.location()?.url ?? "";
    // The dashboard fetches a few resources from the internet; this machine has none.
    if (m.text().startsWith("Failed to load resource") && !new URL(where, appUrl).host.startsWith("localhost")) return;
    problems.push(`${m.text()} (${where})`);
  });
});

after(async () => {
  await browser?.close();
  await worker.stop();
  await shirtWithSchema();
});

// Medusa 2.21.2's own order page logs a React warning (a <div> inside a <p>, from its
// order-detail chunk) with or without the plugin.
const isDashboardsOwn = (message) => message.includes("validateDOMNesting") && message.includes("/assets/order-detail-");

async function setShirtSchema(schema) {
  const saved = await admin("POST", `/admin/products/${shirt.id}`, { metadata: { personalization: schema } });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
}

const tightened = () => {
  const schema = structuredClone(shirt.schema);
  schema.properties.message.maxLength = 5;
  return schema;
};

test("the order page: the personalization labelled from the schema, the photo, validity, and the print job with a retry that works", async () => {
  await worker.stop();
  const order = await placeOrder(sdk, shirt, "For the print shop", { photo: true });
  await waitFor("a failed attempt", () => oneJob(order.id, (j) => j.status === "pending" && j.attempts >= 1));
  // The print service refuses the item (staff tightened the schema after the order).
  await setShirtSchema(tightened());
  await worker.start();
  await waitFor("the job to fail", () => oneJob(order.id, (j) => j.status === "failed"));

  await page.goto(`${appUrl}/orders/${order.id}`);
  const widget = page.locator("[data-testid=order-personalization]");
  await widget.locator("[data-testid=personalized-item]").waitFor();
  const text = await widget.innerText();
  for (const expected of ["2 × Custom T-Shirt", "Your message", "For the print shop", "Font", "Serif", "Photo · 2400 × 3000 px"]) {
    assert.ok(text.includes(expected), `${expected}\n${text}`);
  }
  const validity = widget.locator("[data-testid=personalization-validity]");
  assert.equal(await validity.innerText(), "Schema changed since the order");
  const thumbnail = widget.locator("img");
  assert.equal(await thumbnail.getAttribute("src"), order.items[0].metadata.photo.url);
  await waitFor("the thumbnail to load", () => thumbnail.evaluate((img) => img.complete && img.naturalWidth === 2400), 10_000);
  assert.equal(await widget.locator("[data-testid=print-job-status]").innerText(), "failed");
  assert.match(text, /HTTP 422: .*schema_mismatch/);

  // Back to the schema it was sold with: valid again, and staff retry the job.
  await setShirtSchema(shirt.schema);
  await page.reload();
  await widget.locator("[data-testid=personalized-item]").waitFor();
  assert.equal(await validity.innerText(), "Valid");
  await widget.getByRole("button", { name: "Retry now" }).click();
  await waitFor("the retried job in the widget", async () => ["delivered", "fulfilled"].includes(await widget.locator("[data-testid=print-job-status]").innerText()), 15_000);
  assert.equal(await widget.getByRole("button", { name: "Retry now" }).count(), 0, "nothing to retry once delivered");
  await waitFor("the job to be fulfilled", () => oneJob(order.id, deliveredAndFulfilled));
  assert.deepEqual(worker.files(order.items[0].id), [`${order.items[0].id}.jpg`, `${order.items[0].id}.json`, `${order.items[0].id}.rejected.json`]);
  await page.reload();
  await widget.locator("[data-testid=personalized-item]").waitFor();
  await waitFor("the fulfilled status", async () => (await widget.locator("[data-testid=print-job-status]").innerText()) === "fulfilled", 10_000);
  await widget.screenshot({ path: path.join(shots, "admin-order-personalization.png") });
  assert.deepEqual(problems, []);
});

test("the product page: the schema as JSON, the compiler's message inline, and a live preview of the storefront's form", async () => {
  await page.goto(`${appUrl}/products/${shirt.id}`);
  const widget = page.locator("[data-testid=product-personalization]");
  const editor = widget.locator("#personalization-schema");
  await editor.waitFor();
  assert.deepEqual(JSON.parse(await editor.inputValue()), shirt.schema, "the stored schema");
  const save = widget.getByRole("button", { name: "Save schema" });
  const error = widget.locator("[data-testid=schema-error]");

  await editor.fill('{"type": "object", "properties": {"initials": {"type": "string", "pattern": "(["}}}');
  await error.waitFor();
  assert.match(await error.innerText(), /pattern/i);
  assert.ok(await save.isDisabled(), "a schema that does not compile cannot be saved");
  await editor.fill("{ not json");
  await waitFor("the JSON error", async () => /^Not JSON/.test(await error.innerText()), 5_000);

  // A working schema: the form the storefront generates, checked as staff type.
  const edited = structuredClone(shirt.schema);
  edited.properties.message.description = "Printed across the chest";
  await editor.fill(JSON.stringify(edited, null, 2));
  const preview = widget.locator("[data-testid=form-preview]");
  await preview.waitFor();
  assert.equal(await error.count(), 0);
  const labels = await preview.locator("label").allInnerTexts();
  assert.deepEqual(labels, ["Your message *", "Font *", "Text colour", "Photo"]);
  assert.ok((await preview.innerText()).includes("Printed across the chest"));
  await preview.locator("#personalization-preview-message").fill("x".repeat(41));
  await waitFor("the length issue", async () => (await preview.locator("[data-testid=preview-issue]").allInnerTexts()).includes("At most 40 characters"), 5_000); // the schema's x-messages
  await preview.locator("#personalization-preview-message").fill("Happy birthday");
  await preview.locator("#personalization-preview-font").click();
  await page.getByRole("option", { name: "Serif" }).click();
  await waitFor("the values to be valid", async () => (await preview.innerText()).includes("These values are valid"), 5_000);
  await widget.screenshot({ path: path.join(shots, "admin-product-personalization.png") });

  await save.click();
  await waitFor("the save", async () => (await widget.innerText()).includes("Schema saved"), 10_000);
  const { body } = await admin("GET", `/admin/products/${shirt.id}?fields=metadata`);
  assert.deepEqual(body.product.metadata.personalization, edited);
  await shirtWithSchema();
  assert.deepEqual(problems, []);
});
