// POST /admin/personalization/schemas/preview { schema, values? }: the product page's
// schema editor asks the core what a schema is before it is saved.
// → { compiled: true, fingerprint, fields, report } (report: the validator's answer for
//   `values`, null without them), or { compiled: false, error: { code, message, details } }
//   with the compiler's own message. Nothing is stored.
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { engine } from "../../../../../lib/engine"

export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const body = (req.body ?? {}) as { schema?: unknown; values?: unknown }
  if (typeof body !== "object" || Array.isArray(body) || body.schema === undefined) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request: 'schema' is required (the personalization schema, a JSON object)")
  }
  const unknown = Object.keys(body).filter((k) => k !== "schema" && k !== "values")
  if (unknown.length > 0) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: unrecognized fields: '${unknown.join("', '")}'`)
  const personalization = await engine()
  let schema
  try {
    // A schema kept as a JSON string (Medusa's metadata editor stores strings) is parsed first.
    schema = personalization.compile((typeof body.schema === "string" ? JSON.parse(body.schema) : body.schema) as never)
  } catch (error) {
    const e = error as { code?: string; message?: string; details?: unknown }
    res.json({ compiled: false, error: { code: e.code ?? "schema.invalid_json", message: String(e.message ?? error), details: e.details ?? null } })
    return
  }
  try {
    res.json({
      compiled: true,
      fingerprint: schema.fingerprint,
      fields: schema.fields,
      report: body.values === undefined ? null : schema.validate(body.values),
    })
  } finally {
    schema.dispose()
  }
}
