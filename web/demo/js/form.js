// A personalization form generated from the product's schema (schema.fields), validated
// by the WebAssembly validator on every keystroke.
import { fontStack } from "./config.js";
import { h, replace } from "./dom.js";

/** The field a validation issue belongs to ("/message/0" -> "message", required -> params.property). */
export function fieldOf(issue) {
  const segment = issue.instance_path.split("/")[1];
  if (segment) return segment.replace(/~1/g, "/").replace(/~0/g, "~");
  return issue.params?.property ?? "";
}

/**
 * Builds the form into `container`. `values` is the draft to start from; `onChange(values,
 * report)` runs after every edit with the current values and the validation report.
 * `uploadImage(field, file, progress)` uploads and resolves to the stored reference.
 * Returns { values(), report(), touchAll() }.
 */
export function buildForm(container, { schema, values: initial, onChange, checkImage, uploadImage }) {
  const values = { ...(initial ?? {}) };
  const touched = new Set(Object.keys(values));
  const errorNodes = new Map();
  const inputs = new Map();
  const counters = new Map();
  let report = { valid: false, issues: [] };
  const pending = new Set(); // image fields being uploaded
  const imageProblems = new Map(); // field -> issues of a refused image

  // A character counter for a text field with an upper limit, or null.
  const counterFor = (field) => {
    const { max } = schema.fieldLength(field.name, "");
    if (max === null) return null;
    const counter = h("span", { class: "counter", "aria-hidden": "true" });
    counters.set(field.name, counter);
    return counter;
  };

  const revalidate = () => {
    report = schema.validate(values); // the verdict the add to cart will give
    const issues = [...report.issues];
    for (const [, list] of imageProblems) issues.push(...list);
    const byField = new Map();
    for (const issue of issues) {
      const name = fieldOf(issue);
      if (!byField.has(name)) byField.set(name, []);
      byField.get(name).push(issue.message); // in the schema's own words (x-messages) where it has them
    }
    for (const [name, node] of errorNodes) {
      const messages = touched.has(name) ? byField.get(name) ?? [] : [];
      node.textContent = messages.length ? messages.join("; ") : "";
      inputs.get(name)?.setAttribute("aria-invalid", messages.length ? "true" : "false");
    }
    for (const [name, counter] of counters) {
      // Counted as the schema counts: characters as the customer sees them when the field
      // limits graphemes, of the text as it will be stored (NFC, trimmed).
      const { length, max } = schema.fieldLength(name, String(values[name] ?? ""));
      counter.textContent = `${length} / ${max}`;
      counter.classList.toggle("over", length > max);
    }
    const ok = report.valid && pending.size === 0 && imageProblems.size === 0;
    onChange?.({ ...values }, { ...report, valid: ok, issues });
  };

  const set = (name, value) => {
    if (value === undefined || value === "") delete values[name];
    else values[name] = value;
    touched.add(name);
    revalidate();
  };

  const rows = schema.fields.map((field) => {
    const id = `field-${field.name}`;
    const errorId = `${id}-error`;
    const error = h("p", { id: errorId, class: "field-error", "aria-live": "polite" });
    errorNodes.set(field.name, error);
    const described = [field.description ? `${id}-help` : null, errorId].filter(Boolean).join(" ");
    const common = { id, name: field.name, "aria-describedby": described, "aria-invalid": "false", required: field.required };
    const s = field.schema;
    let control;
    let extra = null;
    switch (field.widget) {
      case "textarea":
        control = h("textarea", { ...common, rows: 3, placeholder: field.placeholder || null, oninput: (e) => set(field.name, e.target.value) });
        control.value = values[field.name] ?? "";
        extra = counterFor(field);
        break;
      case "select":
      case "font": {
        const options = (s.enum ?? []).map((v) =>
          h("option", { value: String(v), style: field.widget === "font" ? `font-family: ${fontStack(v)}` : null }, String(v)),
        );
        control = h("select", { ...common, onchange: (e) => set(field.name, e.target.value || undefined) },
          field.required && s.default !== undefined ? null : h("option", { value: "" }, "Choose…"), options);
        control.value = values[field.name] ?? s.default ?? "";
        if (values[field.name] === undefined && s.default !== undefined) values[field.name] = s.default;
        break;
      }
      case "colour":
        control = h("input", { ...common, type: "color", oninput: (e) => set(field.name, e.target.value) });
        control.value = values[field.name] ?? s.default ?? "#000000";
        break;
      case "number":
        control = h("input", {
          ...common, type: "number", step: "any", min: s.minimum ?? null, max: s.maximum ?? null,
          oninput: (e) => set(field.name, e.target.value === "" ? undefined : Number.isNaN(Number(e.target.value)) ? e.target.value : Number(e.target.value)),
        });
        control.value = values[field.name] ?? "";
        break;
      case "checkbox":
        control = h("input", { ...common, type: "checkbox", onchange: (e) => set(field.name, e.target.checked) });
        control.checked = Boolean(values[field.name] ?? s.default ?? false);
        break;
      case "image": {
        const progress = h("progress", { max: 1, value: 0, hidden: true, "aria-label": `${field.label} upload progress` });
        const preview = h("img", { class: "thumb", alt: "", hidden: true });
        const note = h("p", { class: "field-note", "aria-live": "polite" });
        const showStored = (ref) => {
          if (!ref?.url) return;
          preview.src = ref.url;
          preview.alt = `${field.label}: ${ref.width}×${ref.height} px`;
          preview.hidden = false;
          note.textContent = `Uploaded: ${ref.width}×${ref.height} px`;
        };
        showStored(values[field.name]);
        control = h("input", {
          ...common,
          type: "file",
          accept: (s["x-image"]?.accept ?? ["image/png", "image/jpeg"]).join(","),
          onchange: async (e) => {
            const file = e.target.files?.[0];
            touched.add(field.name);
            imageProblems.delete(field.name);
            if (!file) return set(field.name, undefined);
            delete values[field.name];
            pending.add(field.name);
            revalidate();
            try {
              const { image, report: checked } = await checkImage(field.name, file);
              if (checked && !checked.valid) {
                imageProblems.set(field.name, checked.issues.map((i) => ({ ...i, instance_path: `/${field.name}` })));
                note.textContent = `${image.mime}, ${image.width}×${image.height} px`;
                return;
              }
              progress.hidden = false;
              const ref = await uploadImage(field.name, file, ({ loaded, total }) => {
                progress.value = total ? loaded / total : 0;
              });
              values[field.name] = ref;
              showStored(ref);
            } catch (error) {
              imageProblems.set(field.name, [{ instance_path: `/${field.name}`, code: error.code ?? "upload", message: error.message }]);
            } finally {
              pending.delete(field.name);
              progress.hidden = true;
              revalidate();
            }
          },
        });
        extra = h("div", { class: "image-extra" }, progress, preview, note);
        break;
      }
      default: {
        control = h("input", { ...common, type: "text", placeholder: field.placeholder || null, autocomplete: "off", oninput: (e) => set(field.name, e.target.value) });
        control.value = values[field.name] ?? "";
        extra = counterFor(field);
      }
    }
    inputs.set(field.name, control);
    return h("div", { class: `field field-${field.widget}` },
      h("label", { for: id }, field.label, field.required ? h("span", { class: "required", "aria-hidden": "true" }, " *") : null),
      field.description ? h("p", { id: `${id}-help`, class: "field-help" }, field.description) : null,
      control,
      extra,
      error);
  });
  replace(container, ...rows);
  revalidate();
  return {
    values: () => ({ ...values }),
    report: () => report,
    touchAll() {
      for (const f of schema.fields) touched.add(f.name);
      revalidate();
    },
  };
}
