// <medusa-personalization-form> in headless Chromium, on the demo's web component page
// served by the mock backend: filled with the keyboard only, errors announced in the live
// region, the counter announced once typing pauses, a theme applied through custom
// properties and ::part, the change/valid events, a photo checked, uploaded and removed,
// and the personalized line added to a cart.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launchChromium } from "../js/browser.mjs";
import { repo, startMock } from "../js/helpers.mjs";

const photo = path.join(repo, "tests/fixtures/images/progressive-2400x3000.jpg");
const lowRes = path.join(repo, "tests/fixtures/images/photo-640x480.png");
let mock;
let browser;
let page;
const pageErrors = [];

before(async () => {
  mock = await startMock(["--static", path.join(repo, "web")]);
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => m.type() === "error" && pageErrors.push(m.text()));
  await page.goto(`${mock.url}/demo/element.html`);
  await page.waitForSelector("medusa-personalization-form >> input#mpf-message");
});

after(async () => {
  await browser?.close();
  await mock?.stop();
});

const inForm = (selector) => page.locator(`medusa-personalization-form >> ${selector}`);
const live = () => inForm("[role=status]").textContent();

test("every control is labelled and described; the add button says why it is disabled", async () => {
  const controls = await page.evaluate(() => {
    const root = document.querySelector("medusa-personalization-form").shadowRoot;
    return [...root.querySelectorAll("input, select, textarea")].map((c) => ({
      id: c.id,
      label: root.querySelector(`label[for="${c.id}"]`)?.textContent,
      describedBy: c.getAttribute("aria-describedby").split(" ").every((id) => root.getElementById(id)),
    }));
  });
  assert.deepEqual(controls.map((c) => c.label), ["Your message *", "Font *", "Text colour", "Photo"]);
  assert.ok(controls.every((c) => c.describedBy), "every aria-describedby id exists");
  assert.equal(await page.isDisabled("#add"), true);
  assert.match(await page.textContent("#why"), /Your message: /);
});

test("keyboard only: type, tab away, the error is announced; fix it and the form is valid", async () => {
  const events = await page.evaluate(() => {
    window.__valid = [];
    document.querySelector("medusa-personalization-form").addEventListener("valid", (e) => window.__valid.push(e.detail.valid));
  });
  void events;
  await inForm("#mpf-message").focus();
  await page.keyboard.type("Hi <b>");
  await page.keyboard.press("Tab");
  assert.equal(await inForm("#mpf-message").getAttribute("aria-invalid"), "true");
  assert.match(await inForm("#mpf-message-error").textContent(), /Use letters, digits/);
  assert.match(await live(), /Use letters, digits/, "announced in the live region");
  await inForm("#mpf-message").focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press("Backspace");
  await page.keyboard.type("Happy birthday, Anna!");
  // The counter is announced politely once typing pauses, not on every keystroke.
  await page.waitForFunction(() =>
    /21 of 40 characters/.test(document.querySelector("medusa-personalization-form").shadowRoot.querySelector("[role=status]").textContent));
  assert.equal(await inForm("#mpf-message").getAttribute("aria-invalid"), "false");
  await page.keyboard.press("Tab"); // to the font select, which has its default
  assert.equal(await page.evaluate(() => document.querySelector("medusa-personalization-form").shadowRoot.activeElement.id), "mpf-font");
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.evaluate(() => document.querySelector("medusa-personalization-form").values.font), "Script");
  await page.waitForFunction(() => !document.getElementById("add").disabled);
  // `valid` fires only when the verdict flips (the backspaces passed through valid "Hi").
  const flips = await page.evaluate(() => window.__valid);
  assert.equal(flips.at(-1), true);
  assert.ok(flips.every((v, i) => i === 0 || v !== flips[i - 1]), `flips only: ${flips}`);
  assert.equal(await page.textContent("#why"), "");
});

test("a theme reaches inside: custom properties and ::part", async () => {
  const styles = await page.evaluate(() => {
    const root = document.querySelector("medusa-personalization-form").shadowRoot;
    const input = getComputedStyle(root.querySelector("#mpf-message"));
    const label = getComputedStyle(root.querySelector("label"));
    return { radius: input.borderTopLeftRadius, border: input.borderTopColor, transform: label.textTransform, height: input.height };
  });
  assert.equal(styles.radius, "14px");
  assert.equal(styles.border, "rgb(167, 139, 250)");
  assert.equal(styles.transform, "uppercase");
  assert.ok(parseFloat(styles.height) >= 44, "tap targets of at least 44 px");
});

test("a photo: refused below print resolution with one message, uploaded, removed", async () => {
  assert.match(await inForm(".rules").textContent(), /At least 1182 × 1477 pixels/);
  await inForm("#mpf-photo").setInputFiles(lowRes);
  await page.waitForFunction(() =>
    document.querySelector("medusa-personalization-form").shadowRoot.querySelector("#mpf-photo-error").textContent !== "");
  assert.equal(await inForm("#mpf-photo-error").textContent(), "Photo: needs at least 1182 × 1477 pixels to print sharply");
  await page.waitForFunction(() => document.getElementById("add").disabled);
  await inForm("#mpf-photo").setInputFiles(photo);
  await page.waitForFunction(() => !document.querySelector("medusa-personalization-form").shadowRoot.querySelector(".thumb").hidden);
  assert.equal(await inForm("#mpf-photo-error").textContent(), "");
  assert.match(await inForm(".thumb").getAttribute("alt"), /2400 × 3000 pixels/);
  assert.equal(await page.isDisabled("#add"), false);
  await inForm("button").click();
  assert.equal(await page.evaluate(() => document.querySelector("medusa-personalization-form").values.photo), undefined);
  assert.equal(await inForm(".thumb").isHidden(), true);
  assert.equal(await inForm("#mpf-photo-error").textContent(), "");
});

test("add to cart sends the element's personalization; no script errors", async () => {
  await page.click("#add");
  await page.waitForFunction(() => /Added: 1 line/.test(document.getElementById("result").textContent));
  assert.deepEqual(pageErrors, []);
});
