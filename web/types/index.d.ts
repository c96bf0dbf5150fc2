// medusa-personalize: TypeScript declarations (hand-written; checked by
// tests/types/sdk.test-d.ts with `tsc --noEmit`).
import type * as HttpTypes from "./http.js";
import type {
  AdminCreateFulfillment,
  AdminCreateProduct,
  AdminCreateShipment,
  AdminOrderListResponse,
  AdminOrderResponse,
  AdminProductListResponse,
  AdminProductResponse,
  AdminUpdateProduct,
  AuthRefreshResponse,
  AuthResetPassword,
  ClientHeaders,
  FindParams,
  Metadata,
  Query,
  SelectParams,
  StoreAddCartLineItem,
  StoreAddCartShippingMethods,
  StoreCalculateShippingOptionPrice,
  StoreCart,
  StoreCartLineItem,
  StoreCartPromotions,
  StoreCartResponse,
  StoreCollectionListResponse,
  StoreCollectionResponse,
  StoreCompleteCartResponse,
  StoreCreateCart,
  StoreCreateCustomer,
  StoreCreateCustomerAddress,
  StoreCustomerAddressDeleteResponse,
  StoreCustomerAddressListResponse,
  StoreCustomerAddressResponse,
  StoreCustomerResponse,
  StoreInitializePaymentSession,
  StoreLineItemDeleteResponse,
  StoreOrderListResponse,
  StoreOrderResponse,
  StorePaymentCollectionResponse,
  StorePaymentProviderListResponse,
  StoreProduct,
  StoreProductCategoryListResponse,
  StoreProductCategoryResponse,
  StoreProductListResponse,
  StoreProductParams,
  StoreProductResponse,
  StoreProductVariant,
  StoreRegionListResponse,
  StoreRegionResponse,
  StoreShippingOptionListResponse,
  StoreShippingOptionResponse,
  StoreUpdateCart,
  StoreUpdateCartLineItem,
  StoreUpdateCustomer,
  StoreUpdateCustomerAddress,
} from "./http.js";

export type { HttpTypes };
export * from "./http.js";

/** Options of `MedusaPersonalize.create`, as Medusa's `new Medusa(config)` plus `fetch`/`wasm`. */
export interface Config {
  /** The Medusa backend, e.g. "http://localhost:9000" ("" or "/" = the page's origin). */
  baseUrl: string;
  /** Sent as `x-publishable-api-key` on every /store request. */
  publishableKey?: string;
  /** Admin secret API key, sent as `Authorization: Basic base64(key + ":")` on /admin. */
  apiKey?: string;
  /** Added to every request. */
  globalHeaders?: ClientHeaders;
  auth?: {
    /** "jwt" (default): `Authorization: Bearer`; "session": cookies (`credentials: "include"`). */
    type?: "jwt" | "session";
    jwtTokenStorageKey?: string;
    /** Default: "local" in browsers, "memory" elsewhere. */
    jwtTokenStorageMethod?: "local" | "session" | "memory" | "nostore";
  };
  /** The fetch to use (default: globalThis.fetch). */
  fetch?: typeof fetch;
  /**
   * Retries, by the core's policy (the native client's too). Default {attempts: 2,
   * delayMs: 200, maxDelayMs: 2000, verifyLineItemAdds: true}: `attempts` retries after
   * the first send, the delay doubling up to `maxDelayMs`. Idempotent calls are retried
   * after a network error or a 429/502/503/504 (`Retry-After` honoured). With
   * `verifyLineItemAdds`, a line-item add is safe to retry and one request when answered:
   * against a server that honours Idempotency-Key (the Medusa plugin; learned from its
   * `Idempotency-Key-Support` header) each add carries a key and is resent with it;
   * otherwise an add whose answer is lost is checked by reading the cart, compared with the
   * cart this client last received, and sent again only if it did not land; a `FetchError`
   * with code "transport.add_unverified" says when that cannot be known. Off: an add is
   * sent once.
   */
  retry?: { attempts?: number; delayMs?: number; maxDelayMs?: number; verifyLineItemAdds?: boolean };
  /** Logs each request (Authorization, cookies and the publishable key redacted) through `logger.debug`. */
  debug?: boolean;
  logger?: Pick<Console, "debug">;
  /** Where the .wasm is (URL), its bytes, or a compiled module. Default: next to the package's glue. */
  wasm?: string | URL | ArrayBuffer | Uint8Array | WebAssembly.Module;
}

/** Base class of every error the SDK throws. */
export class MedusaPersonalizeError extends Error {
  /** "invalid_argument" | "invalid_json" | "invalid_schema" | "validation" | "http" | "transport" | "invalid_response" | "request_too_large" | ... */
  readonly kind: string;
  /** Stable machine code, e.g. "argument.type", "json.too_deep", "http.not_found". */
  readonly code: string;
  /** JSON Pointer of the offending value, when there is one. */
  readonly path: string;
  readonly details: unknown;
}

/** A non-2xx response (`status`/`statusText`/`message` as Medusa's FetchError), or no response (`status` 0, kind "transport"). */
export class FetchError extends MedusaPersonalizeError {
  readonly status: number;
  readonly statusText: string;
  /** Medusa's error type: "not_found", "invalid_data", "not_allowed", "unauthorized", ... or null. */
  readonly type: string | null;
  /** Medusa's own `code` field of the error body, when present. */
  readonly medusaCode: string | null;
}

/** One validation problem. `code` is stable API; `message` is for people. */
export interface ValidationIssue {
  /** JSON Pointer into the values, e.g. "/message". */
  instance_path: string;
  /** JSON Pointer into the schema, e.g. "#/properties/message/maxLength". */
  schema_path: string;
  /** "required", "max_length", "pattern", "enum", "format", "image_min_dpi", "reserved_key", ... */
  code: string;
  message: string;
  params: Record<string, unknown>;
}

export interface ValidationReport {
  valid: boolean;
  issues: ValidationIssue[];
  /** True when the issue list was cut at the validator's limit. */
  truncated: boolean;
}

/** Thrown when personalization values do not satisfy their schema. */
export class PersonalizationValidationError extends MedusaPersonalizeError {
  readonly issues: ValidationIssue[];
}

/** One input of a form generated from a schema. */
export interface FormField {
  name: string;
  label: string;
  description: string;
  /** "text" | "textarea" | "select" | "font" | "colour" | "number" | "checkbox" | "image" */
  widget: string;
  placeholder: string;
  required: boolean;
  order: number;
  /** The property's own JSON Schema (enum, maxLength, x-image, ...). */
  schema: Record<string, unknown>;
}

/** An uploaded customer image, as stored in line-item metadata. */
export interface UploadedImage {
  url: string;
  mime: "image/png" | "image/jpeg";
  width: number;
  height: number;
  bytes: number;
  id?: string;
  filename?: string;
}

export interface ImageInfo {
  mime: "image/png" | "image/jpeg";
  width: number;
  height: number;
  bytes: number;
}

export type ImageInput = Blob | ArrayBuffer | ArrayBufferView;

export interface PersonalizationSummary {
  entries: { name: string; label: string; kind: "text" | "number" | "boolean" | "image" | "list" | "object"; text: string; value: unknown }[];
  /** "Message: Hello · Font: Serif". Plain text: never insert it as HTML. */
  text: string;
  schema_fingerprint: string | null;
  schema_mismatch: boolean;
}

/**
 * A compiled personalization schema. Its WebAssembly memory is released when it is
 * garbage-collected; `dispose()` releases it at once.
 */
/** A text field's length as its schema counts it. */
export interface FieldLength {
  /** Length of the value as it would be stored, in `unit`. */
  length: number;
  /** The field's lower limit in `unit` (`x-minGraphemes` or `minLength`), if any. */
  min: number | null;
  /** The field's upper limit in `unit` (`x-maxGraphemes` or `maxLength`), if any. */
  max: number | null;
  /** "graphemes": what a customer sees as characters; "code_points": JSON Schema's count. */
  unit: "graphemes" | "code_points";
}

export class PersonalizationSchema {
  private constructor();
  /** "fnv1a64:<16 hex>", stamped on line-item metadata as `_personalization_schema`. */
  readonly fingerprint: string;
  /** The effective JSON Schema (draft-07). */
  readonly document: Record<string, unknown>;
  /** The form inputs, in display order. */
  readonly fields: readonly FormField[];
  /**
   * The verdict on form values, the same one `buildMetadata` and the add to cart give:
   * judged as they would be stored (trimmed, blanks dropped, defaults filled), keys
   * starting with "_" refused, messages in the schema's `x-messages` wording. Synchronous.
   * @example
   * const { valid, issues } = schema.validate({ message: input.value, font: "Serif" });
   */
  validate(values: unknown): ValidationReport;
  /**
   * Plain JSON Schema (draft-07) validation of any JSON value as it is (no normalization).
   * @example
   * const { valid } = schema.validateJson(42);
   */
  validateJson(value: unknown): ValidationReport;
  /**
   * The values as `buildMetadata` stores them (trimmed, blanks dropped, defaults filled).
   * @example
   * preview.textContent = schema.normalize(form).message ?? "";
   */
  normalize(values: unknown): Record<string, unknown>;
  /**
   * How long a text field's value is, counted as the schema limits it (for a character
   * counter that agrees with the verdict): grapheme clusters when the field has
   * `x-minGraphemes`/`x-maxGraphemes`, else code points (`minLength`/`maxLength`), of the
   * value as it would be stored (line breaks unified, Unicode NFC, trimmed).
   * @example
   * const { length, max } = schema.fieldLength("engraving", input.value);
   * counter.textContent = `${length} / ${max}`;
   */
  fieldLength(field: string, value: string): FieldLength;
  /**
   * Reads an image's type and pixel size from its bytes and checks it against the field's
   * `x-image` print rules.
   * @example
   * const { image, report } = await schema.checkImage("photo", input.files[0]);
   */
  checkImage(field: string, input: ImageInput): Promise<{ image: ImageInfo; report: ValidationReport }>;
  /**
   * Line-item metadata for `values`; throws PersonalizationValidationError.
   * @example
   * await sdk.store.cart.createLineItem(cartId, { variant_id, quantity: 1, metadata: schema.buildMetadata(form) });
   */
  buildMetadata(values: unknown, options?: { stamp?: boolean }): Metadata;
  /**
   * Re-checks stored metadata (a cart line or an order item) against this schema.
   * @example
   * const { valid } = schema.validateLineItemMetadata(item.metadata);
   */
  validateLineItemMetadata(metadata: unknown): ValidationReport;
  /**
   * Releases the compiled schema now (optional; later use throws "personalization.schema_released").
   * @example
   * schema.dispose();
   */
  dispose(): void;
}

export type SchemaInput = PersonalizationSchema | Record<string, unknown>;

export interface UploadImageOptions {
  /** Sent as the file name (sanitized). Default: the File's name, else "image". */
  filename?: string;
  /** With `field`: check the image against that field's print rules before uploading. */
  schema?: SchemaInput;
  field?: string;
  /** Upload progress (real progress in browsers; start and end elsewhere). */
  onProgress?: (progress: { loaded: number; total: number }) => void;
  signal?: AbortSignal;
  headers?: ClientHeaders;
  /** Refuse larger images before sending (default 10 MiB). */
  maxBytes?: number;
}

export interface Personalization {
  /**
   * The personalization schema of a product (and variant); `null` when the product is not
   * personalized; `undefined` when this product object cannot tell, because it was
   * fetched without its metadata (a `fields` list without `+metadata`). `store.product.*`
   * asks for metadata unless you pass your own `fields`.
   * @example
   * const { product } = await sdk.store.product.retrieve(id);
   * const schema = sdk.personalization.schemaFor(product, product.variants[0]);
   */
  schemaFor(product: StoreProduct, variant?: string | StoreProductVariant): PersonalizationSchema | null | undefined;
  /**
   * Compiles a JSON Schema (cached per object).
   * @example
   * const schema = sdk.personalization.compile({ type: "object", properties: { name: { type: "string" } } });
   */
  compile(document: SchemaInput): PersonalizationSchema;
  /**
   * Validates values; synchronous, for every keystroke.
   * @example
   * const report = sdk.personalization.validate(schema, { message: "Hi", font: "Serif" });
   */
  validate(schema: SchemaInput, values: unknown): ValidationReport;
  /**
   * Normalized values (for previews).
   * @example
   * const shown = sdk.personalization.normalize(schema, form);
   */
  normalize(schema: SchemaInput, values: unknown): Record<string, unknown>;
  /**
   * Line-item metadata; throws PersonalizationValidationError.
   * @example
   * const metadata = sdk.personalization.buildMetadata(schema, form);
   */
  buildMetadata(schema: SchemaInput, values: unknown, options?: { stamp?: boolean }): Metadata;
  /**
   * A readable summary of a cart line or order item's personalization.
   * @example
   * cell.textContent = sdk.personalization.describe(item, schema).text;
   */
  describe(item: StoreCartLineItem | HttpTypes.StoreOrderLineItem | Record<string, unknown>, schema?: SchemaInput): PersonalizationSummary;
  /**
   * Type and pixel size from the bytes; with a schema and field, the print checks.
   * @example
   * const { image, report } = await sdk.personalization.checkImage(input.files[0], schema, "photo");
   */
  checkImage(input: ImageInput, schema?: SchemaInput, field?: string): Promise<{ image: ImageInfo; report?: ValidationReport }>;
  /**
   * Same as `sdk.store.personalization.uploadImage`.
   * @example
   * const { file } = await sdk.personalization.uploadImage(input.files[0], { onProgress });
   */
  uploadImage(input: ImageInput, options?: UploadImageOptions): Promise<{ file: UploadedImage }>;
}

/** The body of createPersonalizedLineItem: form values instead of metadata. */
export interface StoreAddPersonalizedLineItem {
  variant_id: string;
  /** Default 1. */
  quantity?: number;
  /** The customer's form values; validated and turned into metadata by the SDK. */
  personalization: Record<string, unknown>;
  /** The schema to use; default: the variant's product's, if this SDK returned it. */
  schema?: SchemaInput;
  /** The variant's product (its schema is used). */
  product?: StoreProduct;
}

export interface StoreUpdatePersonalizedLineItem {
  quantity?: number;
  personalization: Record<string, unknown>;
  schema?: SchemaInput;
  product?: StoreProduct;
}

export interface Store {
  region: {
    /** @example const { regions } = await sdk.store.region.list(); */
    list(query?: FindParams & Query, headers?: ClientHeaders): Promise<StoreRegionListResponse>;
    /** @example const { region } = await sdk.store.region.retrieve("reg_123"); */
    retrieve(id: string, query?: SelectParams, headers?: ClientHeaders): Promise<StoreRegionResponse>;
  };
  collection: {
    /** @example const { collections } = await sdk.store.collection.list({ limit: 20 }); */
    list(query?: FindParams & Query, headers?: ClientHeaders): Promise<StoreCollectionListResponse>;
    /** @example const { collection } = await sdk.store.collection.retrieve("pcol_123"); */
    retrieve(id: string, query?: SelectParams, headers?: ClientHeaders): Promise<StoreCollectionResponse>;
  };
  category: {
    /** @example const { product_categories } = await sdk.store.category.list({ fields: "*category_children" }); */
    list(query?: FindParams & Query, headers?: ClientHeaders): Promise<StoreProductCategoryListResponse>;
    /** @example const { product_category } = await sdk.store.category.retrieve("pcat_123"); */
    retrieve(id: string, query?: SelectParams, headers?: ClientHeaders): Promise<StoreProductCategoryResponse>;
  };
  product: {
    /**
     * Lists products, with product and variant metadata (the personalization schemas).
     * @example const { products, count } = await sdk.store.product.list({ limit: 20 });
     */
    list(query?: StoreProductParams, headers?: ClientHeaders): Promise<StoreProductListResponse>;
    /** @example const { product } = await sdk.store.product.retrieve("prod_123", { region_id }); */
    retrieve(id: string, query?: SelectParams & Query, headers?: ClientHeaders): Promise<StoreProductResponse>;
  };
  cart: {
    /** @example const { cart } = await sdk.store.cart.create({ region_id }); */
    create(body: StoreCreateCart, query?: SelectParams, headers?: ClientHeaders): Promise<StoreCartResponse>;
    /** @example const { cart } = await sdk.store.cart.retrieve(cartId); */
    retrieve(id: string, query?: SelectParams, headers?: ClientHeaders): Promise<StoreCartResponse>;
    /** @example await sdk.store.cart.update(cartId, { email: "anna@example.com" }); */
    update(id: string, body: StoreUpdateCart, query?: SelectParams, headers?: ClientHeaders): Promise<StoreCartResponse>;
    /**
     * Adds a line; the same variant with deep-equal metadata merges into the existing line.
     * @example await sdk.store.cart.createLineItem(cartId, { variant_id, quantity: 1, metadata });
     */
    createLineItem(cartId: string, body: StoreAddCartLineItem, query?: SelectParams, headers?: ClientHeaders): Promise<StoreCartResponse>;
    /**
     * Changes a line. The server merges `metadata` shallowly: use updatePersonalizedLineItem to replace it.
     * @example await sdk.store.cart.updateLineItem(cartId, lineId, { quantity: 2 });
     */
    updateLineItem(cartId: string, lineItemId: string, body: StoreUpdateCartLineItem, query?: SelectParams, headers?: ClientHeaders): Promise<StoreCartResponse>;
    /** @example const { parent } = await sdk.store.cart.deleteLineItem(cartId, lineId); */
    deleteLineItem(cartId: string, lineItemId: string, headers?: ClientHeaders): Promise<StoreLineItemDeleteResponse>;
    /** @example await sdk.store.cart.addShippingMethod(cartId, { option_id }); */
    addShippingMethod(cartId: string, body: StoreAddCartShippingMethods, query?: SelectParams, headers?: ClientHeaders): Promise<StoreCartResponse>;
    /**
     * Places the order; `{type: "cart", error}` when it cannot.
     * @example
     * const result = await sdk.store.cart.complete(cartId);
     * if (result.type === "order") show(result.order);
     */
    complete(cartId: string, query?: SelectParams, headers?: ClientHeaders): Promise<StoreCompleteCartResponse>;
    /**
     * Makes a guest's cart the logged-in customer's.
     * @example const { cart } = await sdk.store.cart.transferCart(cartId);
     */
    transferCart(id: string, query?: SelectParams, headers?: ClientHeaders): Promise<StoreCartResponse>;
    /** @example const { cart } = await sdk.store.cart.addPromotions(cartId, { promo_codes: ["WELCOME10"] }); */
    addPromotions(cartId: string, body: StoreCartPromotions, query?: SelectParams, headers?: ClientHeaders): Promise<StoreCartResponse>;
    /** @example const { cart } = await sdk.store.cart.removePromotions(cartId, { promo_codes: ["WELCOME10"] }); */
    removePromotions(cartId: string, body: StoreCartPromotions, query?: SelectParams, headers?: ClientHeaders): Promise<StoreCartResponse>;
    /**
     * Validates the personalization, builds deterministic metadata, adds the line.
     * Throws PersonalizationValidationError without sending anything when invalid.
     * @example
     * await sdk.store.cart.createPersonalizedLineItem(cartId, { variant_id, quantity: 1, personalization: { message: "Hi", font: "Serif" } });
     */
    createPersonalizedLineItem(cartId: string, body: StoreAddPersonalizedLineItem, query?: SelectParams, headers?: ClientHeaders): Promise<StoreCartResponse>;
    /**
     * Replaces a line's personalization exactly (keys removed from the form disappear).
     * Reads the cart first and works from the server's current line, so a kept line object
     * may be stale; the quantity stays as it is unless `body.quantity` is given.
     * @example
     * await sdk.store.cart.updatePersonalizedLineItem(cartId, line, { personalization: form });
     */
    updatePersonalizedLineItem(cartId: string, lineItem: string | StoreCartLineItem, body: StoreUpdatePersonalizedLineItem, query?: SelectParams, headers?: ClientHeaders): Promise<StoreCartResponse>;
  };
  fulfillment: {
    /** @example const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id }); */
    listCartOptions(query: { cart_id: string } & FindParams, headers?: ClientHeaders): Promise<StoreShippingOptionListResponse>;
    /**
     * The price of a calculated shipping option for the cart.
     * @example const { shipping_option } = await sdk.store.fulfillment.calculate(optionId, { cart_id });
     */
    calculate(id: string, body: StoreCalculateShippingOptionPrice, query?: SelectParams, headers?: ClientHeaders): Promise<StoreShippingOptionResponse>;
  };
  payment: {
    /** @example const { payment_providers } = await sdk.store.payment.listPaymentProviders({ region_id }); */
    listPaymentProviders(query: { region_id: string } & FindParams, headers?: ClientHeaders): Promise<StorePaymentProviderListResponse>;
    /**
     * Creates the cart's payment collection if needed, then a payment session.
     * @example await sdk.store.payment.initiatePaymentSession(cart, { provider_id: "pp_system_default" });
     */
    initiatePaymentSession(cart: StoreCart, body: StoreInitializePaymentSession, query?: SelectParams, headers?: ClientHeaders): Promise<StorePaymentCollectionResponse>;
    /** @example await sdk.store.payment.createPaymentCollection(cartId); */
    createPaymentCollection(cartId: string, query?: SelectParams, headers?: ClientHeaders): Promise<StorePaymentCollectionResponse>;
    /** @example await sdk.store.payment.createPaymentSession(collectionId, { provider_id }); */
    createPaymentSession(paymentCollectionId: string, body: StoreInitializePaymentSession, query?: SelectParams, headers?: ClientHeaders): Promise<StorePaymentCollectionResponse>;
  };
  customer: {
    /**
     * Creates the customer of a registered identity (send the token of `sdk.auth.register`).
     * @example const { customer } = await sdk.store.customer.create({ email, first_name: "Anna" });
     */
    create(body: StoreCreateCustomer, query?: SelectParams, headers?: ClientHeaders): Promise<StoreCustomerResponse>;
    /** @example const { customer } = await sdk.store.customer.retrieve(); */
    retrieve(query?: SelectParams, headers?: ClientHeaders): Promise<StoreCustomerResponse>;
    /** @example await sdk.store.customer.update({ first_name: "Anna" }); */
    update(body: StoreUpdateCustomer, query?: SelectParams, headers?: ClientHeaders): Promise<StoreCustomerResponse>;
    /** @example const { customer } = await sdk.store.customer.createAddress({ address_1: "Hauptstr. 1", city: "Berlin", country_code: "de" }); */
    createAddress(body: StoreCreateCustomerAddress, query?: SelectParams, headers?: ClientHeaders): Promise<StoreCustomerResponse>;
    /** @example await sdk.store.customer.updateAddress(addressId, { city: "Hamburg" }); */
    updateAddress(addressId: string, body: StoreUpdateCustomerAddress, query?: SelectParams, headers?: ClientHeaders): Promise<StoreCustomerResponse>;
    /** @example const { addresses } = await sdk.store.customer.listAddress(); */
    listAddress(query?: FindParams & Query, headers?: ClientHeaders): Promise<StoreCustomerAddressListResponse>;
    /** @example const { address } = await sdk.store.customer.retrieveAddress(addressId); */
    retrieveAddress(addressId: string, query?: SelectParams, headers?: ClientHeaders): Promise<StoreCustomerAddressResponse>;
    /** @example await sdk.store.customer.deleteAddress(addressId); */
    deleteAddress(addressId: string, headers?: ClientHeaders): Promise<StoreCustomerAddressDeleteResponse>;
  };
  order: {
    /** @example const { order } = await sdk.store.order.retrieve(orderId, { fields: "*items,+items.metadata" }); */
    retrieve(id: string, query?: SelectParams, headers?: ClientHeaders): Promise<StoreOrderResponse>;
    /** Needs a logged-in customer. @example const { orders } = await sdk.store.order.list(); */
    list(query?: FindParams & Query, headers?: ClientHeaders): Promise<StoreOrderListResponse>;
  };
  personalization: {
    /**
     * Uploads a customer image (PNG/JPEG by content) to POST /store/personalization/uploads.
     * @example const { file } = await sdk.store.personalization.uploadImage(input.files[0], { schema, field: "photo", onProgress });
     */
    uploadImage(input: ImageInput, options?: UploadImageOptions): Promise<{ file: UploadedImage }>;
  };
}

export interface Admin {
  upload: {
    /**
     * Uploads staff files (product images...) through the File Module: one "files" part per file.
     * @example const { files } = await sdk.admin.upload.create({ files: input.files });
     */
    create(body: { files: FileList | ArrayLike<Blob | ArrayBuffer | ArrayBufferView> } | FileList, query?: SelectParams, headers?: ClientHeaders): Promise<{ files: { id: string; url: string }[] }>;
  };
  order: {
    /** @example const { orders } = await sdk.admin.order.list({ fields: "*items,+items.metadata" }); */
    list(query?: FindParams & Query, headers?: ClientHeaders): Promise<AdminOrderListResponse>;
    /** @example const { order } = await sdk.admin.order.retrieve(orderId); */
    retrieve(id: string, query?: SelectParams, headers?: ClientHeaders): Promise<AdminOrderResponse>;
    /** @example const { order } = await sdk.admin.order.cancel(orderId); */
    cancel(id: string, query?: SelectParams, headers?: ClientHeaders): Promise<AdminOrderResponse>;
    /** @example await sdk.admin.order.createFulfillment(orderId, { items: [{ id, quantity: 1 }] }); */
    createFulfillment(id: string, body: AdminCreateFulfillment, query?: SelectParams, headers?: ClientHeaders): Promise<AdminOrderResponse>;
    /** @example await sdk.admin.order.createShipment(orderId, fulfillmentId, { items }); */
    createShipment(id: string, fulfillmentId: string, body: AdminCreateShipment, query?: SelectParams, headers?: ClientHeaders): Promise<AdminOrderResponse>;
  };
  product: {
    /** @example await sdk.admin.product.create({ title: "Mug", metadata: { personalization: schema } }); */
    create(body: AdminCreateProduct, query?: SelectParams, headers?: ClientHeaders): Promise<AdminProductResponse>;
    /** @example await sdk.admin.product.update(id, { metadata: { personalization: schema } }); */
    update(id: string, body: AdminUpdateProduct, query?: SelectParams, headers?: ClientHeaders): Promise<AdminProductResponse>;
    /** @example const { product } = await sdk.admin.product.retrieve(id); */
    retrieve(id: string, query?: SelectParams, headers?: ClientHeaders): Promise<AdminProductResponse>;
    /** @example const { products } = await sdk.admin.product.list({ limit: 50 }); */
    list(query?: FindParams & Query, headers?: ClientHeaders): Promise<AdminProductListResponse>;
  };
}

export interface Auth {
  /**
   * Logs in and stores the JWT for later requests; with `auth: { type: "session" }` the
   * JWT is exchanged for a session cookie instead (POST /auth/session). Returns the JWT
   * (or `{location}` for redirect providers).
   * @example const token = await sdk.auth.login("user", "emailpass", { email, password });
   */
  login(actor: string, method: string, payload: Record<string, unknown>, headers?: ClientHeaders): Promise<string | { location: string }>;
  /**
   * Registers an identity (no customer yet) and stores its token for the
   * `store.customer.create` that follows; returns the token.
   * @example const token = await sdk.auth.register("customer", "emailpass", { email, password });
   */
  register(actor: string, method: string, payload: Record<string, unknown>, headers?: ClientHeaders): Promise<string>;
  /**
   * A new JWT for the current one, put in use (exchanged for a session cookie in session mode).
   * @example const { token } = await sdk.auth.refresh();
   */
  refresh(headers?: ClientHeaders): Promise<AuthRefreshResponse>;
  /**
   * Asks for a password reset token (Medusa emits `auth.password_reset`; the answer is the
   * same whether the identity exists or not).
   * @example await sdk.auth.resetPassword("customer", "emailpass", { identifier: email });
   */
  resetPassword(actor: string, provider: string, body: AuthResetPassword, headers?: ClientHeaders): Promise<void>;
  /**
   * Ends the session (DELETE /auth/session in session mode) and forgets the stored JWT.
   * @example await sdk.auth.logout();
   */
  logout(headers?: ClientHeaders): Promise<void>;
}

export interface Client {
  /**
   * A request to any route (e.g. a custom one), with the SDK's headers and auth.
   * @example const data = await sdk.client.fetch<{ ok: boolean }>("/store/custom", { method: "POST", body: { a: 1 } });
   */
  fetch<T = unknown>(input: string, init?: { method?: string; body?: unknown; query?: Query; headers?: ClientHeaders; signal?: AbortSignal }): Promise<T>;
  /** @example await sdk.client.setToken(jwt); */
  setToken(token: string): Promise<void>;
  /** @example const jwt = await sdk.client.getToken(); */
  getToken(): Promise<string>;
  /** @example await sdk.client.clearToken(); */
  clearToken(): Promise<void>;
}

export interface Sdk {
  client: Client;
  store: Store;
  admin: Admin;
  auth: Auth;
  personalization: Personalization;
}

export declare const MedusaPersonalize: {
  /**
   * Loads the WebAssembly module (once per page or process) and returns a client.
   * @example
   * import { MedusaPersonalize } from "medusa-personalize";
   * const sdk = await MedusaPersonalize.create({ baseUrl: "http://localhost:9000", publishableKey: "pk_..." });
   */
  create(config: Config): Promise<Sdk>;
};

/**
 * The personalization engine without an HTTP client, for servers and workers (the
 * Medusa plugin validates line items with it). Loads the WebAssembly module once per
 * process, shared with `MedusaPersonalize.create`.
 * @example
 * import { loadPersonalization } from "medusa-personalize";
 * const personalization = await loadPersonalization();
 * const report = personalization.schemaFor(product, variantId)?.validateLineItemMetadata(item.metadata);
 */
export declare function loadPersonalization(options?: { wasm?: Config["wasm"] }): Promise<Omit<Personalization, "uploadImage">>;

export default MedusaPersonalize;
