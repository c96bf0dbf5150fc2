// Personalization schemas where staff save them: a product's or variant's metadata whose
// schema does not compile is refused with the compiler's error, before it can break
// every add to cart of that product.
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { schemaOfVariant, type Metadata } from "./engine"

/** A schema that does not compile: where it is, and the compiler's error. */
export interface BrokenSchema {
  /** "product prod_… metadata.personalization", "variant variant_… metadata", … */
  where: string
  message: string
  code: string
  details: unknown
}

interface ProductLike {
  id?: string
  metadata?: Metadata
  variants?: { id?: string; metadata?: Metadata }[] | null
}

const hasSchemaKeys = (m: Metadata) =>
  !!m && typeof m === "object" && (m.personalization != null || m.personalization_extend != null)

/**
 * The first schema of `product` (its own, then each variant's effective one) that does
 * not compile, or null. The product need not be stored yet: a request body works.
 */
export async function brokenSchemaOf(product: ProductLike): Promise<BrokenSchema | null> {
  const owner = { id: product.id ?? "", metadata: product.metadata ?? null }
  const variants = (product.variants ?? []).filter((v) => v && hasSchemaKeys(v.metadata))
  const candidates = [
    ...(hasSchemaKeys(product.metadata) ? [{ id: "", metadata: null, where: `product ${owner.id || "(new)"} metadata.personalization` }] : []),
    ...variants.map((v, i) => ({ id: v.id || `new-${i}`, metadata: v.metadata ?? null, where: `variant ${v.id || `#${i + 1} (new)`} metadata` })),
  ]
  for (const candidate of candidates) {
    const lookup = await schemaOfVariant({ id: candidate.id, metadata: candidate.metadata, product: owner })
    if (lookup.kind === "broken") return { where: candidate.where, message: lookup.message, code: lookup.code, details: lookup.details }
  }
  return null
}

/** The message of a refused schema, the same from the middleware and the hooks. */
export function brokenSchemaMessage(broken: BrokenSchema): string {
  return `Invalid personalization schema in ${broken.where}: ${broken.message}`
}

/** Stored products (with their variants), as the hooks re-read them after a save. */
async function storedProducts(container: MedusaContainer, productIds: string[]): Promise<ProductLike[]> {
  if (productIds.length === 0) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "metadata", "variants.id", "variants.metadata"],
    filters: { id: productIds },
  })
  return data as ProductLike[]
}

/**
 * Throws a MedusaError (400 invalid_data) when a stored product's schema, or one of its
 * variants' effective schemas, does not compile. The plugin calls it from the product
 * workflows' hooks, so the workflow is rolled back; call it from your own handlers when
 * the plugin's hooks are off.
 */
export async function assertProductSchemasCompile(container: MedusaContainer, productIds: string[]): Promise<void> {
  for (const product of await storedProducts(container, [...new Set(productIds)])) {
    const broken = await brokenSchemaOf(product)
    if (broken) throw new MedusaError(MedusaError.Types.INVALID_DATA, brokenSchemaMessage(broken))
  }
}
