// The errors the SDK throws. All are `Error` subclasses with stable fields; `code` is
// API (machine-readable, never reworded), `message` is for people.

/**
 * Base class of every error thrown by medusa-personalize.
 * `kind` is the broad family ("invalid_argument", "invalid_json", "validation",
 * "http", "transport", "invalid_response", "request_too_large", ...).
 */
export class MedusaPersonalizeError extends Error {
  constructor(message, { kind, code, path = "", details = null, cause } = {}) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = new.target.name;
    this.kind = kind;
    this.code = code;
    this.path = path;
    this.details = details;
  }
}

/**
 * A request that got no usable answer: a non-2xx response (Medusa's `FetchError`
 * fields `message`, `status`, `statusText`, plus Medusa's error `type` and `code`),
 * or no response at all (`status` 0, `kind` "transport").
 */
export class FetchError extends MedusaPersonalizeError {
  constructor(message, statusText, status, { type = null, code, kind = "http", details = null, cause } = {}) {
    super(message, { kind, code, details, cause });
    this.statusText = statusText;
    this.status = status;
    this.type = type;
    /** Medusa's own `code` field of the error body (e.g. "invalid_request_error"). */
    this.medusaCode = details?.code ?? null;
  }
}

/**
 * Personalization values that do not satisfy the product's schema. `issues` lists
 * every problem: `{ instance_path, schema_path, code, message, params }`.
 */
export class PersonalizationValidationError extends MedusaPersonalizeError {
  constructor(message, issues, options = {}) {
    super(message, { kind: "validation", code: "personalization.invalid", ...options, details: issues });
    this.issues = issues;
  }
}

// Turns the core's error JSON into the matching class.
export function errorFromCore(e, { status, statusText } = {}) {
  if (e.kind === "validation") {
    return new PersonalizationValidationError(e.message, Array.isArray(e.details) ? e.details : [], { path: e.path });
  }
  if (e.kind === "http") {
    const d = e.details ?? {};
    return new FetchError(e.message, statusText || d.statusText || "", status ?? d.status, {
      type: d.type ?? null,
      code: e.code,
      details: d,
    });
  }
  return new MedusaPersonalizeError(e.message, { kind: e.kind, code: e.code, path: e.path, details: e.details });
}
