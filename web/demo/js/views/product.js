// The product page: variant choice, the generated personalization form, the live
// preview, and add to cart (or, when editing a cart line, save the change).
import { h, money, replace } from "../dom.js";
import { buildForm } from "../form.js";
import { attempt, announce } from "../notices.js";
import { drawPreview, effectiveDpi } from "../preview.js";
import { currentCart, productByHandle } from "../shop.js";
import { state } from "../state.js";

const FIRST_VALIDATION = "medusa-personalize:first-validation";

export async function renderProduct(view, shop, handle, params, refreshCartBadge) {
  const { sdk, region, products } = shop;
  const product = productByHandle(products, handle);
  if (!product) return replace(view, h("h1", {}, "Not found"), h("p", {}, "This product does not exist."), h("a", { href: "#/" }, "Back to the shop"));

  // Editing an existing cart line: start from its personalization.
  const editId = params.get("edit");
  let editing = null;
  if (editId) {
    const cart = await currentCart(shop);
    editing = cart?.items?.find((i) => i.id === editId) ?? null;
  }
  let variant = product.variants.find((v) => v.id === (editing?.variant_id ?? params.get("variant"))) ?? product.variants[0];
  const draftKey = editing ? `edit:${editing.id}` : `product:${product.handle}`;
  const fromLine = editing ? Object.fromEntries(Object.entries(editing.metadata ?? {}).filter(([k]) => !k.startsWith("_"))) : null;
  let values = state.draft(draftKey) ?? fromLine ?? {};
  let report = { valid: false, issues: [] };
  let checkedImage = null; // the last photo chosen, uploaded or not

  const formBox = h("form", { class: "personalization", novalidate: true, onsubmit: (e) => { e.preventDefault(); submit(); } });
  const canvas = h("canvas", { width: 360, height: 420, role: "img", "aria-label": "Preview of your personalized product" });
  const dpiNote = h("p", { class: "warning", "aria-live": "polite", hidden: true });
  // The quantity's limits are stated, and a quantity outside them is refused with a
  // message rather than silently changed.
  const MAX_QUANTITY = 99;
  const quantity = h("input", { type: "number", id: "quantity", min: 1, max: MAX_QUANTITY, step: 1, inputmode: "numeric",
    value: String(editing?.quantity ?? 1), "aria-describedby": "quantity-hint" });
  const quantityHint = h("span", { id: "quantity-hint", class: "muted" }, ` 1 to ${MAX_QUANTITY} per line `);
  const button = h("button", { type: "submit", class: "primary", disabled: true, "aria-describedby": "why" }, editing ? "Save changes" : "Add to cart");
  const priceNode = h("p", { class: "price" });
  const why = h("p", { class: "why", id: "why", "aria-live": "polite" });
  const printArea = () => variant.metadata?.print_area_mm ?? { width: 200, height: 250 };
  let form;

  const schemaFor = () => sdk.personalization.schemaFor(product, variant);
  const update = (next, nextReport) => {
    values = next;
    report = nextReport;
    state.saveDraft(draftKey, values);
    button.disabled = !report.valid;
    // A disabled Add to cart says why.
    const reasons = report.valid ? [] : form?.submittable().reasons ?? [];
    why.textContent = reasons.length ? `To add it: ${reasons.join(" ")}` : "";
    const schema = schemaFor();
    const byWidget = (widget) => schema.fields.find((f) => f.widget === widget)?.name;
    const imageField = byWidget("image");
    drawPreview(canvas, schema.normalize(values), {
      printArea: printArea(),
      photoField: imageField,
      textField: byWidget("text") ?? byWidget("textarea"),
      fontField: byWidget("font"),
      colourField: byWidget("colour"),
    });
    const dpi = imageField ? effectiveDpi(values[imageField] ?? checkedImage, printArea()) : null;
    const minDpi = schema.fields.find((f) => f.name === imageField)?.schema["x-image"]?.min_dpi;
    dpiNote.hidden = !(dpi !== null && minDpi && dpi < minDpi);
    dpiNote.textContent = dpiNote.hidden ? "" : `This photo would print at ${dpi} dpi, below the ${minDpi} dpi this product needs.`;
  };

  const variantPicker = h("select", {
    id: "variant",
    onchange: (e) => {
      variant = product.variants.find((v) => v.id === e.target.value);
      renderForm();
    },
  }, product.variants.map((v) => h("option", { value: v.id }, v.title)));
  variantPicker.value = variant.id;
  if (editing) variantPicker.disabled = true;

  const renderForm = () => {
    const schema = schemaFor();
    priceNode.textContent = money(variant.calculated_price?.calculated_amount, region.currency_code);
    form = buildForm(formBox, {
      schema,
      values,
      onChange: update,
      announce,
      upload: (file, options) => sdk.store.personalization.uploadImage(file, { ...options, filename: file.name }),
      onImageChecked: (image) => {
        checkedImage = image; // the update that follows shows its DPI warning
        const dpi = image ? effectiveDpi(image, printArea()) : null;
        if (dpi !== null) announce(`Photo ${image.width}×${image.height} px, about ${dpi} dpi at print size.`);
      },
    });
    formBox.append(h("div", { class: "actions" }, h("label", { for: "quantity" }, "Quantity "), quantity, quantityHint, button), why);
    update(form.values(), form.report()); // now that `form` is set, with the reasons
  };

  const submit = () => attempt(async () => {
    form.touchAll();
    if (!form.report().valid) return;
    const qty = Number(quantity.value);
    if (!Number.isInteger(qty) || qty < 1 || qty > MAX_QUANTITY) {
      why.textContent = `Quantity: a whole number from 1 to ${MAX_QUANTITY}`;
      quantity.setAttribute("aria-invalid", "true");
      return quantity.focus();
    }
    quantity.setAttribute("aria-invalid", "false");
    button.disabled = true;
    const cart = await currentCart(shop, { create: true });
    const personalization = form.values();
    if (editing) {
      await sdk.store.cart.updatePersonalizedLineItem(cart.id, editing.id, { quantity: qty, personalization, product });
      announce("Your changes are saved.");
    } else {
      await sdk.store.cart.createPersonalizedLineItem(cart.id, { variant_id: variant.id, quantity: qty, personalization, product });
      announce(`${product.title} added to your cart.`);
    }
    state.clearDraft(draftKey);
    await refreshCartBadge();
    location.hash = "#/cart";
  }).finally(() => { button.disabled = !report.valid; });

  replace(view,
    h("nav", { class: "crumbs" }, h("a", { href: "#/" }, "Shop"), " / ", product.title),
    h("div", { class: "product" },
      h("section", { class: "preview" }, canvas, dpiNote),
      h("section", { class: "details" },
        h("h1", {}, product.title),
        h("p", { class: "muted" }, product.description ?? ""),
        priceNode,
        // The picker is named after the product's own options ("Size", "Finish", ...).
        h("label", { for: "variant" }, `${(product.options ?? []).map((o) => o.title).join(" / ") || "Variant"} `), variantPicker,
        h("h2", {}, editing ? "Edit your personalization" : "Personalize it"),
        formBox)));
  renderForm();
  // The first validation answer is on screen: what a shopper waits for (bench/storefront.mjs).
  if (!performance.getEntriesByName(FIRST_VALIDATION).length) performance.mark(FIRST_VALIDATION);
}
