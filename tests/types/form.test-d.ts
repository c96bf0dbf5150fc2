// Compiled with `tsc --noEmit` and never run: the form model's declarations accept what
// the docs show and refuse what they must not.
import { MedusaPersonalize, type PersonalizationSchema } from "medusa-personalize";
import "medusa-personalize/element";
import { createPersonalizationForm, type FieldState, type PersonalizationForm } from "medusa-personalize/form";

export async function formFlow(file: Blob) {
  const sdk = await MedusaPersonalize.create({ baseUrl: "http://localhost:9000" });
  const schema = sdk.personalization.compile({ type: "object", properties: { message: { type: "string" } } });
  const form: PersonalizationForm = createPersonalizationForm(schema, {
    values: { message: "Hi" },
    upload: (f, o) => sdk.store.personalization.uploadImage(f, o),
  });
  const unsubscribe: () => void = form.subscribe((f) => void f.report.valid);
  form.set("message", "Happy birthday");
  const state: FieldState = form.field("message");
  const max: number | null = state.text?.max ?? null;
  const messages: string[] = state.issues.map((i) => i.message);
  const reasons: string[] = form.submittable.reasons;
  const stored = await form.selectImage("photo", file);
  const url: string | undefined = stored?.url;
  const metadata: Record<string, unknown> = form.toMetadata();
  await sdk.store.cart.createLineItem("cart_1", { variant_id: "v", quantity: 1, metadata });
  unsubscribe();
  void max, messages, reasons, url;
  // @ts-expect-error the form needs a compiled schema, not a JSON Schema document
  createPersonalizationForm({ type: "object" });
  // @ts-expect-error a field's issues are read, not assigned
  form.field("message").issues = 1;
}

export function elementUse(schema: PersonalizationSchema) {
  const el = document.querySelector("medusa-personalization-form");
  if (!el) return;
  el.schema = schema;
  el.addEventListener("valid", (e) => {
    const valid: boolean = e.detail.valid;
    void valid;
  });
  el.addEventListener("change", (e) => void e.detail.report.issues.length);
  const metadata: Record<string, unknown> = el.toMetadata();
  void metadata;
  // @ts-expect-error the schema is a compiled PersonalizationSchema
  el.schema = { type: "object" };
}
