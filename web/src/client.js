// The HTTP client: asks the core for each request, moves the bytes with `fetch`, asks
// the core whether the answer is what the call returns, and only then JSON.parses it.
import { FetchError, MedusaPersonalizeError } from "./errors.js";

const TOKEN_KEY = "medusa_auth_token";
const RETRY_STATUSES = new Set([502, 503, 504]);
// A request with an Idempotency-Key is also retried while the server still runs the
// first one (409), and only against servers that say they honour keys (the plugin does).
const KEYED_RETRY_STATUSES = new Set([409, 502, 503, 504]);
const KEY_SUPPORT_HEADER = "idempotency-key-support";

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

function redact(headers) {
  const out = { ...headers };
  for (const name of Object.keys(out)) if (name.toLowerCase() === "authorization") out[name] = "<REDACTED>";
  return out;
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
    this.retry = {
      attempts: config.retry?.attempts ?? 2,
      delayMs: config.retry?.delayMs ?? 250,
      verifyLineItemAdds: config.retry?.verifyLineItemAdds ?? true,
    };
    this.logger = config.logger ?? console;
    /** Set once a response says the server honours Idempotency-Key (medusa-plugin-personalize). */
    this.idempotencySupported = false;
    this.configTextCache = null;
    this.configTextToken = null;
  }

  /** An object whose methods send the named calls: { list: "store.region.list", ... }. */
  calls(names) {
    const resource = {};
    for (const [method, name] of Object.entries(names)) resource[method] = (...args) => this.request(name, args);
    return resource;
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
      });
    }
    return this.configTextCache;
  }

  /** Sends call `name` (e.g. "store.cart.createLineItem") with its arguments. */
  request(name, args, { schemaId = 0, signal } = {}) {
    let plan;
    try {
      plan = this.core.planCall(this.configText(), name, args, schemaId);
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
      plan = this.core.planRequest(this.configText(), (init.method ?? "GET").toUpperCase(), path, init.query, init.headers, init.body);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.send("client.fetch", plan, init.signal);
  }

  async send(name, plan, signal) {
    if (plan.verifyAdd && this.retry.verifyLineItemAdds) {
      return this.idempotencySupported ? this.sendKeyedAdd(name, plan, signal) : this.sendVerifiedAdd(name, plan, signal);
    }
    const answer = await this.exchange(plan, signal);
    return this.readResponse(name, answer.status, answer.statusText, answer.bytes);
  }

  /** One request: { status, statusText, bytes }, idempotent ones retried; no answer throws. */
  async exchange(plan, signal, retryStatuses = RETRY_STATUSES) {
    for (let attempt = 0; ; attempt++) {
      let answer;
      try {
        answer = await this.attempt(plan, signal);
      } catch (error) {
        if (signal?.aborted || !plan.idempotent || attempt >= this.retry.attempts) throw error;
        await this.pause(attempt);
        continue;
      }
      if (plan.idempotent && retryStatuses.has(answer.status) && attempt < this.retry.attempts) {
        await this.pause(attempt);
        continue;
      }
      return answer;
    }
  }

  async attempt(plan, signal) {
    if (this.config.debug) this.logger.debug?.(`medusa-personalize: ${plan.method} ${plan.url}`, redact(plan.headers));
    const init = {
      method: plan.method,
      headers: plan.headers,
      body: plan.body,
      credentials: this.config.auth?.type === "session" ? "include" : "omit",
      signal,
    };
    try {
      // The body is part of the answer: a connection lost while reading it is the same
      // transport failure as one lost before the headers.
      const response = await this.fetchImpl(plan.url, init);
      if (response.headers?.get?.(KEY_SUPPORT_HEADER)) this.idempotencySupported = true;
      return { status: response.status, statusText: response.statusText, bytes: new Uint8Array(await response.arrayBuffer()) };
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw transportError(plan, cause);
    }
  }

  /**
   * A line-item add to a server that honours Idempotency-Key: sent with a fresh key and
   * retried with the same one like any idempotent call (the server answers a retry with
   * the first answer instead of adding again). One request on the happy path.
   */
  async sendKeyedAdd(name, plan, signal) {
    const keyed = { ...plan, idempotent: true, headers: { ...plan.headers, "Idempotency-Key": newIdempotencyKey() } };
    const answer = await this.exchange(keyed, signal, KEYED_RETRY_STATUSES);
    return this.readResponse(name, answer.status, answer.statusText, answer.bytes);
  }

  /**
   * A line-item add, safe to retry although Medusa has no idempotency keys: the cart is
   * read before the add; when the add gets no answer (or a 502/503/504), the cart is read
   * again and the core decides whether the add landed (return that cart), did not (send
   * it again) or cannot be known (another request changed the line: throw).
   */
  async sendVerifiedAdd(name, plan, signal) {
    const read = { method: "GET", url: plan.verifyAdd.url, headers: plan.verifyAdd.headers, idempotent: true };
    const readCart = async (before) => {
      try {
        const answer = await this.exchange(read, signal);
        if (answer.status < 200 || answer.status > 299) return undefined;
        return { answer, ...this.core.lineItemAddState(plan.verifyAdd.target, plan.body, before, answer.bytes) };
      } catch (error) {
        if (signal?.aborted) throw error;
        return undefined;
      }
    };
    const baseline = await readCart(-1);
    for (let attempt = 0; ; attempt++) {
      let answer, failure;
      try {
        answer = await this.attempt(plan, signal);
      } catch (error) {
        if (signal?.aborted) throw error;
        failure = error;
      }
      const ambiguous = failure !== undefined || RETRY_STATUSES.has(answer.status);
      const giveUp = () => {
        if (failure) throw failure;
        return this.readResponse(name, answer.status, answer.statusText, answer.bytes);
      };
      if (!ambiguous || !baseline) return giveUp();
      // Checked after the last attempt too: an add that landed is never reported failed.
      const now = await readCart(baseline.quantity);
      if (!now) return giveUp();
      if (now.outcome === "landed") return this.readResponse(name, now.answer.status, now.answer.statusText, now.answer.bytes);
      if (now.outcome === "changed_elsewhere") {
        throw new FetchError(now.error.message, "", 0, { kind: "transport", code: now.error.code, details: now.error.details, cause: failure });
      }
      if (attempt >= this.retry.attempts) return giveUp();
      await this.pause(attempt);
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
      throw new MedusaPersonalizeError(`unexpected status ${status}`, { kind: "http", code: "http.status" });
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
    return value;
  }

  pause(attempt) {
    return new Promise((resolve) => setTimeout(resolve, this.retry.delayMs * 2 ** attempt));
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
