// GET /admin/personalization/orders/:id: what staff need to see of an order's
// personalizations (the admin widget on the order page reads it). For each item of a
// personalized product: its values labelled from the product's current schema, its
// images, whether it still passes that schema (a schema edited since the order was
// placed is named), and its print job.
// → { order_id, items: [{ id, title, variant_title, quantity, schema, entries, images,
//      valid, issues, schema_changed, print_job }] }
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { engine, schemaOfVariant, variantSchemaFields, type Metadata, type VariantWithProduct } from "../../../../../lib/engine"
import { JOB_FIELDS } from "../../../../../lib/print-job-views"
import type PersonalizationModuleService from "../../../../../modules/personalization/service"

interface Item {
  id: string
  title: string | null
  variant_title: string | null
  quantity: number | string
  metadata: Metadata
  variant: VariantWithProduct | null
}

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "items.*", ...variantSchemaFields("items.variant")],
    filters: { id: req.params.id },
  })
  const order = data[0] as { id: string; items: (Item | null)[] | null } | undefined
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order id not found: ${req.params.id}`)

  const service = req.scope.resolve<PersonalizationModuleService>("personalization")
  const jobs = await service.listPersonalizationPrintJobs({ order_id: order.id }, { select: [...JOB_FIELDS] })
  const jobOf = new Map(jobs.map((job) => [job.line_item_id, job]))
  const personalization = await engine()

  const items = []
  for (const item of order.items ?? []) {
    if (!item) continue
    const lookup = item.variant ? await schemaOfVariant(item.variant) : { kind: "none" as const }
    const job = jobOf.get(item.id) ?? null
    if (lookup.kind === "none" && !job) continue // not a personalized product
    const base = { id: item.id, title: item.title, variant_title: item.variant_title, quantity: Number(item.quantity), print_job: job }
    if (lookup.kind !== "schema") {
      const message = lookup.kind === "broken" ? `The product's personalization schema does not compile: ${lookup.message}` : "The product no longer has a personalization schema"
      const summary = personalization.describe({ metadata: item.metadata ?? {} })
      items.push({ ...base, schema: lookup.kind === "broken" ? "broken" : "none", entries: summary.entries, images: imagesOf(summary.entries), valid: null, issues: [], schema_changed: false, message })
      continue
    }
    const summary = personalization.describe({ metadata: item.metadata ?? {} }, lookup.schema)
    const report = lookup.schema.validateLineItemMetadata(item.metadata ?? {})
    items.push({
      ...base,
      schema: "current",
      schema_fingerprint: lookup.schema.fingerprint,
      entries: summary.entries,
      images: imagesOf(summary.entries),
      valid: report.valid,
      issues: report.issues,
      schema_changed: summary.schema_mismatch,
    })
  }
  res.json({ order_id: order.id, items })
}

type Entry = { name: string; label: string; kind: string; value: unknown }

// The entries that are image references ({url, mime, width, height, bytes}).
function imagesOf(entries: readonly Entry[]) {
  return entries
    .filter((e) => e.kind === "image" && e.value && typeof (e.value as { url?: unknown }).url === "string")
    .map((e) => ({ name: e.name, label: e.label, ...(e.value as { url: string; mime?: string; width?: number; height?: number; bytes?: number }) }))
}
