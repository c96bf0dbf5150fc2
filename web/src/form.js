// medusa-personalize/form: the state of a personalization form without a DOM, for any
// storefront (a web component, React, Vue or plain script renders it). From a compiled
// schema it derives the fields to show, keeps the values, what was touched and changed,
// the issues of each field in words for people, character counters that count as the
// schema counts, image checks before upload and upload progress; `toMetadata()` gives
// exactly what `store.cart.createPersonalizedLineItem` sends.
//
//   import { createPersonalizationForm } from "medusa-personalize/form";
//   const form = createPersonalizationForm(schema, { upload: (file, o) => sdk.store.personalization.uploadImage(file, o) });
//   form.subscribe(() => render(form));
//   form.set("message", "Happy birthday");

const MM_PER_INCH = 25.4;
// Stored references of the images this page uploaded, by the SHA-256 of their bytes: the
// same photo chosen again (the same shirt ordered twice) reuses its URL, so the two
// personalizations are equal and the cart merges them into one line.
const UPLOADED = new Map();
const MAX_REMEMBERED_UPLOADS = 50;

async function digestOf(file) {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const bytes = file instanceof Uint8Array || file instanceof ArrayBuffer || ArrayBuffer.isView(file)
    ? file
    : typeof file?.arrayBuffer === "function" ? await file.arrayBuffer() : null;
  if (!bytes) return null;
  const hash = new Uint8Array(await subtle.digest("SHA-256", bytes));
  return Array.from(hash, (b) => b.toString(16).padStart(2, "0")).join("");
}
const TEXT_WIDGETS = new Set(["text", "textarea"]);

/** Creates the state of a form for a compiled PersonalizationSchema. */
export function createPersonalizationForm(schema, options) {
  return new PersonalizationForm(schema, options);
}

/**
 * A personalization form's state. Every change (set, touch, an image's progress) notifies
 * the subscribers; read `fields`, `field(name)`, `report` and `submittable` to render.
 */
export class PersonalizationForm {
  /**
   * @param schema a PersonalizationSchema (from `sdk.personalization.schemaFor` or `compile`)
   * @param options.values the values to start from (a draft, or a cart line's personalization)
   * @param options.upload `(file, { schema, field, onProgress, signal })` resolving to the
   *   stored reference or to `{ file: reference }`, as `sdk.store.personalization.uploadImage`
   *   does (pass it as `(file, o) => sdk.store.personalization.uploadImage(file, o)`);
   *   needed by image fields only
   */
  constructor(schema, { values, upload } = {}) {
    if (!schema || typeof schema.validate !== "function" || !Array.isArray(schema.fields)) {
      throw new TypeError("createPersonalizationForm needs a compiled PersonalizationSchema");
    }
    this.schema = schema;
    this.upload = upload;
    this.listeners = new Set();
    this.fields = Object.freeze(schema.fields.map((field) => Object.freeze(describeField(schema, field))));
    this.byName = new Map(this.fields.map((f) => [f.name, f]));
    this.initial = { ...(values ?? {}) };
    this.current = {};
    this.touched = new Set();
    this.images = new Map(); // field -> { status, progress, image, issues, controller }
    for (const field of this.fields) {
      const start = this.initial[field.name] ?? field.default;
      if (start !== undefined) this.current[field.name] = start;
      if (field.widget === "image" && this.current[field.name]?.url) {
        this.images.set(field.name, { status: "done", progress: 1, image: this.current[field.name], issues: [] });
      }
    }
    this.verdict = null;
  }

  /** The values as they are now (a copy). */
  get values() {
    return { ...this.current };
  }

  /**
   * The verdict: the validator's (the one the add to cart gives) plus the image checks
   * made before upload, `{ valid, issues }`; not valid while an upload is in flight.
   */
  get report() {
    if (!this.verdict) {
      const checked = this.schema.validate(this.current);
      const issues = [...checked.issues];
      for (const [, state] of this.images) issues.push(...state.issues);
      const uploading = [...this.images.values()].some((s) => s.status === "checking" || s.status === "uploading");
      this.verdict = { valid: checked.valid && issues.length === checked.issues.length && !uploading, issues };
    }
    return this.verdict;
  }

  /**
   * Whether the form can be added to the cart, and if not, why, in words for people:
   * `{ ok, reasons }` (one reason per field that blocks, and one per upload in flight).
   */
  get submittable() {
    const reasons = [];
    for (const field of this.fields) {
      const state = this.images.get(field.name);
      if (state && (state.status === "checking" || state.status === "uploading")) {
        reasons.push(`${field.label}: wait for the upload to finish`);
        continue;
      }
      const [first] = this.issuesOf(field.name, { all: true });
      if (first) reasons.push(first.message);
    }
    for (const issue of this.report.issues) {
      if (!this.byName.has(fieldOf(issue))) reasons.push(messageFor(issue, null));
    }
    return { ok: this.report.valid, reasons };
  }

  /**
   * One field's state: its description, value, `touched` (left or edited), `dirty` (differs
   * from the starting value), `issues` (shown once touched: `{ code, message }`), the
   * `counter` of a text field and the `upload` of an image field.
   */
  field(name) {
    const field = this.byName.get(name);
    if (!field) throw new RangeError(`the form has no field "${name}"`);
    return {
      ...field,
      value: this.current[name],
      touched: this.touched.has(name),
      dirty: !sameValue(this.current[name], this.initial[name] ?? field.default),
      issues: this.touched.has(name) ? this.issuesOf(name, { all: true }) : [],
      counter: field.text ? this.counter(name) : null,
      upload: this.images.get(name) ?? null,
    };
  }

  /**
   * The issues of a field as `{ code, message }`, one per problem: the schema's own words
   * (`x-messages`) where it has them, else a readable default that names the field. An
   * image's several resolution issues are one message. Only once touched, unless `all`.
   */
  issuesOf(name, { all = false } = {}) {
    if (!all && !this.touched.has(name)) return [];
    const field = this.byName.get(name);
    // A photo being checked, uploaded, refused or failed says so itself: no "add a photo" too.
    const upload = this.images.get(name);
    const own = this.report.issues.filter(
      (issue) => fieldOf(issue) === name && !(upload && issue.code === "required"),
    );
    const out = [];
    let resolution = false;
    for (const issue of own) {
      if (issue.code === "image_min_pixels" || issue.code === "image_min_dpi") {
        if (resolution) continue;
        resolution = true;
      }
      const message = messageFor(issue, field);
      if (!out.some((o) => o.message === message)) out.push({ code: issue.code, message });
    }
    return out;
  }

  /** A text field's counter: `{ length, min, max, unit, over }`, counted as its schema counts. */
  counter(name) {
    const value = this.current[name];
    const counted = this.schema.fieldLength(name, typeof value === "string" ? value : "");
    return { ...counted, over: counted.max !== null && counted.length > counted.max };
  }

  /** Sets a field's value (undefined or "" clears it) and marks it touched. */
  set(name, value) {
    this.requireField(name);
    if (value === undefined || value === "") delete this.current[name];
    else this.current[name] = value;
    this.touched.add(name);
    this.changed();
  }

  /** Marks a field as touched (its issues show), e.g. when it loses focus. */
  touch(name) {
    this.requireField(name);
    if (this.touched.has(name)) return;
    this.touched.add(name);
    this.changed();
  }

  /** Marks every field as touched, e.g. when the customer tries to add to the cart. */
  touchAll() {
    for (const field of this.fields) this.touched.add(field.name);
    this.changed();
  }

  /**
   * Checks an image against the field's print rules from its bytes (type, pixels, the
   * resolution at print size, bytes) and uploads it if it passes, reporting progress.
   * Resolves to the stored reference, or null when the check refused it (the field's
   * issues say why). A later selection or `removeImage` cancels this one. The same bytes
   * uploaded earlier on this page reuse their reference instead of a second upload.
   */
  async selectImage(name, file) {
    const field = this.requireField(name);
    if (field.widget !== "image") throw new RangeError(`"${name}" is not an image field`);
    this.images.get(name)?.controller?.abort();
    const controller = new AbortController();
    const state = { status: "checking", progress: 0, image: null, issues: [], controller };
    this.images.set(name, state);
    delete this.current[name];
    this.touched.add(name);
    this.changed();
    const current = () => this.images.get(name) === state;
    try {
      const { image, report } = await this.schema.checkImage(name, file);
      if (!current()) return null;
      state.image = image;
      if (!report.valid) {
        Object.assign(state, { status: "refused", issues: report.issues.map((i) => ({ ...i, instance_path: `/${name}` })) });
        this.changed();
        return null;
      }
      const digest = await digestOf(file);
      if (!current()) return null;
      const known = digest && UPLOADED.get(digest);
      if (known) {
        Object.assign(state, { status: "done", progress: 1, image: known });
        this.current[name] = known;
        this.changed();
        return known;
      }
      if (typeof this.upload !== "function") throw new TypeError("the form was created without an upload function");
      state.status = "uploading";
      this.changed();
      const uploaded = await this.upload(file, {
        schema: this.schema,
        field: name,
        signal: controller.signal,
        onProgress: ({ loaded, total }) => {
          if (!current()) return;
          state.progress = total ? Math.min(1, loaded / total) : 0;
          this.changed();
        },
      });
      if (!current()) return null;
      const reference = uploaded?.file ?? uploaded; // uploadImage answers { file }
      if (digest && reference?.url) {
        UPLOADED.set(digest, reference);
        if (UPLOADED.size > MAX_REMEMBERED_UPLOADS) UPLOADED.delete(UPLOADED.keys().next().value);
      }
      Object.assign(state, { status: "done", progress: 1, image: reference });
      this.current[name] = reference;
      this.changed();
      return reference;
    } catch (error) {
      if (!current()) return null;
      const message = error?.message ?? String(error);
      Object.assign(state, { status: "failed", issues: [{ instance_path: `/${name}`, code: error?.code ?? "upload", message, params: {} }] });
      this.changed();
      return null;
    }
  }

  /** Removes a field's image (and cancels its upload); its messages go with it. */
  removeImage(name) {
    this.requireField(name);
    this.images.get(name)?.controller?.abort();
    this.images.delete(name);
    delete this.current[name];
    this.touched.add(name);
    this.changed();
  }

  /**
   * The line-item metadata these values make: exactly what
   * `store.cart.createPersonalizedLineItem` sends (normalized, validated, stamped).
   * Throws PersonalizationValidationError while the form is invalid.
   */
  toMetadata() {
    return this.schema.buildMetadata(this.current);
  }

  /** Calls `listener(form)` after every change; returns the function that unsubscribes. */
  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  requireField(name) {
    const field = this.byName.get(name);
    if (!field) throw new RangeError(`the form has no field "${name}"`);
    return field;
  }

  changed() {
    this.verdict = null;
    for (const listener of [...this.listeners]) listener(this);
  }
}

/** The field an issue belongs to: "/message/0" -> "message"; `required` names it in params. */
export function fieldOf(issue) {
  const segment = issue.instance_path.split("/")[1];
  if (segment) return segment.replace(/~1/g, "/").replace(/~0/g, "~");
  return issue.params?.property ?? "";
}

// What a renderer needs to know of a field beyond the schema's own description.
function describeField(schema, field) {
  const s = field.schema ?? {};
  const out = { ...field, default: s.default };
  if (Array.isArray(s.enum)) out.options = s.enum.map((value) => ({ value, label: String(value) }));
  if (TEXT_WIDGETS.has(field.widget)) {
    const { min, max, unit } = schema.fieldLength(field.name, "");
    out.text = { min, max, unit };
  }
  if (field.widget === "number") {
    out.number = {
      minimum: s.minimum ?? null,
      maximum: s.maximum ?? null,
      step: s.multipleOf ?? (s.type === "integer" ? 1 : null),
      integer: s.type === "integer",
    };
  }
  if (field.widget === "image") out.image = imageRules(s["x-image"] ?? {});
  return out;
}

// An image field's rules, with the pixel size the print needs stated before any upload.
function imageRules(rule) {
  const needed = (pixels, mm) => Math.max(pixels ?? 0, mm && rule.min_dpi ? Math.ceil((mm / MM_PER_INCH) * rule.min_dpi) : 0);
  const width = needed(rule.min_width, rule.print_width_mm);
  const height = needed(rule.min_height, rule.print_height_mm);
  return {
    accept: rule.accept ?? ["image/png", "image/jpeg"],
    maxBytes: rule.max_bytes ?? null,
    minWidth: width || null,
    minHeight: height || null,
    printWidthMm: rule.print_width_mm ?? null,
    printHeightMm: rule.print_height_mm ?? null,
    minDpi: rule.min_dpi ?? null,
  };
}

const TYPE_NAMES = { "image/png": "PNG", "image/jpeg": "JPEG" };

function megabytes(bytes) {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

// An issue in words for people: the schema's `x-messages` wording as it is, else a
// default that names the field.
function messageFor(issue, field) {
  const worded = field?.schema?.["x-messages"]?.[issue.code];
  if (typeof worded === "string") return worded;
  const label = field?.label ?? (fieldOf(issue) || "This personalization");
  const p = issue.params ?? {};
  const image = field?.image;
  switch (issue.code) {
    case "required":
      return `${label}: ${field?.widget === "image" ? "add a photo" : field?.options ? "choose one" : "fill this in"}`;
    case "max_length":
    case "max_graphemes":
      return `${label}: at most ${p.limit} characters (now ${p.actual})`;
    case "min_length":
    case "min_graphemes":
      return `${label}: at least ${p.limit} character${p.limit === 1 ? "" : "s"}`;
    case "enum":
    case "const":
      return `${label}: choose one of the options`;
    case "minimum":
    case "exclusive_minimum":
      return `${label}: at least ${field?.schema?.minimum ?? field?.schema?.exclusiveMinimum}`;
    case "maximum":
    case "exclusive_maximum":
      return `${label}: at most ${field?.schema?.maximum ?? field?.schema?.exclusiveMaximum}`;
    case "multiple_of":
      return `${label}: use steps of ${field?.schema?.multipleOf}`;
    case "type":
      return `${label}: ${field?.widget === "number" ? "enter a number" : "this value is not valid here"}`;
    case "format":
      return `${label}: ${field?.widget === "colour" ? "choose a colour" : `enter a valid ${field?.schema?.format ?? "value"}`}`;
    case "pattern":
      return `${label}: use only the characters allowed here`;
    case "image_type":
      return `${label}: use a ${(p.accept ?? image?.accept ?? []).map((t) => TYPE_NAMES[t] ?? t).join(" or ")} image`;
    case "image_too_large":
      return `${label}: at most ${megabytes(p.limit)}`;
    case "image_min_pixels":
    case "image_min_dpi":
      return image?.minWidth || image?.minHeight
        ? `${label}: needs at least ${image.minWidth ?? "any"} × ${image.minHeight ?? "any"} pixels to print sharply`
        : `${label}: the image is too small to print sharply`;
    case "image_reference":
      return `${label}: upload the photo again`;
    case "additional_properties":
    case "reserved_key":
      return `${label}: not part of this personalization`;
    default:
      return `${label}: ${issue.message}`;
  }
}

function sameValue(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
