// A personalization form rendered from the package's form model (medusa-personalize/form):
// the model keeps the values, the issues in words for people, the counters and the image
// uploads; this file draws it and forwards the customer's input.
import { createPersonalizationForm } from "../../src/form.js";
import { fontStack } from "./config.js";
import { h, replace } from "./dom.js";

/**
 * Builds the form into `container`. `values` is the draft to start from (its fields show
 * their issues at once); `onChange(values, report)` runs after every change;
 * `upload(file, options)` stores an image (sdk.store.personalization.uploadImage);
 * `onImageChecked(image)` receives what a chosen photo's check read from it (null once
 * the photo is removed).
 * Returns { values(), report(), touchAll() }.
 */
export function buildForm(container, { schema, values: initial, onChange, upload, onImageChecked, announce }) {
  const form = createPersonalizationForm(schema, { values: initial, upload });
  const views = new Map(); // field -> { control, error, counter, progress, preview, note, remove }
  let lastChecked = null;
  let counterTimer = null;
  // The count is announced politely once typing pauses, never on each keystroke.
  const announceCount = (name) => {
    clearTimeout(counterTimer);
    const { length, max } = form.counter(name);
    counterTimer = setTimeout(() => announce?.(`${length} of ${max} characters`), 1200);
  };

  const render = () => {
    for (const [name, view] of views) {
      const field = form.field(name);
      const messages = field.issues.map((i) => i.message);
      view.error.textContent = messages.join("; ");
      view.control.setAttribute("aria-invalid", messages.length ? "true" : "false");
      if (view.counter) {
        const { length, max, over } = field.counter;
        view.counter.textContent = `${length} / ${max}`;
        view.counter.classList.toggle("over", over);
      }
      if (view.progress) renderUpload(view, field);
    }
    const checked = [...views.keys()].map((name) => form.field(name).upload?.image).find(Boolean) ?? null;
    if (checked !== lastChecked) {
      lastChecked = checked;
      onImageChecked?.(checked); // null once the photo is removed
    }
    onChange?.(form.values, form.report);
  };

  const renderUpload = (view, field) => {
    const upload = field.upload;
    view.progress.hidden = upload?.status !== "uploading";
    view.progress.value = upload?.progress ?? 0;
    const stored = upload?.status === "done" ? upload.image : null;
    view.preview.hidden = !stored;
    if (stored) {
      view.preview.src = stored.url;
      view.preview.alt = `${field.label}: ${stored.width}×${stored.height} px`;
    }
    view.note.textContent = stored
      ? `Uploaded: ${stored.width}×${stored.height} px`
      : upload?.image ? `${upload.image.mime}, ${upload.image.width}×${upload.image.height} px` : "";
    view.remove.hidden = !upload;
  };

  const rows = form.fields.map((field) => {
    const id = `field-${field.name}`;
    const errorId = `${id}-error`;
    const error = h("p", { id: errorId, class: "field-error", "aria-live": "polite" });
    const described = [field.description ? `${id}-help` : null, errorId].filter(Boolean).join(" ");
    const common = { id, name: field.name, "aria-describedby": described, "aria-invalid": "false", required: field.required };
    const value = form.values[field.name];
    const set = (v) => form.set(field.name, v);
    const view = { error };
    switch (field.widget) {
      case "textarea":
        view.control = h("textarea", { ...common, rows: 3, placeholder: field.placeholder || null, oninput: (e) => set(e.target.value) });
        view.control.value = value ?? "";
        break;
      case "select":
      case "font":
        view.control = h("select", { ...common, onchange: (e) => set(e.target.value || undefined) },
          field.required && field.default !== undefined ? null : h("option", { value: "" }, "Choose…"),
          (field.options ?? []).map((o) =>
            h("option", { value: String(o.value), style: field.widget === "font" ? `font-family: ${fontStack(o.value)}` : null }, o.label)));
        view.control.value = value ?? "";
        break;
      case "colour":
        view.control = h("input", { ...common, type: "color", oninput: (e) => set(e.target.value) });
        view.control.value = value ?? "#000000";
        break;
      case "number":
        view.control = h("input", {
          ...common, type: "number", step: field.number.step ?? "any", min: field.number.minimum, max: field.number.maximum,
          oninput: (e) => set(e.target.value === "" ? undefined : Number.isNaN(Number(e.target.value)) ? e.target.value : Number(e.target.value)),
        });
        view.control.value = value ?? "";
        break;
      case "checkbox":
        view.control = h("input", { ...common, type: "checkbox", onchange: (e) => set(e.target.checked) });
        view.control.checked = Boolean(value);
        break;
      case "image":
        view.control = h("input", {
          ...common, type: "file", accept: field.image.accept.join(","),
          onchange: (e) => {
            const file = e.target.files?.[0];
            if (file) form.selectImage(field.name, file);
            else form.removeImage(field.name);
          },
        });
        view.progress = h("progress", { max: 1, value: 0, hidden: true, "aria-label": `${field.label} upload progress` });
        view.preview = h("img", { class: "thumb", alt: "", hidden: true });
        view.note = h("p", { class: "field-note", "aria-live": "polite" });
        view.remove = h("button", {
          type: "button", class: "secondary", hidden: true,
          onclick: () => {
            view.control.value = "";
            form.removeImage(field.name);
            view.control.focus();
          },
        }, `Remove ${field.label.toLowerCase()}`);
        break;
      default:
        view.control = h("input", { ...common, type: "text", placeholder: field.placeholder || null, autocomplete: "off", oninput: (e) => set(e.target.value) });
        view.control.value = value ?? "";
    }
    if (field.text?.max !== null && field.text?.max !== undefined) {
      view.counter = h("span", { class: "counter", "aria-hidden": "true" });
      view.control.addEventListener("input", () => announceCount(field.name));
    }
    // An invalid field keeps its red border once left: leaving it touches it.
    view.control.addEventListener("blur", () => form.touch(field.name));
    views.set(field.name, view);
    const extra = view.progress ? h("div", { class: "image-extra" }, view.progress, view.preview, view.note, view.remove) : view.counter ?? null;
    return h("div", { class: `field field-${field.widget}` },
      h("label", { for: id }, field.label, field.required ? h("span", { class: "required", "aria-hidden": "true" }, " *") : null),
      field.description ? h("p", { id: `${id}-help`, class: "field-help" }, field.description) : null,
      view.control,
      extra,
      error);
  });
  replace(container, ...rows);
  form.subscribe(render);
  // A draft's fields were filled in earlier: their issues show at once.
  for (const name of Object.keys(initial ?? {})) if (views.has(name)) form.touch(name);
  render();
  return {
    values: () => form.values,
    report: () => form.report,
    /** `{ ok, reasons }`: why the form cannot be added yet, in words. */
    submittable: () => form.submittable,
    touchAll: () => form.touchAll(),
  };
}
