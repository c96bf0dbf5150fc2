// <medusa-personalization-form>: a personalization form as a custom element, for any page
// and any framework, drawn from the form model (./form.js). No framework of its own.
//
//   import "medusa-personalize/element";
//   const el = document.querySelector("medusa-personalization-form");
//   el.upload = (file, o) => sdk.store.personalization.uploadImage(file, o);
//   el.schema = sdk.personalization.schemaFor(product, variant);
//   el.addEventListener("change", (e) => preview(e.detail.values));
//   el.addEventListener("valid", (e) => (addButton.disabled = !e.detail.valid));
//
// Themable with CSS custom properties (--mpf-*) and ::part(); accessible: every control
// has its label, aria-describedby names its help and its error, aria-invalid follows the
// verdict, and one polite live region announces errors as they appear and the character
// count once typing pauses. Importing it on a server defines nothing.
import { createPersonalizationForm } from "./form.js";

export const ELEMENT_NAME = "medusa-personalization-form";
const COUNTER_PAUSE_MS = 1200;

const STYLE = `
:host { display: block; font: var(--mpf-font, inherit); color: var(--mpf-text, inherit); }
.field { display: grid; gap: 0.25rem; margin: 0 0 var(--mpf-gap, 1rem); }
label { font-weight: 600; }
.help, .counter, .note { color: var(--mpf-muted, #555); font-size: 0.875em; margin: 0; }
input:not([type=checkbox]):not([type=file]):not([type=color]), select, textarea {
  font: inherit; color: inherit; background: var(--mpf-background, #fff);
  border: 1px solid var(--mpf-border, #8a8a8a); border-radius: var(--mpf-radius, 6px);
  padding: 0.5rem 0.625rem; min-height: 44px; box-sizing: border-box; width: 100%;
}
input[type=color] { min-height: 44px; min-width: 64px; border-radius: var(--mpf-radius, 6px); }
input[type=checkbox] { width: 24px; height: 24px; margin: 10px 0; accent-color: var(--mpf-accent, #1d4ed8); }
input[type=file], button { min-height: 44px; font: inherit; }
button { border-radius: var(--mpf-radius, 6px); border: 1px solid var(--mpf-border, #8a8a8a);
  background: var(--mpf-background, #fff); color: inherit; padding: 0 1rem; justify-self: start; }
:is(input, select, textarea, button):focus-visible { outline: 3px solid var(--mpf-accent, #1d4ed8); outline-offset: 2px; }
[aria-invalid=true] { border-color: var(--mpf-error, #b42318) !important; }
.error { color: var(--mpf-error, #b42318); font-size: 0.875em; margin: 0; min-height: 1em; }
.counter.over { color: var(--mpf-error, #b42318); font-weight: 600; }
.thumb { max-width: 160px; border-radius: var(--mpf-radius, 6px); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
[hidden] { display: none !important; }
`;

// HTMLElement does not exist on a server: the class is defined against a stand-in there.
const Base = globalThis.HTMLElement ?? class {};

/**
 * The element. Set `upload` (for image fields) and `values` (a draft) before or after
 * `schema`; setting `schema` (a compiled PersonalizationSchema) draws the form.
 * Events (bubbling, composed): `change` with `{ values, report }` after every change,
 * `valid` with `{ valid }` when the verdict flips.
 */
export class MedusaPersonalizationForm extends Base {
  constructor() {
    super();
    this.attachShadow({ mode: "open" });
    this.state = { schema: null, values: undefined, upload: undefined, form: null, valid: null };
    this.views = new Map();
    this.announced = new Map(); // field -> the messages last announced
    this.counterTimer = null;
  }

  /** The compiled PersonalizationSchema the form is drawn from. */
  get schema() {
    return this.state.schema;
  }

  set schema(schema) {
    this.state.schema = schema;
    this.build();
  }

  /** The values now; setting them starts the form over from those values. */
  get values() {
    return this.state.form ? this.state.form.values : { ...(this.state.values ?? {}) };
  }

  set values(values) {
    this.state.values = values;
    if (this.state.schema) this.build();
  }

  /** `(file, options) => Promise<reference | { file }>`, e.g. sdk.store.personalization.uploadImage. */
  get upload() {
    return this.state.upload;
  }

  set upload(upload) {
    this.state.upload = upload;
    if (this.state.form) this.state.form.upload = upload;
  }

  /** The form model (medusa-personalize/form) behind the element. */
  get form() {
    return this.state.form;
  }

  /** Whether the personalization can be added to the cart now. */
  get valid() {
    return Boolean(this.state.form?.report.valid);
  }

  /** Shows every field's issues (e.g. when the customer tries to add to the cart). */
  touchAll() {
    this.state.form?.touchAll();
  }

  /** What `createPersonalizedLineItem` sends; throws while invalid. */
  toMetadata() {
    if (!this.state.form) throw new Error(`<${ELEMENT_NAME}> has no schema yet`);
    return this.state.form.toMetadata();
  }

  disconnectedCallback() {
    clearTimeout(this.counterTimer);
  }

  build() {
    this.state.unsubscribe?.();
    this.views.clear();
    this.announced.clear();
    const root = this.shadowRoot;
    root.replaceChildren();
    const { schema } = this.state;
    if (!schema) return;
    const form = createPersonalizationForm(schema, { values: this.state.values, upload: this.state.upload });
    this.state.form = form;
    this.state.valid = null;
    const style = document.createElement("style");
    style.textContent = STYLE;
    const live = el("p", { class: "visually-hidden", part: "status", role: "status", "aria-live": "polite" });
    this.live = live;
    const body = el("div", { part: "form" });
    for (const field of form.fields) body.append(this.buildField(field));
    root.append(style, body, live);
    for (const name of Object.keys(this.state.values ?? {})) if (this.views.has(name)) form.touch(name);
    this.state.unsubscribe = form.subscribe(() => this.render());
    this.render();
  }

  buildField(field) {
    const form = this.state.form;
    const id = `mpf-${field.name}`;
    const view = {
      error: el("p", { id: `${id}-error`, class: "error", part: "error" }),
      help: field.description ? el("p", { id: `${id}-help`, class: "help", part: "help" }, field.description) : null,
    };
    const describedBy = [view.help ? `${id}-help` : null, `${id}-error`, field.text?.max != null ? `${id}-counter` : null]
      .filter(Boolean).join(" ");
    const common = { id, name: field.name, part: "input", "aria-describedby": describedBy, "aria-invalid": "false" };
    if (field.required) common["aria-required"] = "true";
    const value = form.values[field.name];
    const set = (v) => form.set(field.name, v);
    const leave = () => form.touch(field.name);
    switch (field.widget) {
      case "textarea":
        view.control = el("textarea", { ...common, rows: "3", placeholder: field.placeholder || null });
        view.control.value = value ?? "";
        view.control.addEventListener("input", (e) => set(e.target.value));
        break;
      case "select":
      case "font": {
        view.control = el("select", common);
        if (!(field.required && field.default !== undefined)) view.control.append(el("option", { value: "" }, "Choose…"));
        for (const option of field.options ?? []) view.control.append(el("option", { value: String(option.value) }, option.label));
        view.control.value = value === undefined ? "" : String(value);
        view.control.addEventListener("change", (e) => {
          const chosen = (field.options ?? []).find((o) => String(o.value) === e.target.value);
          set(chosen ? chosen.value : undefined);
        });
        break;
      }
      case "colour":
        view.control = el("input", { ...common, type: "color" });
        view.control.value = value ?? "#000000";
        view.control.addEventListener("input", (e) => set(e.target.value));
        break;
      case "number":
        view.control = el("input", {
          ...common, type: "number", inputmode: field.number.integer ? "numeric" : "decimal",
          step: String(field.number.step ?? "any"), min: field.number.minimum ?? null, max: field.number.maximum ?? null,
        });
        view.control.value = value ?? "";
        view.control.addEventListener("input", (e) => {
          const text = e.target.value;
          set(text === "" ? undefined : Number.isNaN(Number(text)) ? text : Number(text));
        });
        break;
      case "checkbox":
        view.control = el("input", { ...common, type: "checkbox" });
        view.control.checked = Boolean(value);
        view.control.addEventListener("change", (e) => set(e.target.checked));
        break;
      case "image": {
        view.control = el("input", { ...common, type: "file", accept: field.image.accept.join(",") });
        view.control.addEventListener("change", (e) => {
          const file = e.target.files?.[0];
          if (file) form.selectImage(field.name, file);
          else form.removeImage(field.name);
        });
        const { minWidth, minHeight } = field.image;
        view.rules = minWidth || minHeight
          ? el("p", { class: "help rules", part: "help" }, `At least ${minWidth ?? "any"} × ${minHeight ?? "any"} pixels for a sharp print.`)
          : null;
        view.progress = el("progress", { max: "1", value: "0", part: "progress", hidden: "", "aria-label": `${field.label}: upload progress` });
        view.thumb = el("img", { class: "thumb", part: "thumb", alt: "", hidden: "" });
        view.note = el("p", { class: "note" });
        view.remove = el("button", { type: "button", part: "button", hidden: "" }, `Remove ${field.label.toLowerCase()}`);
        view.remove.addEventListener("click", () => {
          view.control.value = "";
          form.removeImage(field.name);
          view.control.focus();
        });
        break;
      }
      default:
        view.control = el("input", { ...common, type: "text", autocomplete: "off", placeholder: field.placeholder || null });
        view.control.value = value ?? "";
        view.control.addEventListener("input", (e) => set(e.target.value));
    }
    view.control.addEventListener("blur", leave);
    if (field.text?.max != null) view.counter = el("p", { id: `${id}-counter`, class: "counter", part: "counter" });
    this.views.set(field.name, view);
    const label = el("label", { for: id, part: "label" }, field.label);
    if (field.required) label.append(el("span", { "aria-hidden": "true" }, " *"));
    return el("div", { class: "field", part: `field field-${field.widget}` },
      label, view.help, view.rules, view.control, view.counter, view.progress, view.thumb, view.note, view.remove, view.error);
  }

  render() {
    const form = this.state.form;
    const appeared = [];
    for (const [name, view] of this.views) {
      const field = form.field(name);
      const messages = field.issues.map((i) => i.message);
      view.error.textContent = messages.join(" ");
      view.control.setAttribute("aria-invalid", messages.length ? "true" : "false");
      const before = this.announced.get(name) ?? [];
      const fresh = messages.filter((m) => !before.includes(m));
      if (fresh.length) appeared.push(...fresh);
      this.announced.set(name, messages);
      if (view.counter) {
        const { length, max, over } = field.counter;
        view.counter.textContent = `${length} of ${max} characters`;
        view.counter.classList.toggle("over", over);
      }
      if (view.progress) this.renderUpload(view, field);
    }
    // Errors are announced as they appear; the count only once typing pauses.
    if (appeared.length) this.live.textContent = appeared.join(" ");
    clearTimeout(this.counterTimer);
    const focused = this.shadowRoot.activeElement;
    const counted = focused && [...this.views].find(([, v]) => v.control === focused && v.counter);
    if (counted && !appeared.length) {
      this.counterTimer = setTimeout(() => (this.live.textContent = counted[1].counter.textContent), COUNTER_PAUSE_MS);
    }
    const report = form.report;
    this.dispatchEvent(new CustomEvent("change", { bubbles: true, composed: true, detail: { values: form.values, report } }));
    if (report.valid !== this.state.valid) {
      this.state.valid = report.valid;
      this.dispatchEvent(new CustomEvent("valid", { bubbles: true, composed: true, detail: { valid: report.valid } }));
    }
  }

  renderUpload(view, field) {
    const upload = field.upload;
    view.progress.hidden = upload?.status !== "uploading";
    view.progress.value = upload?.progress ?? 0;
    const stored = upload?.status === "done" ? upload.image : null;
    view.thumb.hidden = !stored;
    if (stored) {
      view.thumb.src = stored.url;
      view.thumb.alt = `${field.label}: the uploaded photo, ${stored.width} × ${stored.height} pixels`;
    }
    view.remove.hidden = !upload;
    view.note.textContent = stored
      ? `Uploaded, ${stored.width} × ${stored.height} pixels.`
      : upload?.status === "uploading" ? `Uploading… ${Math.round(upload.progress * 100)}%`
        : upload?.status === "checking" ? "Checking the photo…" : "";
  }
}

// A DOM element with attributes (null and undefined skipped) and text or element children.
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== null && value !== undefined) node.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

if (globalThis.customElements && !globalThis.customElements.get(ELEMENT_NAME)) {
  globalThis.customElements.define(ELEMENT_NAME, MedusaPersonalizationForm);
}
