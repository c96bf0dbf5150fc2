// The personalization engine: medusa-personalize's C++ core (WebAssembly), loaded once
// per Medusa process on first use, and the compiled schemas of the products it has seen.
//
// medusa-personalize is an ES module; this file compiles to CommonJS (Medusa loads every
// resource with require()). `import()` works from both tsc's output (kept as a real
// dynamic import) and swc's under plugin:develop (rewritten to require(), which Node
// 20.19+ allows for an ES module without top-level await, as this one is).
import type { PersonalizationSchema, loadPersonalization } from "medusa-personalize" with { "resolution-mode": "import" }

type Engine = Awaited<ReturnType<typeof loadPersonalization>>

let loading: Promise<Engine> | null = null

/** The engine of this process (compiled on the first call; a failed load is retried). */
export function engine(): Promise<Engine> {
  if (!loading) {
    loading = import("medusa-personalize")
      .then((m) => m.loadPersonalization())
      .catch((error) => {
        loading = null
        throw error
      })
  }
  return loading
}

export type Metadata = Record<string, unknown> | null | undefined

/** A variant as the checks read it (query.graph: id, metadata, product.id, product.metadata). */
export interface VariantWithProduct {
  id: string
  title?: string | null
  metadata?: Metadata
  product?: { id: string; title?: string | null; metadata?: Metadata } | null
}

/** What schemaOfVariant reads of a variant, as Query fields (prefix them for a nested variant). */
export const VARIANT_SCHEMA_FIELDS = ["id", "title", "metadata", "product.id", "product.title", "product.metadata"]

/** VARIANT_SCHEMA_FIELDS under `path`, e.g. "items.variant". */
export const variantSchemaFields = (path: string) => VARIANT_SCHEMA_FIELDS.map((f) => `${path}.${f}`)

/** A variant's schema: compiled, none (not personalized), or broken (does not compile). */
export type SchemaLookup =
  | { kind: "none" }
  | { kind: "schema"; schema: PersonalizationSchema }
  | { kind: "broken"; message: string; code: string; details: unknown }

const SCHEMA_KEYS = ["personalization", "personalization_extend"] as const
const MAX_CACHED = 256
// Keyed by the schema text itself, so an edited schema is a new entry and a stale one
// can never be used; the least recently used entries are dropped beyond MAX_CACHED.
const cache = new Map<string, SchemaLookup>()

function keyOf(variant: VariantWithProduct): string | null {
  const product = variant.product?.metadata ?? null
  const own = variant.metadata ?? null
  const parts = [product?.personalization ?? null, ...SCHEMA_KEYS.map((k) => own?.[k] ?? null)]
  if (parts.every((p) => p === null)) return null
  return JSON.stringify(parts)
}

/** The personalization schema in force for `variant` (product's, replaced or extended by the variant's). */
export async function schemaOfVariant(variant: VariantWithProduct): Promise<SchemaLookup> {
  const key = keyOf(variant)
  if (key === null) return { kind: "none" }
  const cached = cache.get(key)
  if (cached) {
    cache.delete(key) // most recently used last
    cache.set(key, cached)
    return cached
  }
  const personalization = await engine()
  const product = {
    id: variant.product?.id ?? "",
    metadata: variant.product?.metadata ?? null,
    variants: [{ id: variant.id, metadata: variant.metadata ?? null }],
  }
  let lookup: SchemaLookup
  try {
    // schemaFor caches per product object; this cache is keyed by content instead.
    const schema = personalization.schemaFor(product as never, variant.id)
    lookup = schema ? { kind: "schema", schema } : { kind: "none" }
  } catch (error) {
    const e = error as { message?: string; code?: string; details?: unknown }
    lookup = { kind: "broken", message: String(e.message ?? error), code: String(e.code ?? "schema.invalid"), details: e.details ?? null }
  }
  cache.set(key, lookup)
  if (cache.size > MAX_CACHED) {
    // Not disposed here: a request may still hold it. Its WebAssembly memory is released
    // when it is garbage-collected (the package's FinalizationRegistry).
    cache.delete(cache.keys().next().value as string)
  }
  return lookup
}
