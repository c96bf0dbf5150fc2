// HTTP-level parts of the plugin. Medusa runs these after its own middlewares for the
// same route (body validation included), so `req.validatedBody` is the checked body.
//
// - The Store cart routes answer a refused personalization with every issue
//   (400 `{ type: "invalid_data", message, issues }`, as the mock backend does). The
//   workflow hooks check again for every other caller; a hook's error can only carry a
//   message (Medusa's error handler keeps type, code and message).
// - Idempotency-Key on the Store cart routes (src/lib/idempotency.ts).
// - Product saves are checked for schemas that do not compile before anything is stored.
// - The upload route's multipart parsing, with its limits answered as 4xx.
import { defineMiddlewares, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, mergeMetadata } from "@medusajs/framework/utils"
import { findRefusal, metadataAfterUpdate, refusalBody, type LineItemInput } from "../lib/line-items"
import { brokenSchemaMessage, brokenSchemaOf } from "../lib/product-schemas"
import { advertiseIdempotency, honourIdempotencyKey } from "../lib/idempotency"
import { parseUpload } from "../lib/upload-parser"

type Handler = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => Promise<void> | void
type Body = Record<string, any>

const bodyOf = (req: MedusaRequest): Body => ((req as { validatedBody?: Body }).validatedBody ?? (req.body as Body) ?? {})

/** Runs `check`; a refusal is answered here, anything else goes on to Medusa's route. */
const guarded =
  (check: (req: MedusaRequest) => Promise<{ status: number; body: unknown } | null>): Handler =>
  async (req, res, next) => {
    try {
      const refused = await check(req)
      if (refused) {
        res.status(refused.status).json(refused.body)
        return
      }
    } catch (error) {
      next(error)
      return
    }
    next()
  }

const refuseItems = async (req: MedusaRequest, items: LineItemInput[], context: "add" | "update" | "create") => {
  const refusal = await findRefusal(req.scope, items, context)
  return refusal ? { status: refusal.status, body: refusalBody(refusal) } : null
}

const checkAdd = guarded(async (req) => {
  const body = bodyOf(req)
  return refuseItems(req, [{ variant_id: body.variant_id, metadata: body.metadata }], "add")
})

const checkUpdate = guarded(async (req) => {
  const body = bodyOf(req)
  if (Number(body.quantity) === 0 || body.metadata === undefined) return null // removal, or quantity only
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "items.id", "items.variant_id", "items.metadata"],
    filters: { id: req.params.id },
  })
  const item = (data[0]?.items ?? []).find((i: { id: string } | null) => i?.id === req.params.line_id)
  if (!item) return null // Medusa answers 404 itself
  const metadata = metadataAfterUpdate(item.metadata, body.metadata)
  return refuseItems(req, [{ id: item.id, variant_id: item.variant_id, metadata }], "update")
})

const checkCreateCart = guarded(async (req) => {
  const items = bodyOf(req).items
  return Array.isArray(items) && items.length > 0 ? refuseItems(req, items, "create") : null
})

const refuseBrokenSchema = async (product: Parameters<typeof brokenSchemaOf>[0]) => {
  const broken = await brokenSchemaOf(product)
  return broken
    ? { status: 400, body: { type: "invalid_data", message: brokenSchemaMessage(broken), code: broken.code, errors: broken.details ?? [] } }
    : null
}

// A product save: its own schema and each variant's, as the request will store them.
const checkProductBody = guarded(async (req) => {
  const body = bodyOf(req)
  let metadata = body.metadata
  if (req.params.id && metadata && typeof metadata === "object") {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "product", fields: ["id", "metadata"], filters: { id: req.params.id } })
    metadata = mergeMetadata(data[0]?.metadata ?? {}, metadata)
  }
  return refuseBrokenSchema({ id: req.params.id, metadata, variants: Array.isArray(body.variants) ? body.variants : [] })
})

// A variant save: the variant's metadata against its product's stored schema.
const checkVariantBody = guarded(async (req) => {
  const body = bodyOf(req)
  if (!body.metadata || typeof body.metadata !== "object") return null
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["id", "metadata", "variants.id", "variants.metadata"], filters: { id: req.params.id } })
  const product = data[0]
  if (!product) return null
  const stored = (product.variants ?? []).find((v: { id: string } | null) => v?.id === req.params.variant_id)
  const metadata = stored ? mergeMetadata(stored.metadata ?? {}, body.metadata) : body.metadata
  return refuseBrokenSchema({ id: product.id, metadata: product.metadata, variants: [{ id: req.params.variant_id, metadata }] })
})

export default defineMiddlewares({
  routes: [
    { matcher: "/store/*", middlewares: [advertiseIdempotency] },
    // The key is honoured before the personalization check: a refused add is replayed too.
    { matcher: "/store/carts", methods: ["POST"], middlewares: [honourIdempotencyKey, checkCreateCart] },
    { matcher: "/store/carts/:id", methods: ["POST"], middlewares: [honourIdempotencyKey] },
    { matcher: "/store/carts/:id/line-items", methods: ["POST"], middlewares: [honourIdempotencyKey, checkAdd] },
    { matcher: "/store/carts/:id/line-items/:line_id", methods: ["POST"], middlewares: [honourIdempotencyKey, checkUpdate] },
    { matcher: "/store/carts/:id/line-items/:line_id", methods: ["DELETE"], middlewares: [honourIdempotencyKey] },
    { matcher: "/store/personalization/uploads", methods: ["POST"], middlewares: [parseUpload] },
    { matcher: "/admin/products", methods: ["POST"], middlewares: [checkProductBody] },
    { matcher: "/admin/products/:id", methods: ["POST"], middlewares: [checkProductBody] },
    { matcher: "/admin/products/:id/variants", methods: ["POST"], middlewares: [checkVariantBody] },
    { matcher: "/admin/products/:id/variants/:variant_id", methods: ["POST"], middlewares: [checkVariantBody] },
  ],
})
