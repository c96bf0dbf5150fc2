// Personalization: schemas from products, validation on every keystroke, line-item
// metadata, summaries and image checks. All of it runs in the C++ core; this file
// only keeps compiled schemas alive as long as their JavaScript objects.
import { MedusaPersonalizeError } from "./errors.js";

const ID = Symbol("medusa-personalize.schemaId");
const MAX_REMEMBERED_VARIANTS = 500;
// Product responses kept per variant, newest first: a later response without metadata
// (a product card's `fields`) must not hide what an earlier one said.
const RESPONSES_PER_VARIANT = 3;

/**
 * A compiled personalization schema. Obtained from `sdk.personalization.schemaFor()`
 * or `compile()`; reused for every validation. Its WebAssembly memory is released when
 * the object is garbage-collected, or at once by `dispose()`.
 */
export class PersonalizationSchema {
  constructor(core, id, finalizer) {
    this[ID] = id;
    Object.defineProperty(this, "core", { value: core, enumerable: false });
    Object.defineProperty(this, "finalizer", { value: finalizer, enumerable: false });
    // fingerprint, document and fields are read from the core on first use (a page that
    // only validates never needs them), then kept: they stay readable after dispose().
    let description = null;
    const describe = () => (description ??= describedBy(core, id));
    Object.defineProperty(this, "describe", { value: describe, enumerable: false });
    Object.defineProperties(this, {
      /** "fnv1a64:<16 hex>": stamped on line-item metadata as `_personalization_schema`. */
      fingerprint: { get: () => describe().fingerprint, enumerable: true },
      /** The effective JSON Schema (after a variant's replacement or extension). */
      document: { get: () => describe().document, enumerable: true },
      /** Form inputs in display order: { name, label, description, widget, placeholder, required, order, schema }. */
      fields: { get: () => describe().fields, enumerable: true },
    });
    finalizer.register(this, id, this);
  }

  /**
   * The verdict on form values, the one buildMetadata gives: `{ valid, issues, truncated }`.
   * The values are judged as they would be stored (normalized: trimmed, blank optional
   * fields dropped, defaults filled), keys starting with "_" are refused, and each issue's
   * `message` is the schema's `x-messages` wording where it has one.
   */
  validate(values) {
    return this.core.validate(this[ID], values);
  }

  /** Plain JSON Schema (draft-07) validation of any JSON value as it is, no normalization. */
  validateJson(value) {
    return this.core.validate(this[ID], value, true);
  }

  /** Values as buildMetadata will store them (text in NFC and trimmed, defaults filled), unvalidated. */
  normalize(values) {
    return this.core.normalize(this[ID], values);
  }

  /**
   * How long a text field's value is, counted as the schema limits it, for a character
   * counter that agrees with the verdict: `{ length, min, max, unit }`, where `unit` is
   * "graphemes" (the field has `x-minGraphemes`/`x-maxGraphemes`: what the customer sees as
   * characters) or "code_points" (`minLength`/`maxLength`), and `length` is the length of the
   * value as it would be stored (line breaks unified, Unicode NFC, trimmed).
   */
  fieldLength(field, value) {
    return this.core.fieldLength(this[ID], field, value);
  }

  /** Line-item metadata for `values`; throws PersonalizationValidationError. */
  buildMetadata(values, { stamp = true } = {}) {
    return this.core.buildMetadata(this[ID], values, stamp);
  }

  /**
   * Reads an image's type and pixel size from its bytes (a File, Blob, ArrayBuffer or typed
   * array) and checks it against the `x-image` rules of `field`: `{ image, report }`.
   */
  async checkImage(field, input) {
    const bytes = await bytesOf(input);
    return this.core.checkImage(this[ID], String(field ?? ""), bytes);
  }

  /** Re-checks stored metadata (a cart line or an order item) against this schema. */
  validateLineItemMetadata(metadata) {
    return this.core.validateLineItemMetadata(this[ID], metadata);
  }

  /** Releases the compiled schema now; later use throws code "personalization.schema_released". */
  dispose() {
    this.describe(); // kept readable after the release (a second dispose() finds it kept)
    if (this.core.releaseSchema(this[ID])) this.finalizer.unregister(this);
  }
}

function describedBy(core, id) {
  const described = core.schemaDescription(id);
  return { ...described, fields: Object.freeze(described.fields.map((f) => Object.freeze(f))) };
}

/** Bytes of a File/Blob, ArrayBuffer or typed array, as a Uint8Array. */
export async function bytesOf(input) {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (input && typeof input.arrayBuffer === "function") return new Uint8Array(await input.arrayBuffer());
  throw new MedusaPersonalizeError("an image must be a File, Blob, ArrayBuffer or Uint8Array", {
    kind: "invalid_argument",
    code: "argument.type",
  });
}

export class Personalization {
  constructor(core) {
    this.core = core;
    this.finalizer = new FinalizationRegistry((id) => core.releaseSchema(id));
    this.compiled = new WeakMap(); // schema document object -> PersonalizationSchema
    this.byProduct = new WeakMap(); // product object -> Map(variantId -> schema|null)
    this.products = new Map(); // variant id -> [product, ...] (store.product responses, newest first)
  }

  /**
   * The personalization schema of a product (and variant): a PersonalizationSchema; null
   * when the product is not personalized; undefined when this product object cannot
   * tell, because it was fetched without its metadata (a `fields` list without
   * `+metadata`). Read from `metadata.personalization` (object or JSON string), replaced
   * or extended by the variant's. Compiled once per product object.
   */
  schemaFor(product, variant) {
    if (!product || typeof product !== "object") {
      throw new MedusaPersonalizeError("schemaFor needs a product object", { kind: "invalid_argument", code: "argument.type" });
    }
    const variantId = typeof variant === "string" ? variant : variant?.id ?? "";
    this.remember(product);
    let perVariant = this.byProduct.get(product);
    if (!perVariant) this.byProduct.set(product, (perVariant = new Map()));
    if (perVariant.has(variantId)) return perVariant.get(variantId);
    const id = this.core.schemaForProduct(product, variantId);
    const schema = id === null || id === undefined ? id : new PersonalizationSchema(this.core, id, this.finalizer);
    perVariant.set(variantId, schema);
    return schema;
  }

  /** Compiles a JSON Schema document (object) into a PersonalizationSchema. */
  compile(document) {
    if (document instanceof PersonalizationSchema) return document;
    if (document && typeof document === "object") {
      const cached = this.compiled.get(document);
      if (cached) return cached;
    }
    const schema = new PersonalizationSchema(this.core, this.core.compileSchema(document), this.finalizer);
    if (document && typeof document === "object") this.compiled.set(document, schema);
    return schema;
  }

  /**
   * Validates form values against a schema (a PersonalizationSchema, or a JSON Schema
   * object compiled once and cached by identity). Synchronous: call it on every keystroke.
   */
  validate(schema, values) {
    return this.compile(schema).validate(values);
  }

  /** Normalized values, as they would be stored (for live previews). */
  normalize(schema, values) {
    return this.compile(schema).normalize(values);
  }

  /** The line-item metadata of a personalization; throws PersonalizationValidationError. */
  buildMetadata(schema, values, options) {
    return this.compile(schema).buildMetadata(values, options);
  }

  /**
   * A readable summary of a cart line or an order item's personalization:
   * `{ entries: [{ name, label, kind, text, value }], text, schema_fingerprint,
   * schema_mismatch }`. Render `text` values as text, never as HTML.
   */
  describe(item, schema) {
    const compiled = schema ? this.compile(schema) : null;
    return this.core.describe(item, compiled ? compiled[ID] : 0);
  }

  /**
   * Reads an image's type and pixel size from its bytes and, with a schema and a field
   * name, checks it against the field's `x-image` rules (pixels, DPI at print size,
   * bytes): `{ image: { mime, width, height, bytes }, report? }`.
   */
  async checkImage(input, schema, field) {
    const bytes = await bytesOf(input);
    if (!schema) return { image: this.core.readImage(bytes) };
    return this.core.checkImage(this.compile(schema)[ID], String(field ?? ""), bytes);
  }

  /** Keeps products seen in responses, so a variant id alone finds its schema. */
  remember(product) {
    for (const variant of Array.isArray(product?.variants) ? product.variants : []) {
      if (typeof variant?.id !== "string") continue;
      const seen = (this.products.get(variant.id) ?? []).filter((p) => p !== product);
      this.products.delete(variant.id); // re-inserted: the most recently seen is kept longest
      this.products.set(variant.id, [product, ...seen].slice(0, RESPONSES_PER_VARIANT));
      if (this.products.size > MAX_REMEMBERED_VARIANTS) this.products.delete(this.products.keys().next().value);
    }
  }

  /**
   * The schema of a variant whose product was returned by store.product.*: from the
   * newest response that tells (one without metadata never erases what an earlier one
   * said); undefined when none does.
   */
  schemaForVariant(variantId) {
    for (const product of this.products.get(variantId) ?? []) {
      const schema = this.schemaFor(product, variantId);
      if (schema !== undefined) return schema;
    }
    return undefined;
  }

  /** @internal the core's id of a schema */
  idOf(schema) {
    return this.compile(schema)[ID];
  }
}
