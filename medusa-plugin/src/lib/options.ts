// The plugin's options (medusa-config.ts: plugins: [{ resolve: "medusa-plugin-personalize",
// options }]), checked once at start-up: a typo must stop the server with a message that
// names the option, not silently fall back to a default.

export interface UploadOptions {
  /** Largest accepted image, in bytes (default 10 MiB, at most 100 MiB). */
  maxBytes: number
  /** File Module access of stored images (default "private": served by the plugin's route). */
  access: "public" | "private"
  /**
   * The public origin of this server for the URLs of uploaded images, e.g.
   * "https://shop.example.com" behind a proxy. Default: the request's own origin.
   */
  publicBaseUrl: string | null
  /**
   * Image references in line-item metadata must name an image the upload route stored,
   * with its real type, pixels and bytes (default true). Off: any URL is accepted and
   * its claimed size is trusted (images hosted elsewhere).
   */
  verifyReferences: boolean
}

export interface IdempotencyOptions {
  /** How long a stored answer is replayed for the same Idempotency-Key (default 24 h). */
  retentionHours: number
}

export interface PrintJobOptions {
  /**
   * The print service's webhook URL (http or https). Null (default): print jobs are
   * recorded and shown in the admin, and nothing is sent (a worker may poll instead).
   */
  url: string | null
  /**
   * The signing secret, "whsec_" + base64 of 24 to 64 random bytes (Standard Webhooks).
   * Required with `url`.
   */
  secret: string | null
  /** How long one delivery may take before it counts as failed (default 10 s). */
  timeoutSeconds: number
  /** Delay before the first retry, doubled on each failure up to maxDelaySeconds. */
  retry: { firstDelaySeconds: number; maxDelaySeconds: number }
  /** How often the scheduled delivery job looks for due jobs (default 60 s). */
  intervalSeconds: number
}

export interface PersonalizeOptions {
  /**
   * Register the cart and product workflow hooks (default true). Set false when the app
   * consumes those hooks itself (Medusa allows one handler per hook) and call
   * `assertLineItemsValid` / `assertProductSchemasCompile` from its own handlers.
   */
  hooks: boolean
  uploads: UploadOptions
  idempotency: IdempotencyOptions
  printJobs: PrintJobOptions
}

export const DEFAULT_OPTIONS: PersonalizeOptions = {
  hooks: true,
  uploads: { maxBytes: 10 * 1024 * 1024, access: "private", publicBaseUrl: null, verifyReferences: true },
  idempotency: { retentionHours: 24 },
  printJobs: {
    url: null,
    secret: null,
    timeoutSeconds: 10,
    retry: { firstDelaySeconds: 30, maxDelaySeconds: 3600 },
    intervalSeconds: 60,
  },
}

const MAX_UPLOAD_BYTES = 100 * 1024 * 1024
const PREFIX = "medusa-plugin-personalize: invalid options"

type Raw = Record<string, unknown>

const isRecord = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v)

function unknownKeys(value: Raw, allowed: string[], where: string, problems: string[]) {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) problems.push(`${where}${key}: unknown option (known: ${allowed.join(", ")})`)
  }
}

function section(raw: Raw, key: string, problems: string[]): Raw {
  const value = raw[key]
  if (value === undefined) return {}
  if (!isRecord(value)) {
    problems.push(`${key}: must be an object`)
    return {}
  }
  return value
}

/** The options with defaults filled in; throws an Error listing every problem. */
export function parseOptions(raw: unknown): PersonalizeOptions {
  const problems: string[] = []
  if (raw !== undefined && raw !== null && !isRecord(raw)) {
    throw new Error(`${PREFIX}: options must be an object`)
  }
  const options: Raw = (raw as Raw | null | undefined) ?? {}
  unknownKeys(options, ["hooks", "uploads", "idempotency", "printJobs"], "", problems)

  let hooks = DEFAULT_OPTIONS.hooks
  if (options.hooks !== undefined) {
    if (typeof options.hooks === "boolean") hooks = options.hooks
    else problems.push("hooks: must be true or false")
  }

  const uploads: UploadOptions = { ...DEFAULT_OPTIONS.uploads }
  const rawUploads = section(options, "uploads", problems)
  unknownKeys(rawUploads, ["maxBytes", "access", "publicBaseUrl", "verifyReferences"], "uploads.", problems)
  if (rawUploads.verifyReferences !== undefined) {
    if (typeof rawUploads.verifyReferences === "boolean") uploads.verifyReferences = rawUploads.verifyReferences
    else problems.push("uploads.verifyReferences: must be true or false")
  }
  if (rawUploads.maxBytes !== undefined) {
    const n = rawUploads.maxBytes
    if (typeof n === "number" && Number.isInteger(n) && n > 0 && n <= MAX_UPLOAD_BYTES) uploads.maxBytes = n
    else problems.push(`uploads.maxBytes: must be a whole number of bytes from 1 to ${MAX_UPLOAD_BYTES}`)
  }
  if (rawUploads.access !== undefined) {
    if (rawUploads.access === "public" || rawUploads.access === "private") uploads.access = rawUploads.access
    else problems.push('uploads.access: must be "public" or "private"')
  }
  if (rawUploads.publicBaseUrl !== undefined && rawUploads.publicBaseUrl !== null) {
    const url = rawUploads.publicBaseUrl
    let parsed: URL | null = null
    try {
      parsed = typeof url === "string" ? new URL(url) : null
    } catch {
      parsed = null
    }
    if (parsed && (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.search === "" && parsed.hash === "") {
      uploads.publicBaseUrl = String(url).replace(/\/+$/, "")
    } else {
      problems.push('uploads.publicBaseUrl: must be an http(s) URL without query or fragment, e.g. "https://shop.example.com"')
    }
  }

  const idempotency: IdempotencyOptions = { ...DEFAULT_OPTIONS.idempotency }
  const rawIdempotency = section(options, "idempotency", problems)
  unknownKeys(rawIdempotency, ["retentionHours"], "idempotency.", problems)
  if (rawIdempotency.retentionHours !== undefined) {
    const h = rawIdempotency.retentionHours
    if (typeof h === "number" && Number.isFinite(h) && h >= 1 && h <= 24 * 30) idempotency.retentionHours = h
    else problems.push("idempotency.retentionHours: must be a number of hours from 1 to 720")
  }

  const printJobs = parsePrintJobs(section(options, "printJobs", problems), problems)

  if (problems.length > 0) throw new Error(`${PREFIX}:\n  - ${problems.join("\n  - ")}`)
  return { hooks, uploads, idempotency, printJobs }
}

const wholeNumber = (raw: Raw, key: string, where: string, min: number, max: number, problems: string[], fallback: number) => {
  const n = raw[key]
  if (n === undefined) return fallback
  if (typeof n === "number" && Number.isInteger(n) && n >= min && n <= max) return n
  problems.push(`${where}${key}: must be a whole number from ${min} to ${max}`)
  return fallback
}

/** Standard Webhooks' secret form: "whsec_" + base64 of the key's bytes. */
export function secretBytes(secret: string): Buffer | null {
  const match = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(secret)
  if (!match) return null
  const bytes = Buffer.from(match[1], "base64")
  return bytes.length >= 24 && bytes.length <= 64 && bytes.toString("base64") === match[1] ? bytes : null
}

function parsePrintJobs(raw: Raw, problems: string[]): PrintJobOptions {
  const defaults = DEFAULT_OPTIONS.printJobs
  unknownKeys(raw, ["url", "secret", "timeoutSeconds", "retry", "intervalSeconds"], "printJobs.", problems)
  let url: string | null = null
  if (raw.url !== undefined && raw.url !== null) {
    let parsed: URL | null = null
    try {
      parsed = typeof raw.url === "string" ? new URL(raw.url) : null
    } catch {
      parsed = null
    }
    if (parsed && (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.hash === "") url = String(raw.url)
    else problems.push('printJobs.url: must be an http(s) URL, e.g. "https://print.example.com/hooks/medusa"')
  }
  let secret: string | null = null
  if (raw.secret !== undefined && raw.secret !== null) {
    if (typeof raw.secret === "string" && secretBytes(raw.secret)) secret = raw.secret
    else problems.push('printJobs.secret: must be "whsec_" followed by the base64 of 24 to 64 random bytes')
  }
  if (url !== null && secret === null && raw.secret === undefined) {
    problems.push("printJobs.secret: required with printJobs.url (the print service checks each webhook's signature)")
  }
  const timeoutSeconds = wholeNumber(raw, "timeoutSeconds", "printJobs.", 1, 120, problems, defaults.timeoutSeconds)
  const intervalSeconds = wholeNumber(raw, "intervalSeconds", "printJobs.", 1, 3600, problems, defaults.intervalSeconds)
  let retry = { ...defaults.retry }
  if (raw.retry !== undefined) {
    if (!isRecord(raw.retry)) problems.push("printJobs.retry: must be an object")
    else {
      unknownKeys(raw.retry, ["firstDelaySeconds", "maxDelaySeconds"], "printJobs.retry.", problems)
      const first = wholeNumber(raw.retry, "firstDelaySeconds", "printJobs.retry.", 1, 86400, problems, retry.firstDelaySeconds)
      const max = wholeNumber(raw.retry, "maxDelaySeconds", "printJobs.retry.", 1, 86400, problems, Math.max(retry.maxDelaySeconds, first))
      if (max < first) problems.push("printJobs.retry.maxDelaySeconds: must not be less than firstDelaySeconds")
      retry = { firstDelaySeconds: first, maxDelaySeconds: max }
    }
  }
  return { url, secret, timeoutSeconds, retry, intervalSeconds }
}

/** The plugin's own options among a module's (Medusa adds `database` to every module's). */
export function moduleOptions(options: unknown): unknown {
  if (!isRecord(options)) return options
  const { database: _database, ...own } = options
  return own
}
