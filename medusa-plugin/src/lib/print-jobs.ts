// The print jobs of a placed order: one per item whose product has a personalization
// schema, with the job data the webhook carries. The personalization is checked again
// here, against the product's current schema: an order that reached `order.placed`
// around the cart hooks (a draft order, an order edit) is recorded as failed instead of
// printed, and staff see why.
import { createHash } from "node:crypto"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { canonicalJson } from "./canonical-json"
import { schemaOfVariant, variantSchemaFields, type Metadata, type VariantWithProduct } from "./engine"
import type PersonalizationModuleService from "../modules/personalization/service"
import type { NewPrintJob } from "../modules/personalization/service"

// items.* merges the item's detail (quantity) as Medusa's own order workflows read it.
const ORDER_FIELDS = ["id", "display_id", "items.*", ...variantSchemaFields("items.variant")]

interface OrderItem {
  id: string
  title: string | null
  quantity: number | string
  metadata: Metadata
  variant_id: string | null
  variant_sku: string | null
  variant_title: string | null
  product_id: string | null
  variant: VariantWithProduct | null
}

/** The customer's values: the metadata without the SDK's private "_" keys (the stamp). */
export function customerValues(metadata: Metadata): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(metadata ?? {})) if (!key.startsWith("_")) values[key] = value
  return values
}

export const sha256 = (text: string) => `sha256:${createHash("sha256").update(text).digest("hex")}`

/** The print jobs `order_id` needs (none when no item is personalized, or no such order). */
export async function printJobsOfOrder(container: MedusaContainer, orderId: string): Promise<NewPrintJob[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderId } })
  const order = data[0] as { id: string; display_id: number | null; items: (OrderItem | null)[] | null } | undefined
  if (!order) return []
  const jobs: NewPrintJob[] = []
  for (const item of order.items ?? []) {
    if (!item?.variant) continue // a deleted variant: its schema is gone with it
    const lookup = await schemaOfVariant(item.variant)
    if (lookup.kind === "none") continue
    let status: NewPrintJob["status"] = "pending"
    let lastError: string | null = null
    let fingerprint: string | null = null
    if (lookup.kind === "broken") {
      status = "failed"
      lastError = `The product's personalization schema does not compile: ${lookup.message}`
    } else {
      fingerprint = lookup.schema.fingerprint
      const report = lookup.schema.validateLineItemMetadata(item.metadata ?? {})
      if (!report.valid) {
        const first = report.issues[0]
        status = "failed"
        lastError = `The personalization does not pass the product's schema: ${first.instance_path || "value"} ${first.message} (${first.code})`
      }
    }
    const payload = {
      order: { id: order.id, display_id: order.display_id },
      item: {
        id: item.id,
        title: item.title,
        quantity: Number(item.quantity),
        product_id: item.product_id ?? item.variant.product?.id ?? null,
        variant_id: item.variant_id,
        sku: item.variant_sku,
        variant_title: item.variant_title,
      },
      personalization: customerValues(item.metadata),
      schema_fingerprint: fingerprint,
    }
    jobs.push({
      order_id: order.id,
      line_item_id: item.id,
      schema_fingerprint: fingerprint,
      payload_hash: sha256(canonicalJson(payload)),
      payload,
      status,
      last_error: lastError,
    })
  }
  return jobs
}

/**
 * Orders placed between `from` and `to` that have personalized items without print jobs:
 * their order.placed was lost (the local event bus drops events when a process dies
 * before its subscribers ran). Paged, so a busy day is read in bounded steps.
 *
 * Only orders Medusa finished placing count: one completed from a cart is linked to it,
 * and a converted draft order has its stock reserved. A process killed inside
 * completeCartWorkflow can leave an order without either (created, then neither linked,
 * reserved nor paid; the cart completes again into a second order on the shopper's
 * retry): printing it would print an unpaid order twice.
 */
export async function ordersMissingPrintJobs(container: MedusaContainer, from: Date, to: Date): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service = container.resolve<PersonalizationModuleService>("personalization")
  const missing: string[] = []
  const PAGE = 200
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "cart.id", "items.id", ...variantSchemaFields("items.variant")],
      filters: { created_at: { $gte: from, $lt: to } },
      pagination: { skip, take: PAGE, order: { created_at: "ASC" } },
    })
    const orders = data as { id: string; cart?: { id: string } | null; items: ({ id: string; variant: VariantWithProduct | null } | null)[] | null }[]
    const ids = orders.map((o) => o.id)
    const withJobs = new Set((ids.length ? await service.listPersonalizationPrintJobs({ order_id: ids }, { select: ["order_id"], take: null }) : []).map((j) => j.order_id))
    const candidates: typeof orders = []
    for (const order of orders) {
      if (withJobs.has(order.id)) continue
      for (const item of order.items ?? []) {
        if (item?.variant && (await schemaOfVariant(item.variant)).kind !== "none") {
          candidates.push(order)
          break
        }
      }
    }
    const reserved = await itemsWithReservations(container, candidates.filter((o) => !o.cart?.id).flatMap((o) => (o.items ?? []).map((i) => i?.id).filter((id): id is string => !!id)))
    for (const order of candidates) {
      if (order.cart?.id || (order.items ?? []).some((item) => item && reserved.has(item.id))) missing.push(order.id)
    }
    if (orders.length < PAGE) break
  }
  return missing
}

/** The order items among `itemIds` that have a stock reservation. */
async function itemsWithReservations(container: MedusaContainer, itemIds: string[]): Promise<Set<string>> {
  if (itemIds.length === 0) return new Set()
  const inventory = container.resolve(Modules.INVENTORY)
  const reservations = await inventory.listReservationItems({ line_item_id: itemIds }, { select: ["line_item_id"], take: null })
  return new Set(reservations.map((r: { line_item_id?: string | null }) => r.line_item_id).filter((id): id is string => !!id))
}
