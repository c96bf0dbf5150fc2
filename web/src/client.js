// The HTTP client: asks the core for each request, moves the bytes with `fetch`, asks
// the core whether the answer is what the call returns, and only then JSON.parses it.
import { FetchError, MedusaPersonalizeError } from "./errors.js";

const TOKEN_KEY = "medusa_auth_token";
const KEY_SUPPORT_HEADER = "idempotency-key-support";
// Carts whose last `{ cart }` answer is kept: what a lost add's read-back is compared with.
const KNOWN_CARTS = 16;

/** A fresh Idempotency-Key: 128 random bits. */
function newIdempotencyKey() {
  if (typeof crypto?.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
const strictDecoder = new TextDecoder("utf-8", { fatal: true });

// True when no array or object in `root` is nested deeper than `max` levels (iterative:
// a hostile body must not overflow the stack here either).
function depthWithin(root, max) {
  if (root === null || typeof root !== "object") return true;
  const values = [root];
  const depths = [1];
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop();
    if (depth > max) return false;
    const children = Array.isArray(value) ? value : Object.values(value);
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child !== null && typeof child === "object") {
        values.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return true;
}

function hasStorage(name) {
  try {
    const storage = typeof window === "object" ? window[name] : undefined;
    return Boolean(storage && typeof storage.getItem === "function");
  } catch {
    return false;
  }
}

export class Client {
  constructor(core, config) {
    if (!config || typeof config !== "object") {
      throw new MedusaPersonalizeError("config must be an object with a baseUrl", { kind: "invalid_argument", code: "config.type" });
    }
    if (typeof config.baseUrl !== "string") {
      throw new MedusaPersonalizeError("config.baseUrl must be a string, e.g. \"http://localhost:9000\"", {
        kind: "invalid_argument",
        code: "config.base_url",
      });
    }
    this.core = core;
    let baseUrl = config.baseUrl;
    if ((baseUrl === "" || baseUrl === "/") && typeof window === "object" && window.location) baseUrl = window.location.origin;
    this.config = { ...config, baseUrl };
    const fetchImpl = config.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== "function") {
      throw new MedusaPersonalizeError("no fetch: pass config.fetch", { kind: "invalid_argument", code: "config.fetch" });
    }
    // Called unbound: window.fetch throws "Illegal invocation" as a method of another object.
    this.fetchImpl = (...args) => fetchImpl(...args);
    this.chosenStorageMethod = config.auth?.jwtTokenStorageMethod;
    this.storageKey = config.auth?.jwtTokenStorageKey ?? TOKEN_KEY;
    this.memoryToken = "";
    // The policy is the core's (medusa/api/exchange.hpp), shared with the C++ client;
    // these are its settings. `attempts` counts retries after the first send.
    const retry = config.retry ?? {};
    this.retry = {
      maxAttempts: 1 + (retry.attempts ?? 2),
      initialBackoffMs: retry.delayMs ?? 200,
      multiplier: 2,
      maxBackoffMs: retry.maxDelayMs ?? 2000,
      verifyLineItemAdds: retry.verifyLineItemAdds ?? true,
    };
    this.knownCarts = new Map(); // cart id -> bytes of its last `{ cart }` answer
    this.logger = config.logger ?? console;
    /** Set once a response says the server honours Idempotency-Key (medusa-plugin-personalize). */
    this.idempotencySupported = false;
    this.configTextCache = null;
    this.configTextToken = null;
  }

  /**
   * The resources of one area ("store", "admin", "auth") built from the core's call
   * table, the one description of every call: `store.cart.create` becomes
   * `resources.cart.create(...args)`, sending that call. (Calls of two segments, such as
   * `auth.login`, are methods of the area itself.)
   */
  resources(area) {
    const out = {};
    for (const name of this.core.callNames()) {
      const [first, ...rest] = name.split(".");
      if (first !== area) continue;
      const send = (...args) => this.request(name, args);
      if (rest.length === 1) out[rest[0]] = send;
      else (out[rest[0]] ??= {})[rest[1]] = send;
    }
    return out;
  }

  /** Stores a JWT sent as `Authorization: Bearer` on later requests. */
  async setToken(token) {
    this.writeToken(token);
  }

  /** The stored JWT, or "" when there is none. */
  async getToken() {
    return this.readToken();
  }

  /** Forgets the stored JWT. */
  async clearToken() {
    this.writeToken("");
  }

  /** Where the JWT is kept. Probed on first use: opening window.localStorage costs about a
   * millisecond, which a page that only validates need not pay at start-up. */
  get storageMethod() {
    this.chosenStorageMethod ??= hasStorage("localStorage") ? "local" : "memory";
    return this.chosenStorageMethod;
  }

  readToken() {
    switch (this.storageMethod) {
      case "local":
        return window.localStorage.getItem(this.storageKey) ?? "";
      case "session":
        return window.sessionStorage.getItem(this.storageKey) ?? "";
      case "nostore":
        return "";
      default:
        return this.memoryToken;
    }
  }

  writeToken(token) {
    const storage =
      this.storageMethod === "local" ? window.localStorage : this.storageMethod === "session" ? window.sessionStorage : null;
    if (storage) {
      if (token) storage.setItem(this.storageKey, token);
      else storage.removeItem(this.storageKey);
    } else if (this.storageMethod === "memory") {
      this.memoryToken = token;
    }
  }

  // The configuration as the core reads it; rebuilt only when the token changes.
  configText() {
    const token = this.config.auth?.type === "session" ? "" : this.readToken();
    if (this.configTextToken !== token) {
      const c = this.config;
      this.configTextToken = token;
      this.configTextCache = JSON.stringify({
        baseUrl: c.baseUrl,
        publishableKey: c.publishableKey ?? "",
        apiKey: c.apiKey ?? "",
        token,
        globalHeaders: c.globalHeaders ?? {},
        retry: this.retry,
      });
    }
    return this.configTextCache;
  }

  /** Sends call `name` (e.g. "store.cart.createLineItem") with its arguments. */
  request(name, args, { schemaId = 0, signal } = {}) {
    let plan;
    try {
      plan = this.core.planCall(this.configText(), name, args, schemaId, this.idempotencySupported, newIdempotencyKey());
    } catch (error) {
      return Promise.reject(error);
    }
    return this.send(name, plan, signal);
  }

  /**
   * Medusa's `sdk.client.fetch` for custom routes: `init` is `{ method, body, query,
   * headers }`; the body is sent as JSON and the JSON answer returned.
   */
  fetch(input, init = {}) {
    let plan;
    try {
      const path = String(input);
      plan = this.core.planRequest(
        this.configText(), (init.method ?? "GET").toUpperCase(), path, init.query, init.headers, init.body,
        this.idempotencySupported, newIdempotencyKey(),
      );
    } catch (error) {
      return Promise.reject(error);
    }
    return this.send("client.fetch", plan, init.signal);
  }

  /**
   * A multipart POST (FormData) to `path` with the headers the core builds for it (its
   * key and authorization), sent once, its answer read as call `name`.
   */
  async sendForm(name, path, form, query, headers) {
    const plan = this.core.planRequest(this.configText(), "POST", path, query, headers, undefined, false, "");
    this.core.exchangeDrop(plan.exchange); // a form is sent once: no exchange to drive
    const { method, url, headers: planned } = plan.step.request;
    const sent = Object.fromEntries(Object.entries(planned).filter(([k]) => k.toLowerCase() !== "content-type"));
    let response;
    try {
      response = await this.fetchImpl(url, { method, headers: sent, body: form, credentials: this.config.auth?.type === "session" ? "include" : "omit" });
    } catch (cause) {
      throw transportError({ method, url }, cause);
    }
    return this.readResponse(name, response.status, response.statusText, new Uint8Array(await response.arrayBuffer()));
  }

  /**
   * Drives the call's exchange, the core's retry state machine: it says what to send,
   * how long to wait, when to read the cart back, and what the outcome is; this moves
   * the bytes. The C++ client drives the same machine, so both retry alike.
   */
  async send(name, plan, signal) {
    const core = this.core;
    const id = plan.exchange;
    // The cart as this client saw it before the call: a lost add's baseline.
    const known = plan.cartId ? this.knownCarts.get(plan.cartId) : undefined;
    let answer, failure, read;
    try {
      for (let step = plan.step; ; ) {
        switch (step.do) {
          case "send":
            answer = failure = undefined;
            try {
              answer = await this.attempt(step, plan.body, signal);
              step = core.exchangeResponse(id, answer.status, answer.retryAfter);
            } catch (error) {
              if (signal?.aborted) throw error;
              failure = error;
              step = core.exchangeTransportError(id, true);
            }
            break;
          case "wait":
            await this.pause(step.delayMs, signal);
            step = core.exchangeResumed(id);
            break;
          case "read_cart":
            try {
              read = await this.attempt(step, undefined, signal);
              step = core.exchangeCartRead(id, read.status, read.bytes, known);
            } catch (error) {
              if (signal?.aborted) throw error;
              step = core.exchangeCartReadFailed(id);
            }
            break;
          case "answer":
            if (plan.emptyAnswer && answer.status >= 200 && answer.status <= 299) return undefined;
            return this.readResponse(name, answer.status, answer.statusText, answer.bytes);
          case "answer_cart": // the add landed: the cart read back is its answer
            return this.readResponse(name, read.status, read.statusText, read.bytes);
          case "fail_transport":
            throw failure;
          default: // "fail": the outcome cannot be known
            throw new FetchError(step.error.message, "", 0, { kind: "transport", code: step.error.code, details: step.error.details, cause: failure });
        }
      }
    } finally {
      core.exchangeDrop(id); // no-op once the exchange reached its last step
    }
  }

  /** One request: { status, statusText, retryAfter, bytes }; no answer throws. */
  async attempt(step, body, signal) {
    const { method, url, headers } = step.request;
    if (this.config.debug) this.logger.debug?.(`medusa-personalize: ${step.log}`);
    const init = { method, headers, body, credentials: this.config.auth?.type === "session" ? "include" : "omit", signal };
    try {
      // The body is part of the answer: a connection lost while reading it is the same
      // transport failure as one lost before the headers.
      const response = await this.fetchImpl(url, init);
      if (response.headers?.get?.(KEY_SUPPORT_HEADER)) this.idempotencySupported = true;
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { status: response.status, statusText: response.statusText, retryAfter: response.headers?.get?.("retry-after") ?? "", bytes };
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw transportError({ method, url }, cause);
    }
  }

  /**
   * The object a response of call `name` carries. A 2xx body is read once, by the
   * engine: size, UTF-8 (a fatal decoder), syntax (JSON.parse) and nesting depth are
   * checked here against the core's limits, then the core checks the top level against
   * the call's envelope from a few bytes of outline. Any other status goes to the core
   * whole, which reads Medusa's error body.
   */
  readResponse(name, status, statusText, bytes) {
    if (status < 200 || status > 299) {
      this.core.throwResponseError(status, statusText, bytes);
      // Unreachable: the core reads every non-2xx answer into its typed error.
      throw new MedusaPersonalizeError(`unexpected status ${status}`, { kind: "http", code: status >= 500 ? "http.server_error" : "http.client_error" });
    }
    this.limits ??= this.core.responseLimits();
    const invalid = (code, message) =>
      new MedusaPersonalizeError(`response body is not valid JSON: ${message}`, { kind: "invalid_response", code: `response.${code}` });
    if (bytes.length > this.limits.max_bytes) {
      throw invalid("too_large", `JSON text of ${bytes.length} bytes exceeds the limit of ${this.limits.max_bytes} bytes`);
    }
    let value;
    try {
      value = JSON.parse(strictDecoder.decode(bytes));
    } catch (error) {
      throw error instanceof SyntaxError ? invalid("syntax", error.message) : invalid("invalid_utf8", "invalid UTF-8");
    }
    if (!depthWithin(value, this.limits.max_depth)) {
      throw invalid("too_deep", `JSON nesting exceeds the limit of ${this.limits.max_depth} levels`);
    }
    this.core.checkOutline(name, value);
    if (typeof value?.cart?.id === "string") this.rememberCart(value.cart.id, bytes);
    return value;
  }

  rememberCart(id, bytes) {
    this.knownCarts.delete(id);
    this.knownCarts.set(id, bytes);
    if (this.knownCarts.size > KNOWN_CARTS) this.knownCarts.delete(this.knownCarts.keys().next().value);
  }

  pause(ms, signal) {
    return new Promise((resolve, reject) => {
      const aborted = () => {
        clearTimeout(timer);
        reject(signal.reason ?? new DOMException("The call was aborted", "AbortError"));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", aborted);
        resolve();
      }, ms);
      signal?.addEventListener("abort", aborted, { once: true });
    });
  }
}

/** No answer at all: Medusa's FetchError shape with status 0. */
export function transportError(plan, cause) {
  return new FetchError(`${plan.method} ${plan.url} failed: ${cause?.message ?? cause}`, "", 0, {
    kind: "transport",
    code: "transport.failed",
    cause,
  });
}
