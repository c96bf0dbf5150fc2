// The raw WebAssembly functions (bindings/medusa_personalize_wasm.cpp) behind
// JavaScript-shaped methods: JSON text in and out, '!' results thrown as typed errors,
// byte arrays copied into the module's heap and freed again.
import { errorFromCore } from "./errors.js";
import { toJsonText } from "./json.js";

const BANG = 33; // '!': the core's error marker
const UNKNOWN_SCHEMA = '"unknown"'; // schemaForProduct: the product was sent without metadata
const textDecoder = new TextDecoder();
const textEncoder = new TextEncoder();
const SCRATCH_BYTES = 16384; // values texts up to 5,461 UTF-16 units reuse one heap buffer

// "<head JSON>\n<body>" -> { exchange, cartId, method, url, step, body }.
function requestOf(text) {
  const newline = text.indexOf("\n");
  const head = JSON.parse(text.slice(0, newline));
  head.body = head.hasBody ? text.slice(newline + 1) : undefined;
  return head;
}

// `text` as UTF-8 at heap[at..at+room): a plain loop for short ASCII text (most form
// values), where it costs less than the call into TextEncoder.encodeInto.
function writeUtf8(text, heap, at, room) {
  if (text.length <= 256) {
    let i = 0;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) break;
      heap[at + i] = c;
    }
    if (i === text.length) return i;
  }
  return textEncoder.encodeInto(text, heap.subarray(at, at + room)).written;
}

const kindOf = (v) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

// The top level of a parsed body for checkOutline: the root's kind, then per member
// "kind<TAB>key<TAB>raw scalar", keys and scalars JSON-escaped (no bare tabs/newlines).
function outlineOf(value) {
  const root = kindOf(value);
  if (root !== "object") return root;
  let text = root;
  for (const key of Object.keys(value)) {
    const member = value[key];
    const kind = kindOf(member);
    const raw = kind === "object" || kind === "array" ? "" : JSON.stringify(member);
    text += `\n${kind}\t${JSON.stringify(key).slice(1, -1)}\t${raw}`;
  }
  return text;
}

export class Core {
  constructor(module) {
    this.module = module;
  }

  /** Returns `text` or throws the error it carries. */
  checked(text, context) {
    if (text.charCodeAt(0) === BANG) throw errorFromCore(JSON.parse(text.slice(1)), context);
    return text;
  }

  json(text) {
    return JSON.parse(this.checked(text));
  }

  /** Runs fn(pointer, length) with `bytes` copied into the heap. */
  withBytes(bytes, fn) {
    const m = this.module;
    const pointer = m._malloc(bytes.length || 1);
    try {
      m.HEAPU8.set(bytes, pointer); // read HEAPU8 after malloc: the heap may have grown
      return fn(pointer, bytes.length);
    } finally {
      m._free(pointer);
    }
  }

  /** The new schema's id. */
  compileSchema(document) {
    return this.json(this.module.compileSchema(toJsonText(document, "schema")));
  }

  /**
   * The new schema's id; null when the product is not personalized; undefined when the
   * product was sent without its metadata, so that nobody can tell.
   */
  schemaForProduct(product, variantId) {
    const text = this.module.schemaForProduct(toJsonText(product, "product"), variantId ?? "");
    if (text === UNKNOWN_SCHEMA) return undefined;
    return this.json(text);
  }

  /** { fingerprint, document, fields } of a compiled schema. */
  schemaDescription(id) {
    return this.json(this.module.schemaDescription(id));
  }

  releaseSchema(id) {
    return this.module.releaseSchema(id);
  }

  liveSchemas() {
    return this.module.liveSchemas();
  }

  /** The report on `values`: plain JSON Schema validation, or the verdict on form values. */
  validate(id, values, plain = false) {
    const m = this.module;
    const text = toJsonText(values, "values");
    // UTF-8 needs at most 3 bytes per UTF-16 code unit. Texts that fit reuse one buffer
    // (a form validates on every keystroke); larger ones get their own.
    const capacity = text.length * 3;
    const reuse = capacity <= SCRATCH_BYTES;
    if (reuse && !this.scratch) this.scratch = m._malloc(SCRATCH_BYTES);
    const buffer = reuse ? this.scratch : m._malloc(capacity || 1);
    try {
      const written = writeUtf8(text, m.HEAPU8, buffer, reuse ? SCRATCH_BYTES : capacity);
      const view = m.validateInPlace(id, buffer, written, plain) >>> 2; // {data, size}
      const data = m.HEAPU32[view];
      return this.json(textDecoder.decode(m.HEAPU8.subarray(data, data + m.HEAPU32[view + 1])));
    } finally {
      if (!reuse) m._free(buffer);
    }
  }

  normalize(id, values) {
    return this.json(this.module.normalize(id, toJsonText(values, "values")));
  }

  fieldLength(id, field, value) {
    return this.json(this.module.fieldLength(id, String(field), typeof value === "string" ? value : ""));
  }

  buildMetadata(id, values, stamp) {
    return this.json(this.module.buildMetadata(id, toJsonText(values, "values"), stamp));
  }

  validateLineItemMetadata(id, metadata) {
    return this.json(this.module.validateLineItemMetadata(id, toJsonText(metadata, "metadata")));
  }

  describe(item, schemaId) {
    return this.json(this.module.describe(toJsonText(item, "item"), schemaId));
  }

  readImage(bytes) {
    return this.withBytes(bytes, (p, n) => this.json(this.module.readImage(p, n)));
  }

  checkImage(id, field, bytes) {
    return this.withBytes(bytes, (p, n) => this.json(this.module.checkImage(id, field, p, n)));
  }

  /**
   * The request of call `name` and its exchange (the core's retry state machine):
   * `{ exchange, cartId, method, url, body, step }`, `step` the first thing to do.
   * `keySupport`: the server honours Idempotency-Key; `key`: a fresh random key.
   */
  planCall(configText, name, args, schemaId, keySupport, key) {
    return requestOf(this.checked(this.module.planCall(configText, name, toJsonText(args, "arguments"), schemaId, keySupport, key)));
  }

  /** A request to any path (client.fetch): same shape as planCall. */
  planRequest(configText, method, path, query, headers, body, keySupport, key) {
    const bodyText = body === undefined || body === null ? "" : toJsonText(body, "body");
    return requestOf(
      this.checked(
        this.module.planRequest(
          configText, method, path, toJsonText(query ?? {}, "query"), toJsonText(headers ?? {}, "headers"), bodyText, keySupport, key,
        ),
      ),
    );
  }

  // The exchange's next step after each event (see medusa/api/exchange.hpp).
  exchangeResponse(id, status, retryAfter) {
    return this.json(this.module.exchangeResponse(id, status, retryAfter ?? ""));
  }

  exchangeTransportError(id, sent) {
    return this.json(this.module.exchangeTransportError(id, sent));
  }

  exchangeResumed(id) {
    return this.json(this.module.exchangeResumed(id));
  }

  /** The cart read's status and bytes, and the bytes of the cart known before the call (or undefined). */
  exchangeCartRead(id, status, bytes, known) {
    return this.withBytes(bytes, (p, n) =>
      known
        ? this.withBytes(known, (kp, kn) => this.json(this.module.exchangeCartRead(id, status, p, n, kp, kn)))
        : this.json(this.module.exchangeCartRead(id, status, p, n, 0, 0)),
    );
  }

  exchangeCartReadFailed(id) {
    return this.json(this.module.exchangeCartReadFailed(id));
  }

  /** Forgets an exchange that will not be driven to its end (an aborted call). */
  exchangeDrop(id) {
    this.module.exchangeDrop(id);
  }

  liveExchanges() {
    return this.module.liveExchanges();
  }

  planUpload(configText, filename, bytes, headers, maxBytes) {
    return this.withBytes(bytes, (p, n) =>
      this.json(this.module.planUpload(configText, filename, p, n, toJsonText(headers ?? {}, "headers"), maxBytes ?? 0)),
    );
  }

  /** Throws the typed error of a response whose status is outside 2xx (read from its body). */
  throwResponseError(status, statusText, bytes) {
    this.withBytes(bytes, (p, n) => this.checked(this.module.responseError(status, p, n), { status, statusText }));
  }

  /** Throws the typed error when the parsed body `value` does not fit call `name`. */
  checkOutline(name, value) {
    this.checked(this.module.checkOutline(name, outlineOf(value)));
  }

  /** { max_bytes, max_depth } of a response body. */
  responseLimits() {
    return JSON.parse(this.module.responseLimits());
  }

  callNames() {
    return JSON.parse(this.module.callNames());
  }
}
