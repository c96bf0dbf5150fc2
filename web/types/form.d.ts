// medusa-personalize/form: the state of a personalization form, without a DOM.
import type { FieldLength, FormField, ImageInput, PersonalizationSchema, UploadedImage, ValidationIssue } from "./index.js";

/** An issue of one field, in words for people. */
export interface FieldIssue {
  /** The validator's stable code ("required", "max_graphemes", "image_min_dpi", ...). */
  code: string;
  /** The schema's `x-messages` wording, else a default naming the field ("Photo: at most 10 MB"). */
  message: string;
}

/** An image field's rules, with the pixel size the print needs stated before upload. */
export interface ImageRules {
  accept: string[];
  maxBytes: number | null;
  /** The larger of `min_width` and what `min_dpi` needs at `print_width_mm`. */
  minWidth: number | null;
  minHeight: number | null;
  printWidthMm: number | null;
  printHeightMm: number | null;
  minDpi: number | null;
}

/** A field of the form: the schema's description and what a renderer needs beyond it. */
export interface FormModelField extends FormField {
  default: unknown;
  /** select and font fields: the choices. */
  options?: { value: unknown; label: string }[];
  /** text and textarea fields: the limits, in the unit the schema counts. */
  text?: Omit<FieldLength, "length">;
  number?: { minimum: number | null; maximum: number | null; step: number | null; integer: boolean };
  image?: ImageRules;
}

/** An image field's upload. */
export interface UploadState {
  status: "checking" | "refused" | "uploading" | "done" | "failed";
  /** 0 to 1. */
  progress: number;
  /** What the check read from the file, then the stored reference once uploaded. */
  image: { url?: string; mime: string; width: number; height: number; bytes: number } | null;
  issues: ValidationIssue[];
}

/** One field's state. */
export interface FieldState extends FormModelField {
  value: unknown;
  /** Edited or left by the customer: its issues show. */
  touched: boolean;
  /** Differs from the value the form started with. */
  dirty: boolean;
  /** Shown once touched. */
  issues: FieldIssue[];
  counter: (FieldLength & { over: boolean }) | null;
  upload: UploadState | null;
}

/** Uploads an image and resolves to its stored reference (or `{ file }`, as `sdk.store.personalization.uploadImage` does). */
export type UploadFunction = (
  file: ImageInput,
  options: {
    schema: PersonalizationSchema;
    field: string;
    signal: AbortSignal;
    onProgress: (progress: { loaded: number; total: number }) => void;
  },
) => Promise<UploadedImage | { file: UploadedImage }>;

export interface PersonalizationFormOptions {
  /** The values to start from: a draft, or a cart line's personalization. */
  values?: Record<string, unknown>;
  /** Needed by image fields. */
  upload?: UploadFunction;
}

/**
 * A personalization form's state; every change notifies the subscribers.
 * @example
 * const form = createPersonalizationForm(schema, { upload: (file, o) => sdk.store.personalization.uploadImage(file, o) });
 * form.subscribe(() => render(form));
 * form.set("message", "Happy birthday");
 * if (form.submittable.ok) await sdk.store.cart.createLineItem(cartId, { variant_id, quantity: 1, metadata: form.toMetadata() });
 */
export class PersonalizationForm {
  constructor(schema: PersonalizationSchema, options?: PersonalizationFormOptions);
  readonly schema: PersonalizationSchema;
  /** In display order. */
  readonly fields: readonly FormModelField[];
  /** The values now (a copy). */
  readonly values: Record<string, unknown>;
  /** The verdict the add to cart gives, plus the image checks; not valid during an upload. */
  readonly report: { valid: boolean; issues: ValidationIssue[] };
  /** Whether the form can be added to the cart, and if not, why (one reason per blocking field). */
  readonly submittable: { ok: boolean; reasons: string[] };
  field(name: string): FieldState;
  /** The field's issues; only once touched unless `all`. */
  issuesOf(name: string, options?: { all?: boolean }): FieldIssue[];
  /** A text field's length counted as its schema counts (graphemes with `x-maxGraphemes`). */
  counter(name: string): FieldLength & { over: boolean };
  /** Sets a value (undefined or "" clears it) and marks the field touched. */
  set(name: string, value: unknown): void;
  touch(name: string): void;
  touchAll(): void;
  /** Checks the image against the field's print rules, then uploads it; null when refused or failed. */
  selectImage(name: string, file: ImageInput): Promise<UploadState["image"] | null>;
  removeImage(name: string): void;
  /** Exactly what `store.cart.createPersonalizedLineItem` sends; throws PersonalizationValidationError while invalid. */
  toMetadata(): Record<string, unknown>;
  /** Returns the function that unsubscribes. */
  subscribe(listener: (form: PersonalizationForm) => void): () => void;
}

/** Creates a form's state for a compiled schema. */
export function createPersonalizationForm(schema: PersonalizationSchema, options?: PersonalizationFormOptions): PersonalizationForm;

/** The field an issue belongs to: "/message/0" -> "message"; `required` names it in params. */
export function fieldOf(issue: ValidationIssue): string;
