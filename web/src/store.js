// sdk.store: the Medusa JS SDK's Store resources, plus personalized line items and the
// customer image upload. Argument order is always (ids..., body?, query?, headers?).
import { transportError } from "./client.js";
import { MedusaPersonalizeError, PersonalizationValidationError } from "./errors.js";
import { bytesOf } from "./personalization.js";

function schemaError(message, code) {
  return new MedusaPersonalizeError(message, { kind: "invalid_argument", code });
}

export function createStore(client, personalization) {
  const request = (name, args, options) => client.request(name, args, options);
  // Every call of the core's table; the methods below add to or wrap some of them.
  const store = client.resources("store");

  Object.assign(store.product, {
    async list(query, headers) {
      const response = await request("store.product.list", [query, headers]);
      for (const p of response.products) personalization.remember(p);
      return response;
    },
    async retrieve(id, query, headers) {
      const response = await request("store.product.retrieve", [id, query, headers]);
      personalization.remember(response.product);
      return response;
    },
  });

  // The schema for a personalized line: body.schema, else body.product, else the
  // products this SDK returned for the variant. A product object sent without its
  // metadata says nothing either way: the responses that did say are asked next.
  const resolveSchema = (body) => {
    const { schema, product: owner, ...rest } = body && typeof body === "object" ? body : {};
    const variantId = rest.variant_id;
    let resolved = schema ? personalization.compile(schema) : owner ? personalization.schemaFor(owner, variantId) : undefined;
    if (resolved === undefined && !schema) resolved = personalization.schemaForVariant(variantId);
    if (resolved === null) {
      throw schemaError(`variant ${variantId} belongs to a product without a personalization schema`, "personalization.no_schema");
    }
    if (resolved === undefined) {
      throw schemaError(
        `no personalization schema known for variant ${variantId}: retrieve its product with sdk.store.product.retrieve (with its metadata), or pass body.product or body.schema`,
        "personalization.schema_unknown",
      );
    }
    return { rest, schemaId: personalization.idOf(resolved) };
  };

  Object.assign(store.cart, {
    async createPersonalizedLineItem(cartId, body, query, headers) {
      const { rest, schemaId } = resolveSchema(body);
      return request("store.cart.createPersonalizedLineItem", [cartId, rest, query, headers], { schemaId });
    },
    /**
     * Replaces a line's personalization. Works from the server's current line, read
     * first (a line object kept from an earlier answer may be stale: merged adds change
     * its quantity, other edits its metadata), and keeps its quantity unless
     * `body.quantity` is given.
     */
    async updatePersonalizedLineItem(cartId, lineItem, body, query, headers) {
      const lineId = typeof lineItem === "string" ? lineItem : lineItem?.id;
      if (typeof lineId !== "string" || lineId === "") {
        throw schemaError("lineItem must be a line item id or a line item with an id", "argument.type");
      }
      const { cart: fresh } = await request("store.cart.retrieve", [cartId, undefined, headers]);
      const current = (fresh.items ?? []).find((item) => item.id === lineId);
      if (!current) throw schemaError(`cart ${cartId} has no line item ${lineId}`, "argument.line_item");
      const { rest, schemaId } = resolveSchema({ variant_id: current.variant_id, ...body });
      delete rest.variant_id;
      return request("store.cart.updatePersonalizedLineItem", [cartId, current, rest, query, headers], { schemaId });
    },
  });

  Object.assign(store.payment, {
    /** Creates the cart's payment collection if it has none, then a payment session. */
    async initiatePaymentSession(cartObject, body, query, headers) {
      let collectionId = cartObject?.payment_collection?.id;
      if (!collectionId) {
        const created = await request("store.payment.createPaymentCollection", [cartObject?.id, undefined, headers]);
        collectionId = created.payment_collection.id;
      }
      return request("store.payment.createPaymentSession", [collectionId, body, query, headers]);
    },
  });

  store.personalization = {
    /**
     * Uploads a customer image to POST /store/personalization/uploads. Checked first by
     * its bytes (PNG/JPEG, size limit) and, with `schema` and `field`, against the
     * field's print rules. `onProgress({ loaded, total })` reports the upload.
     */
    async uploadImage(input, options = {}) {
      const bytes = await bytesOf(input);
      if (options.schema && options.field) {
        const { report } = await personalization.checkImage(bytes, options.schema, options.field);
        if (!report.valid) {
          throw new PersonalizationValidationError(`the image does not meet the print rules of "${options.field}"`, report.issues);
        }
      }
      const filename = options.filename ?? (typeof input?.name === "string" ? input.name : "image");
      const plan = client.core.planUpload(client.configText(), filename, bytes, options.headers, options.maxBytes);
      const form = new FormData();
      form.append(plan.field, new Blob([bytes], { type: plan.image.mime }), plan.filename);
      const { status, statusText, body } = await sendForm(client, plan, form, options);
      return client.readResponse("store.personalization.uploadImage", status, statusText, body);
    },
  };

  return store;
}

// XMLHttpRequest where it exists (the only browser API with upload progress), else fetch.
async function sendForm(client, plan, form, { onProgress, signal }) {
  const headers = { ...plan.headers };
  const total = form.get(plan.field).size;
  if (typeof XMLHttpRequest === "function" && onProgress && !client.config.fetch) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(plan.method, plan.url);
      xhr.responseType = "arraybuffer";
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : total });
      // Small uploads may finish without a progress event: always report the end.
      xhr.upload.onload = () => onProgress({ loaded: total, total });
      xhr.onload = () => resolve({ status: xhr.status, statusText: xhr.statusText, body: new Uint8Array(xhr.response) });
      xhr.onerror = () => reject(transportError(plan, new Error("network error")));
      xhr.onabort = () => reject(new DOMException("The upload was aborted", "AbortError"));
      signal?.addEventListener("abort", () => xhr.abort(), { once: true });
      xhr.send(form);
    });
  }
  onProgress?.({ loaded: 0, total });
  let response;
  try {
    response = await client.fetchImpl(plan.url, { method: plan.method, headers, body: form, signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw transportError(plan, cause);
  }
  const body = new Uint8Array(await response.arrayBuffer());
  onProgress?.({ loaded: total, total });
  return { status: response.status, statusText: response.statusText, body };
}
