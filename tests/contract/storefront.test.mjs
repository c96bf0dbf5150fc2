// The browser demo's storefront in front of the real Medusa with the plugin, served as
// `bash scripts/demo.sh --medusa` serves it (scripts/demo-server.mjs), driven in
// headless Chromium: live validation, the photo uploaded to the plugin's route, merged
// and separate lines, checkout and the confirmation. Screenshots: build/screenshots/medusa-*.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { launchChromium } from "../js/browser.mjs";
import { env, repo, shirtWithSchema } from "./helpers.mjs";

const shots = process.env.SCREENSHOT_DIR ?? path.join(repo, "build/screenshots");
const photo = path.join(repo, "tests/fixtures/images/progressive-2400x3000.jpg");
let server;
let base;
let browser;
let page;
const pageErrors = [];

before(async () => {
  execFileSync(process.execPath, [path.join(repo, "scripts/bundle-demo.mjs")]); // as demo.sh --medusa does
  await shirtWithSchema();
  mkdirSync(shots, { recursive: true });
  server = spawn(process.execPath, [path.join(repo, "scripts/demo-server.mjs"), "0", env.url, env.key], { stdio: ["ignore", "pipe", "inherit"] });
  base = await new Promise((resolve, reject) => {
    let output = "";
    server.on("exit", (code) => reject(new Error(`demo-server exited with ${code}: ${output}`)));
    server.stdout.on("data", (chunk) => {
      output += chunk;
      const match = /on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) resolve(match[1]);
    });
  });
  server.removeAllListeners("exit");
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
});

after(async () => {
  await browser?.close();
  server?.kill();
});

const text = (selector) => page.locator(selector).first().textContent();
const lines = () => page.locator("ul.lines > li.line");

async function openShirt() {
  await page.goto(`${base}/demo/#/`);
  await page.click(".card >> text=Custom T-Shirt");
  await page.waitForSelector("form.personalization .field");
}

async function addToCart() {
  await page.waitForFunction(() => !document.querySelector("form.personalization button[type=submit]").disabled);
  await page.click("form.personalization button[type=submit]");
  await page.waitForSelector("ul.lines");
}

test("the storefront on a real Medusa: live validation, upload, merged lines, checkout", async () => {
  await openShirt();
  const button = page.locator("form.personalization button[type=submit]");
  await page.fill("#field-message", "Hi <b>");
  assert.equal(await page.getAttribute("#field-message", "aria-invalid"), "true");
  assert.match(await text("#field-message-error"), /Use letters, digits/);
  assert.equal(await button.isDisabled(), true);

  await page.fill("#field-message", "Happy birthday, Anna!");
  await page.selectOption("#field-font", "Script");
  await page.setInputFiles("#field-photo", photo);
  await page.waitForSelector(".image-extra img.thumb:not([hidden])");
  assert.match(await text(".image-extra .field-note"), /Uploaded: 2400×3000 px/);
  await page.screenshot({ path: path.join(shots, "medusa-1-product.png"), fullPage: true });
  await addToCart();
  for (let i = 0; i < 2; i++) {
    await openShirt();
    await page.fill("#field-message", "For Ben");
    await page.selectOption("#field-font", "Mono");
    await addToCart();
  }
  assert.equal(await lines().count(), 2, "the same personalization merged into one line by Medusa");
  assert.equal(await lines().filter({ hasText: "For Ben" }).locator("input.qty").inputValue(), "2");
  assert.equal(await lines().filter({ hasText: "Happy birthday, Anna!" }).locator("img.thumb").count(), 1, "the photo, served by the plugin");
  await page.screenshot({ path: path.join(shots, "medusa-2-cart.png"), fullPage: true });

  await page.goto(`${base}/demo/#/checkout`);
  await page.waitForSelector("#checkout");
  for (const [field, value] of Object.entries({ email: "anna@example.com", first_name: "Anna", last_name: "Muster", address_1: "Hauptstr. 1", postal_code: "10115", city: "Berlin" })) {
    await page.fill(`#co-${field}`, value);
  }
  await page.click("#place-order");
  await page.waitForSelector("#order-items", { timeout: 60_000 });
  const items = await page.locator("#order-items > li").allTextContents();
  assert.equal(items.length, 2);
  assert.ok(items.some((t) => t.includes("Happy birthday, Anna!") && t.includes("Script") && t.includes("2400×3000 px")), items.join(" | "));
  assert.ok(items.some((t) => t.includes("For Ben")));
  // The photo is shown (same origin, served by the plugin), not only referenced.
  await page.waitForFunction(() => [...document.querySelectorAll("#order-items img")].some((img) => img.complete && img.naturalWidth > 0));
  assert.match(await text("footer"), /the backend is Medusa 2\.21 with medusa-plugin-personalize/);
  await page.screenshot({ path: path.join(shots, "medusa-3-confirmation.png"), fullPage: true });
  assert.deepEqual(pageErrors, []);
});
