// medusa-personalize/element: <medusa-personalization-form>, the form model drawn as a
// custom element. Importing it defines the element (in browsers; nothing on a server).
import type { PersonalizationForm, UploadFunction } from "./form.js";
import type { PersonalizationSchema, ValidationIssue } from "./index.js";

export const ELEMENT_NAME: "medusa-personalization-form";

/**
 * The element. Themable with CSS custom properties (`--mpf-accent`, `--mpf-error`,
 * `--mpf-border`, `--mpf-radius`, `--mpf-font`, `--mpf-text`, `--mpf-muted`,
 * `--mpf-background`, `--mpf-gap`) and parts (`form`, `field`, `label`, `help`, `input`,
 * `counter`, `error`, `progress`, `thumb`, `button`, `status`).
 * @example
 * import "medusa-personalize/element";
 * const el = document.querySelector("medusa-personalization-form")!;
 * el.upload = (file, o) => sdk.store.personalization.uploadImage(file, o);
 * el.addEventListener("valid", (e) => (addButton.disabled = !e.detail.valid));
 * el.schema = sdk.personalization.schemaFor(product, variant)!;
 */
export class MedusaPersonalizationForm extends HTMLElement {
  /** Setting it draws the form. */
  schema: PersonalizationSchema | null;
  /** The values now; setting them starts the form over from those values. */
  values: Record<string, unknown>;
  upload: UploadFunction | undefined;
  /** The form model behind the element (null before a schema is set). */
  readonly form: PersonalizationForm | null;
  readonly valid: boolean;
  touchAll(): void;
  /** What `createPersonalizedLineItem` sends; throws while invalid. */
  toMetadata(): Record<string, unknown>;
  addEventListener<K extends keyof MedusaPersonalizationFormEvents>(
    type: K,
    listener: (event: MedusaPersonalizationFormEvents[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

export interface MedusaPersonalizationFormEvents {
  /** After every change. */
  change: CustomEvent<{ values: Record<string, unknown>; report: { valid: boolean; issues: ValidationIssue[] } }>;
  /** When the verdict flips. */
  valid: CustomEvent<{ valid: boolean }>;
}

declare global {
  interface HTMLElementTagNameMap {
    "medusa-personalization-form": MedusaPersonalizationForm;
  }
}
