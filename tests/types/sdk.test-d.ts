// Compiled with `tsc --noEmit` and never run: the declarations accept what the docs
// show and refuse what they must not.
import MedusaPersonalizeDefault, {
  FetchError,
  loadPersonalization,
  MedusaPersonalize,
  PersonalizationValidationError,
  type FieldLength,
  type HttpTypes,
  type PersonalizationSchema,
  type StoreCart,
  type ValidationReport,
} from "medusa-personalize";

// A server (the Medusa plugin): the engine alone, no HTTP client.
async function server(): Promise<void> {
  const personalization = await loadPersonalization();
  const compiled = personalization.compile({ type: "object", properties: { message: { type: "string" } } });
  const valid: boolean = compiled.validateLineItemMetadata({ message: "Hi" }).valid;
  void valid;
  // @ts-expect-error no HTTP client without a base URL: uploads go through MedusaPersonalize.create
  personalization.uploadImage(new Uint8Array(8));
  // @ts-expect-error the only option is where the .wasm comes from
  await loadPersonalization({ baseUrl: "http://localhost:9000" });
}
void server;

async function storefront(): Promise<void> {
  const sdk = await MedusaPersonalize.create({ baseUrl: "http://localhost:9000", publishableKey: "pk_1" });
  const same: typeof MedusaPersonalize = MedusaPersonalizeDefault;
  void same;

  const { products, count } = await sdk.store.product.list({ limit: 10, fields: "+metadata" });
  const n: number = count;
  void n;
  const product: HttpTypes.StoreProduct = products[0];
  const schema: PersonalizationSchema | null | undefined = sdk.personalization.schemaFor(product, product.variants?.[0]);
  if (!schema) return;
  const report: ValidationReport = schema.validate({ message: "Hi" });
  const codes: string[] = report.issues.map((i) => i.code);
  void codes;
  const widget: string = schema.fields[0].widget;
  void widget;
  const counted: FieldLength = schema.fieldLength("engraving", "Zoë");
  const unit: "graphemes" | "code_points" = counted.unit;
  const limit: number | null = counted.max;
  void unit, limit;
  // @ts-expect-error the value is the input's text
  schema.fieldLength("engraving", 3);

  const { cart } = await sdk.store.cart.create({ region_id: "reg_1" });
  const c: StoreCart = cart;
  await sdk.store.cart.createLineItem(c.id, { variant_id: "v", quantity: 1, metadata: schema.buildMetadata({}) });
  await sdk.store.cart.createPersonalizedLineItem(cart.id, { variant_id: "v", personalization: { message: "Hi" } }, { fields: "*items" }, { "x-trace": "1" });
  // @ts-expect-error quantity is required by the plain Medusa call
  await sdk.store.cart.createLineItem(cart.id, { variant_id: "v" });
  // @ts-expect-error the cart id comes first
  await sdk.store.cart.createLineItem({ variant_id: "v", quantity: 1 });

  const result = await sdk.store.cart.complete(cart.id);
  if (result.type === "order") {
    const id: string = result.order.id;
    void id;
  } else {
    const message: string = result.error.message;
    void message;
  }

  const summary = sdk.personalization.describe(cart.items![0], schema);
  const text: string = summary.text;
  void text;

  const { image, report: imageReport } = await sdk.personalization.checkImage(new Uint8Array(8), schema, "photo");
  const w: number = image.width;
  void w;
  void imageReport?.valid;
  const { file } = await sdk.store.personalization.uploadImage(new Blob([]), { onProgress: ({ loaded, total }) => void (loaded / total) });
  const url: string = file.url;
  void url;

  try {
    await sdk.store.cart.retrieve("x");
  } catch (e) {
    if (e instanceof FetchError) {
      const status: number = e.status;
      const type: string | null = e.type;
      void status, type;
    }
    if (e instanceof PersonalizationValidationError) {
      const first: string = e.issues[0].instance_path;
      void first;
    }
  }
  schema.dispose();
  // @ts-expect-error schemas are made by the SDK, not constructed
  new (schema.constructor as typeof PersonalizationSchema)();
}

async function staff(): Promise<void> {
  const sdk = await MedusaPersonalize.create({ baseUrl: "", auth: { jwtTokenStorageMethod: "memory" } });
  const token = await sdk.auth.login("user", "emailpass", { email: "a@b.c", password: "x" });
  if (typeof token === "string") await sdk.client.setToken(token);
  const { orders } = await sdk.admin.order.list({ fields: "*items,+items.metadata" });
  await sdk.admin.order.createFulfillment(orders[0].id, { items: [{ id: "i", quantity: 1 }] });
  // @ts-expect-error fulfilment items need quantities
  await sdk.admin.order.createFulfillment(orders[0].id, { items: [{ id: "i" }] });
  const custom = await sdk.client.fetch<{ ok: boolean }>("/store/custom", { method: "POST", body: { a: 1 } });
  const ok: boolean = custom.ok;
  void ok;
}

void storefront;
void staff;
