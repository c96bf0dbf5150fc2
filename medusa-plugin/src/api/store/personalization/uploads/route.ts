// POST /store/personalization/uploads: a customer's image for a personalization, the
// same contract as the mock backend's, so `sdk.store.personalization.uploadImage` works
// against both. Multipart field "file" (parsed by src/lib/upload-parser.ts with the size
// limit); optional text fields "variant_id" and "field" check the image against that
// field's print rules (pixels, DPI, bytes) of the variant's schema.
// Answer: { file: { id, url, mime, width, height, bytes, filename } }.
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import { engine, schemaOfVariant, type VariantWithProduct } from "../../../../lib/engine"
import { configuredOptions } from "../../../../lib/configured-options"
import { publicUrl, storedName } from "../../../../lib/uploads"
import type PersonalizationModuleService from "../../../../modules/personalization/service"

type UploadedFile = { buffer: Buffer; originalname: string; size: number }

const invalid = (res: MedusaResponse, message: string, extra: Record<string, unknown> = {}) =>
  res.status(400).json({ type: "invalid_data", message, ...extra })

export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const file = (req as { file?: UploadedFile }).file
  if (!file) return invalid(res, "Invalid request: a multipart field 'file' is required")
  const fields = (req.body ?? {}) as Record<string, unknown>
  const variantId = typeof fields.variant_id === "string" ? fields.variant_id : ""
  const field = typeof fields.field === "string" ? fields.field : ""
  if ((variantId === "") !== (field === "")) {
    return invalid(res, "Invalid request: 'variant_id' and 'field' go together (the field whose print rules the image must meet)")
  }

  const personalization = await engine()
  let image: { mime: string; width: number; height: number; bytes: number }
  try {
    // PNG or JPEG by content, whatever the name or the declared type says.
    image = (await personalization.checkImage(file.buffer)).image
  } catch (error) {
    return invalid(res, `Invalid request: ${(error as Error).message}`, { code: (error as { code?: string }).code })
  }

  if (variantId !== "") {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product_variant",
      fields: ["id", "metadata", "product.id", "product.metadata"],
      filters: { id: variantId },
    })
    const variant = data[0] as VariantWithProduct | undefined
    if (!variant) return res.status(404).json({ type: "not_found", message: `Variant with id: ${variantId} was not found` })
    const lookup = await schemaOfVariant(variant)
    if (lookup.kind !== "schema") return invalid(res, `Invalid request: variant ${variantId} has no personalization schema`)
    if (!lookup.schema.fields.some((f) => f.name === field && f.widget === "image")) {
      return invalid(res, `Invalid request: the personalization schema of variant ${variantId} has no image field '${field}'`)
    }
    const { report } = await personalization.checkImage(file.buffer, lookup.schema, field)
    if (report && !report.valid) {
      const first = report.issues[0]
      return invalid(res, `the image does not meet the print rules of "${field}": ${first?.message ?? "refused"}`, { issues: report.issues })
    }
  }

  const { access } = configuredOptions().uploads
  const { result } = await uploadFilesWorkflow(req.scope).run({
    input: {
      files: [{ filename: storedName(image.mime), mimeType: image.mime, content: file.buffer.toString("base64"), access }],
    },
  })
  const stored = result[0]
  // What line items will be checked against: the image as its bytes said it is.
  await req.scope
    .resolve<PersonalizationModuleService>("personalization")
    .createPersonalizationUploads({ id: stored.id, mime: image.mime, width: image.width, height: image.height, bytes: file.size })
  res.status(200).json({
    file: {
      id: stored.id,
      url: publicUrl(req, stored.id),
      mime: image.mime,
      width: image.width,
      height: image.height,
      bytes: file.size,
      filename: file.originalname,
    },
  })
}
