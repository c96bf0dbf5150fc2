// The personalization check of cart line items, shared by the Store route middlewares
// (which answer with every issue) and the workflow hooks (the backstop for every other
// caller). Exported from "medusa-plugin-personalize/workflows" for apps that consume
// the same hooks themselves.
import { ContainerRegistrationKeys, MedusaError, mergeMetadata } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { schemaOfVariant, VARIANT_SCHEMA_FIELDS, type Metadata, type VariantWithProduct } from "./engine"
import { imageReferenceIssues } from "./image-references"

/** One line item as the check reads it. `id` names it in messages when it exists. */
export interface LineItemInput {
  id?: string | null
  variant_id?: string | null
  metadata?: Metadata
}

/** One problem, as the core reports it: `{ instance_path, schema_path, code, message, params }`. */
export interface PersonalizationIssue {
  instance_path: string
  schema_path: string
  code: string
  message: string
  params: Record<string, unknown>
}

/** Why a set of line items is refused, shaped as the HTTP answer. */
export interface Refusal {
  status: 400 | 500
  type: "invalid_data" | "unexpected_state"
  message: string
  /** Every issue of the first refused item. */
  issues: PersonalizationIssue[]
  variant_id: string
  line_item_id: string | null
}

/**
 * Where the check runs, for the wording of its message: "add" and "update" check one
 * item, "create" a new cart's items, "complete" the lines of a cart at checkout (where a
 * stale schema stamp is named as "personalized against an earlier version").
 */
export type CheckContext = "add" | "update" | "create" | "complete"

async function variantsById(container: MedusaContainer, ids: string[]): Promise<Map<string, VariantWithProduct>> {
  const byId = new Map<string, VariantWithProduct>()
  if (ids.length === 0) return byId
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: VARIANT_SCHEMA_FIELDS, filters: { id: ids } })
  for (const variant of data as VariantWithProduct[]) byId.set(variant.id, variant)
  return byId
}

function firstIssueText(issues: PersonalizationIssue[]): string {
  const first = issues[0]
  // "path: message": the message may be the schema's own wording (x-messages), a sentence of its own.
  return `${first.instance_path === "" ? "value" : first.instance_path}: ${first.message}`
}

function refusalMessage(context: CheckContext, item: LineItemInput, index: number, count: number, variant: VariantWithProduct, issues: PersonalizationIssue[]): string {
  const product = variant.product?.title ? ` (${variant.product.title})` : ""
  if (context === "complete") {
    if (issues[0].code === "schema_mismatch") {
      return `Line item ${item.id}${product} was personalized against an earlier version of its product's personalization schema: update its personalization, then complete the cart again`
    }
    return `Line item ${item.id}${product} has an invalid personalization: ${firstIssueText(issues)}`
  }
  // The single-item answer is word for word the mock backend's, so the SDK's typed
  // error is the same against both.
  const which = count > 1 ? ` of item ${index + 1} (variant ${variant.id})` : ""
  return `Invalid personalization${which}: ${firstIssueText(issues)}`
}

/**
 * The metadata a line-item update will store: Medusa's shallow merge, where "" deletes a
 * key (no metadata in the update: the stored one). Check this, not the update alone.
 */
export function metadataAfterUpdate(stored: Metadata, update: Metadata | undefined): Metadata {
  return update === undefined ? stored : mergeMetadata(stored ?? {}, update ?? {})
}

/**
 * The first line item whose personalization its variant's schema refuses, or null.
 * Items whose product (and variant) has no schema pass untouched; unknown variants are
 * left to Medusa's own checks.
 */
export async function findRefusal(container: MedusaContainer, items: LineItemInput[], context: CheckContext): Promise<Refusal | null> {
  const ids = [...new Set(items.map((i) => i.variant_id).filter((v): v is string => typeof v === "string" && v !== ""))]
  const variants = await variantsById(container, ids)
  for (const [index, item] of items.entries()) {
    const variant = item.variant_id ? variants.get(item.variant_id) : undefined
    if (!variant) continue
    const lookup = await schemaOfVariant(variant)
    if (lookup.kind === "none") continue
    if (lookup.kind === "broken") {
      return {
        status: 500,
        type: "unexpected_state",
        message: `The personalization schema of product ${variant.product?.id ?? "?"} (variant ${variant.id}) does not compile: ${lookup.message}`,
        issues: [],
        variant_id: variant.id,
        line_item_id: item.id ?? null,
      }
    }
    const metadata = item.metadata && typeof item.metadata === "object" ? item.metadata : {}
    const report = lookup.schema.validateLineItemMetadata(metadata) as { valid: boolean; issues: PersonalizationIssue[] }
    // A stamp (`_personalization_schema`) that is not the current schema's fingerprint is
    // refused everywhere, as the mock backend does: a line stored with a stale stamp would
    // only be refused later, at checkout. Only values the schema accepts have their image
    // references looked up.
    const issues = report.valid ? await imageReferenceIssues(container, lookup.schema, metadata) : report.issues
    if (issues.length === 0) continue
    return {
      status: 400,
      type: "invalid_data",
      message: refusalMessage(context, item, index, items.length, variant, issues),
      issues,
      variant_id: variant.id,
      line_item_id: item.id ?? null,
    }
  }
  return null
}

/**
 * Throws a MedusaError (400 invalid_data, or 500 unexpected_state for a schema that does
 * not compile) when a line item's personalization is refused. Call it from your own
 * workflow hook handler when the plugin's hooks are off (`hooks: false`).
 */
export async function assertLineItemsValid(container: MedusaContainer, items: LineItemInput[], context: CheckContext): Promise<void> {
  const refusal = await findRefusal(container, items, context)
  if (!refusal) return
  const type = refusal.status === 500 ? MedusaError.Types.UNEXPECTED_STATE : MedusaError.Types.INVALID_DATA
  throw new MedusaError(type, refusal.message)
}

/** The HTTP body of a refusal: Medusa's `{ type, message }` plus every issue. */
export function refusalBody(refusal: Refusal) {
  return { type: refusal.type, message: refusal.message, issues: refusal.issues }
}
