// The browser demo in real headless Chromium, started the way the README starts it
// (`bash scripts/demo.sh`, on a free port): the whole journey from personalization to
// fulfilment, invalid input, a reload in the middle of checkout, a failing backend, and
// HTML injection. Screenshots of every page go to build/screenshots/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { launchChromium } from "../js/browser.mjs";
import { PUBLISHABLE_KEY, repo } from "../js/helpers.mjs";

const shots = process.env.SCREENSHOT_DIR ?? path.join(repo, "build/screenshots");
const photo = path.join(repo, "tests/fixtures/images/progressive-2400x3000.jpg");
const lowRes = path.join(repo, "tests/fixtures/images/photo-640x480.png");
const INJECTION = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;

let demo;
let base;
let browser;
let page;
const dialogs = [];
const pageErrors = [];
const responses = [];

before(async () => {
  mkdirSync(shots, { recursive: true });
  demo = spawn("bash", ["scripts/demo.sh"], { cwd: repo, env: { ...process.env, PORT: "0" }, stdio: ["ignore", "pipe", "inherit"], detached: true });
  let out = "";
  base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the demo did not start:\n" + out)), 600000);
    demo.on("exit", (code) => reject(new Error(`demo.sh exited with ${code}:\n${out}`)));
    demo.stdout.setEncoding("utf8");
    demo.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/storefront:\s+(http:\/\/127\.0\.0\.1:\d+)\/demo\//);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  demo.removeAllListeners("exit");
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("response", (r) => responses.push({ url: r.url(), encoding: r.headers()["content-encoding"] ?? "" }));
});

after(async () => {
  await browser?.close();
  if (demo) process.kill(-demo.pid, "SIGTERM");
});

const shot = (name) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
const text = (selector) => page.locator(selector).first().textContent();
const lines = () => page.locator("ul.lines > li.line");

async function openProduct(title) {
  await page.goto(`${base}/demo/#/`);
  await page.click(`.card >> text=${title}`);
  await page.waitForSelector("form.personalization .field");
}

async function addToCart() {
  const button = page.locator("form.personalization button[type=submit]");
  await page.waitForFunction(() => !document.querySelector("form.personalization button[type=submit]").disabled);
  await button.click();
  await page.waitForSelector("ul.lines");
}

test("the catalogue lists the personalized products", async () => {
  await page.goto(`${base}/`);
  await page.waitForSelector(".card");
  assert.deepEqual(await page.locator(".card h2").allTextContents(), ["Custom T-Shirt", "Engraved Letter"]);
  assert.match(await text(".card"), /Personalize: Your message, Font, Text colour, Photo/);
  // Loaded as a phone needs it: one bundle (no chain of source modules), the .wasm once
  // (preloaded, then used), brotli-compressed.
  const wasm = responses.filter((r) => r.url.endsWith(".wasm"));
  assert.equal(wasm.length, 1, "the preloaded module is the one instantiated");
  assert.equal(wasm[0].encoding, "br");
  assert.equal(responses.filter((r) => r.url.includes("/src/") || r.url.includes("/demo/js/")).length, 0);
  await shot("1-catalogue");
});

test("the form is generated from the schema and validates on every keystroke", async () => {
  await openProduct("Custom T-Shirt");
  const widgets = await page.locator("form.personalization .field").evaluateAll((fields) => fields.map((f) => f.className));
  assert.deepEqual(widgets, ["field field-text", "field field-font", "field field-colour", "field field-image"]);
  const button = page.locator("form.personalization button[type=submit]");
  assert.equal(await button.isDisabled(), true, "empty required message blocks adding");
  assert.equal(await text("#why"), "To add it: Your message: fill this in", "a disabled Add to cart says why");
  assert.equal(await page.title(), "Custom T-Shirt · Personalized gifts", "the title follows the route");
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  // Tap targets of at least 44 px.
  const heights = await page.locator("form.personalization input[type=text], form.personalization select, form.personalization button").evaluateAll(
    (nodes) => nodes.filter((n) => n.offsetParent).map((n) => n.getBoundingClientRect().height));
  assert.ok(heights.every((px) => px >= 44), `heights ${heights}`);
  // An invalid field keeps its red border once left.
  await page.focus("#field-message");
  await page.keyboard.press("Tab");
  assert.equal(await page.getAttribute("#field-message", "aria-invalid"), "true");
  await page.fill("#field-message", "Hi <b>");
  assert.equal(await page.getAttribute("#field-message", "aria-invalid"), "true");
  assert.match(await text("#field-message-error"), /Use letters, digits/);
  assert.equal(await page.getAttribute("#field-message", "aria-describedby"), "field-message-error");
  assert.equal(await button.isDisabled(), true);
  assert.equal(await text(".counter"), "6 / 40");
  await page.fill("#field-message", "x".repeat(41));
  assert.match(await text("#field-message-error"), /At most 40 characters/);
  assert.equal(await page.locator(".counter.over").count(), 1);
  // A photo below the print resolution is refused before upload.
  await page.setInputFiles("#field-photo", lowRes);
  await page.waitForFunction(() => document.querySelector("#field-photo-error").textContent !== "");
  // One message for the photo, stating the pixels the print needs.
  assert.equal(await text("#field-photo-error"), "Photo: needs at least 1182 × 1477 pixels to print sharply");
  assert.match(await text(".preview .warning"), /would print at 48 dpi, below the 150 dpi/);
  await shot("2-product-invalid");
  // Only PNG and JPEG, judged by their bytes, not by their name.
  await page.setInputFiles("#field-photo", { name: "photo.png", mimeType: "image/png", buffer: Buffer.from("<svg onload=alert(1)>") });
  await page.waitForFunction(() => /PNG|JPEG|type/i.test(document.querySelector("#field-photo-error").textContent));
  assert.equal(await page.locator(".image-extra img.thumb:not([hidden])").count(), 0);
  // Clearing the (optional) photo resets every message about it, the DPI warning too.
  await page.setInputFiles("#field-photo", lowRes);
  await page.waitForFunction(() => !document.querySelector(".preview .warning").hidden);
  await page.click("button:has-text('Remove photo')");
  await page.waitForFunction(() => document.querySelector("#field-photo-error").textContent === "");
  assert.equal(await page.locator("button:has-text('Remove photo')").isHidden(), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), "field-photo", "focus returns to the file input");
  assert.equal(await page.locator(".preview .warning:not([hidden])").count(), 0);
  assert.equal(await page.getAttribute("#field-photo", "aria-invalid"), "false");
});

test("two different shirts, the same one twice, a photo: separate and merged lines", async () => {
  await openProduct("Custom T-Shirt");
  await page.fill("#field-message", "Happy birthday, Anna!");
  await page.selectOption("#field-font", "Script");
  await page.setInputFiles("#field-photo", photo);
  await page.waitForSelector(".image-extra img.thumb:not([hidden])");
  assert.match(await text(".image-extra .field-note"), /Uploaded: 2400×3000 px/);
  // The preview has a text alternative that says what it shows.
  assert.match(await page.getAttribute(".preview canvas", "aria-label"),
    /^Preview of the print area: the message “Happy birthday, Anna!” in Script, colour #1d1d1f, and your photo \(2400 × 3000 pixels\) above it\.$/);
  await shot("3-product-with-photo");
  await addToCart();
  assert.equal(await lines().count(), 1);

  for (let i = 0; i < 2; i++) {
    await openProduct("Custom T-Shirt");
    await page.fill("#field-message", "For Ben");
    await page.selectOption("#field-font", "Mono");
    await addToCart();
  }
  assert.equal(await lines().count(), 2, "the same personalization merged into one line");
  const ben = lines().filter({ hasText: "For Ben" });
  assert.equal(await ben.locator("input.qty").inputValue(), "2");
  const anna = lines().filter({ hasText: "Happy birthday, Anna!" });
  assert.equal(await anna.locator("img.thumb").count(), 1);
  assert.equal(await page.textContent("#cart-count"), "3");
  await shot("4-cart");
});

test("edit a personalization, change a quantity, remove a line", async () => {
  await page.goto(`${base}/demo/#/cart`);
  await page.waitForSelector("ul.lines");
  await lines().filter({ hasText: "For Ben" }).locator("text=Edit").click();
  await page.waitForSelector("form.personalization .field");
  assert.equal(await page.inputValue("#field-message"), "For Ben");
  await page.fill("#field-message", "For Ben & Jo");
  await page.click("form.personalization button[type=submit]");
  await page.waitForSelector("ul.lines");
  assert.equal(await lines().filter({ hasText: "For Ben & Jo" }).count(), 1);

  // An engraved letter whose message tries to inject HTML: shown as text, never run.
  await openProduct("Engraved Letter");
  assert.equal(await page.textContent("label[for=variant]"), "Finish ", "the picker is named after the product's option");
  assert.equal(await page.textContent("#quantity-hint"), " 1 to 99 per line ", "quantity limits stated");
  const letterWidgets = await page.locator("form.personalization .field").evaluateAll((f) => f.map((x) => x.className));
  assert.deepEqual(letterWidgets, ["field field-text", "field field-textarea", "field field-number", "field field-select", "field field-checkbox"]);
  assert.deepEqual(await page.locator("#field-finish option").allTextContents(), ["Choose…", "Brushed", "Polished", "Antique"]);
  await page.fill("#field-initials", "AMZ");
  // The engraving counts characters as the customer sees them: a flag, a family and an ë
  // typed as e + U+0308 are one each.
  await page.fill("#field-message", "Zoe\u0308 🇫🇷 👨‍👩‍👧");
  assert.equal(await text(".field-textarea .counter"), "7 / 120");
  await page.fill("#field-message", "🇫🇷".repeat(121));
  assert.match(await text("#field-message-error"), /at most 120 characters/);
  assert.equal(await page.locator(".field-textarea .counter.over").count(), 1);
  await page.fill("#field-message", INJECTION);
  await page.fill("#field-height_mm", "100");
  assert.equal(await text("#field-height_mm-error"), "Letter height in mm: at most 60");
  assert.equal(await page.locator("form.personalization button[type=submit]").isDisabled(), true);
  await page.fill("#field-height_mm", "30");
  await page.selectOption("#field-finish", "Polished");
  await page.check("#field-gift_wrap");
  // A quantity outside the stated limits is refused with a message, not changed silently.
  await page.fill("#quantity", "0");
  await page.click("form.personalization button[type=submit]");
  assert.equal(await text("#why"), "Quantity: a whole number from 1 to 99");
  assert.equal(await page.getAttribute("#quantity", "aria-invalid"), "true");
  await page.fill("#quantity", "1");
  await addToCart();
  assert.equal(await lines().count(), 3);
  const letter = lines().filter({ hasText: "Engraved Letter" });
  assert.ok((await letter.textContent()).includes(INJECTION));
  assert.match(await letter.textContent(), /Letter height in mm30.*FinishPolished.*Gift wrapYes/s);
  assert.equal(await page.locator("ul.lines img[src=x]").count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);

  const qty = lines().filter({ hasText: "Happy birthday, Anna!" }).locator("input.qty");
  await qty.fill("2");
  await qty.dispatchEvent("change");
  await page.waitForFunction(() => document.querySelector("#cart-count").textContent === "5");

  // Another letter, removed again: totals follow the backend.
  await openProduct("Engraved Letter");
  await page.fill("#field-initials", "XY");
  await addToCart();
  assert.equal(await lines().count(), 4);
  const total = await text("#cart-total");
  await lines().filter({ hasText: "XY" }).locator("button >> text=Remove").click();
  await page.waitForFunction(() => document.querySelectorAll("ul.lines > li.line").length === 3);
  assert.notEqual(await text("#cart-total"), total, "totals come from the backend");
  assert.equal(await page.textContent("#cart-count"), "5");
});

test("the backend refuses an invalid personalization sent around the form", async () => {
  const refused = await page.evaluate(async (key) => {
    const cartId = JSON.parse(localStorage.getItem("medusa-personalize-demo:cart"));
    const { cart } = await (await fetch(`/store/carts/${cartId}`, { headers: { "x-publishable-api-key": key } })).json();
    const response = await fetch(`/store/carts/${cartId}/line-items`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-publishable-api-key": key },
      body: JSON.stringify({ variant_id: cart.items[0].variant_id, quantity: 1, metadata: { message: "<script>", font: "Comic" } }),
    });
    return { status: response.status, body: await response.json() };
  }, PUBLISHABLE_KEY);
  assert.equal(refused.status, 400);
  assert.equal(refused.body.type, "invalid_data");
  assert.deepEqual(refused.body.issues.map((i) => i.instance_path).sort(), ["/font", "/message"]);
});

test("a failed request shows a clear message and can be retried; nothing is lost", async () => {
  await openProduct("Custom T-Shirt");
  await page.fill("#field-message", "Retry me");
  // The SDK checks the cart and resends an add after a 503 twice by itself (3 tries per
  // click): six failures outlast the first click and the one after the reload.
  let failures = 6;
  await page.route("**/store/carts/*/line-items", (route) => (failures-- > 0 ? route.fulfill({ status: 503, body: "busy" }) : route.continue()));
  await page.click("form.personalization button[type=submit]");
  await page.waitForSelector("#problem:not([hidden])");
  assert.match(await text("#problem"), /The shop had a problem \(503\)/);
  assert.equal(await page.inputValue("#field-message"), "Retry me", "the form keeps its values");
  await shot("5-backend-error");
  // The unsent draft also survives a reload.
  await page.reload();
  await page.waitForSelector("form.personalization .field");
  assert.equal(await page.inputValue("#field-message"), "Retry me");
  await page.click("form.personalization button[type=submit]");
  await page.waitForSelector("#problem:not([hidden])");
  await page.click("#problem button >> text=Try again");
  await page.waitForSelector("ul.lines");
  assert.equal(await lines().filter({ hasText: "Retry me" }).count(), 1);
  await page.unroute("**/store/carts/*/line-items");
});

test("checkout survives a reload, places the order, and the confirmation shows each personalization", async () => {
  await page.goto(`${base}/demo/#/checkout`);
  await page.waitForSelector("#checkout");
  // The items with their personalizations, and the backend's shipping and total, before paying.
  const listed = await page.locator(".checkout-items > li").allTextContents();
  assert.equal(listed.length, 4);
  assert.ok(listed.some((t) => t.includes("Happy birthday, Anna!")));
  await page.waitForFunction(() => /Shipping: .* · Total: /.test(document.getElementById("checkout-totals").textContent));
  // An email is checked as an email: "anna@example" is refused where a browser lets it pass.
  await page.fill("#co-email", "anna@example");
  await page.click("#place-order");
  assert.equal(await text("#co-email-error"), "Email: enter an address like name@example.com");
  assert.equal(await page.getAttribute("#co-email", "aria-invalid"), "true");
  await page.fill("#co-email", "anna@example.com");
  await page.fill("#co-first_name", "Anna");
  await page.fill("#co-last_name", "Muster");
  await page.fill("#co-address_1", "Hauptstr. 1");
  await page.reload();
  await page.waitForSelector("#checkout");
  assert.equal(await page.inputValue("#co-email"), "anna@example.com", "the draft survived the reload");
  assert.equal(await page.inputValue("#co-address_1"), "Hauptstr. 1");
  await page.fill("#co-postal_code", "10115");
  await page.fill("#co-city", "Berlin");
  await shot("6-checkout");
  await page.click("#place-order");
  await page.waitForSelector("#order-items");
  const items = await page.locator("#order-items > li").allTextContents();
  assert.equal(items.length, 4);
  assert.ok(items.some((t) => t.includes(INJECTION)), "the injected text is shown as text");
  assert.ok(items.some((t) => t.includes("Happy birthday, Anna!") && t.includes("Script") && t.includes("2400×3000 px")));
  assert.ok(items.some((t) => t.includes("For Ben & Jo")));
  assert.equal(await page.textContent("#cart-count"), "0");
  await shot("7-confirmation");
});

test("staff: login, orders with personalization, the print queue, fulfilment", async () => {
  await page.goto(`${base}/demo/staff.html`);
  await page.waitForSelector("#login");
  await page.fill("#password", "wrong");
  await page.click("#login button[type=submit]");
  await page.waitForFunction(() => document.querySelector("#login-error").textContent !== "");
  assert.equal(await text("#login-error"), "Wrong email or password.");
  await page.fill("#password", "supersecret");
  await page.click("#login button[type=submit]");
  await page.waitForSelector("#print-queue");
  const jobs = page.locator("#print-queue tbody tr");
  assert.equal(await jobs.count(), 4);
  assert.equal(await page.locator("#print-queue .status-queued").count(), 4);
  assert.ok((await text("#orders")).includes(INJECTION), "staff see the customer's text as text");
  assert.equal(await page.locator("img[src=x]").count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator("#print-queue img.thumb").count(), 1);
  assert.match(await text("#orders"), /valid against the current schema/);
  assert.match(await text("#orders"), /fnv1a64:[0-9a-f]{16}/);
  await shot("8-staff-queue");
  await page.click("#orders >> text=Create fulfillment");
  await page.waitForFunction(() => document.querySelectorAll("#print-queue .status-fulfilled").length === 4);
  assert.equal(await page.locator("#orders >> text=Create fulfillment").count(), 0);
  await shot("9-staff-fulfilled");
  // Reload: still logged in (session storage), same view.
  await page.reload();
  await page.waitForSelector("#print-queue");
});

test("the SDK keeps the JWT in localStorage by default, and opens it only when it needs it", async () => {
  // A page of the demo's origin with no demo code running in it.
  const bare = await browser.context.newPage();
  try {
    await bare.goto(`${base}/src/index.js`);
    const seen = await bare.evaluate(async () => {
      const { MedusaPersonalize } = await import("/src/index.js");
      const real = Object.getOwnPropertyDescriptor(window, "localStorage");
      let opened = 0;
      Object.defineProperty(window, "localStorage", {
        configurable: true,
        get() {
          opened++;
          return real.get.call(window);
        },
      });
      try {
        const sdk = await MedusaPersonalize.create({ baseUrl: location.origin });
        sdk.personalization.compile({ type: "object" }).validate({});
        const beforeToken = opened;
        await sdk.client.setToken("jwt-1");
        const stored = real.get.call(window).getItem("medusa_auth_token");
        await sdk.client.clearToken();
        return { beforeToken, stored, afterToken: opened, left: real.get.call(window).getItem("medusa_auth_token") };
      } finally {
        Object.defineProperty(window, "localStorage", real);
      }
    });
    assert.equal(seen.beforeToken, 0);
    assert.equal(seen.stored, "jwt-1");
    assert.ok(seen.afterToken > 0);
    assert.equal(seen.left, null);
  } finally {
    await bare.close();
  }
});

test("on a 390 px phone the preview stays in view while the customer types", async () => {
  const phone = await browser.context.newPage();
  try {
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${base}/demo/#/product/custom-t-shirt`);
    await phone.waitForSelector("#field-message");
    await phone.focus("#field-photo"); // the last field: the page scrolls down to it
    await phone.focus("#field-message");
    await phone.keyboard.type("Hello");
    const box = await phone.evaluate(() => {
      const r = document.querySelector(".preview canvas").getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: innerHeight };
    });
    assert.ok(box.top >= 0 && box.bottom <= box.height, `the preview is in view: ${JSON.stringify(box)}`);
    const input = await phone.evaluate(() => document.querySelector("#field-message").getBoundingClientRect().top);
    assert.ok(input >= 0 && input < 844, "the field being typed in is in view too");
  } finally {
    await phone.close();
  }
});

test("no dialogs, no script errors, injected markup never ran", () => {
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
});
