// Image references in line-item metadata ({url, mime, width, height, bytes}, as the
// upload route answered them) are checked against what the route stored: the schema's
// print rules (pixels, DPI, bytes) are only as true as these numbers, and a request made
// around the SDK could claim any of them.
import type { MedusaContainer } from "@medusajs/framework/types"
import type { PersonalizationSchema } from "medusa-personalize" with { "resolution-mode": "import" }
import { configuredOptions } from "./configured-options"
import { SERVE_PATH } from "./uploads"
import type { PersonalizationIssue } from "./line-items"
import type PersonalizationModuleService from "../modules/personalization/service"

const COMPARED = ["mime", "width", "height", "bytes"] as const
type Stored = Record<(typeof COMPARED)[number], string | number> & { id: string }

/** The upload id a URL of the serving route names (whatever its host), or null. */
export function uploadIdOf(url: string): string | null {
  let pathname: string
  try {
    pathname = new URL(url, "http://placeholder").pathname
  } catch {
    return null
  }
  const prefix = `${SERVE_PATH}/`
  if (!pathname.startsWith(prefix)) return null
  const rest = pathname.slice(prefix.length)
  if (rest === "" || rest.includes("/")) return null
  try {
    return decodeURIComponent(rest)
  } catch {
    return null
  }
}

const issue = (field: string, code: string, message: string, params: Record<string, unknown>): PersonalizationIssue => ({
  instance_path: `/${field}`,
  schema_path: `#/properties/${field}`,
  code,
  message,
  params,
})

/** Issues of the image fields of `metadata` whose reference is not a stored upload, or misstates it. */
export async function imageReferenceIssues(
  container: MedusaContainer,
  schema: PersonalizationSchema,
  metadata: Record<string, unknown>,
): Promise<PersonalizationIssue[]> {
  if (!configuredOptions().uploads.verifyReferences) return []
  const references: { field: string; value: Record<string, unknown>; id: string | null }[] = []
  for (const field of schema.fields) {
    if (field.widget !== "image") continue
    const value = metadata[field.name]
    // Absent, or not an object with a URL: the schema's own checks speak for it.
    if (!value || typeof value !== "object" || typeof (value as { url?: unknown }).url !== "string") continue
    const url = (value as { url: string }).url
    references.push({ field: field.name, value: value as Record<string, unknown>, id: uploadIdOf(url) })
  }
  if (references.length === 0) return []
  const ids = references.map((r) => r.id).filter((id): id is string => id !== null)
  const service = container.resolve<PersonalizationModuleService>("personalization")
  const stored = ids.length > 0 ? ((await service.listPersonalizationUploads({ id: ids })) as unknown as Stored[]) : []
  const byId = new Map(stored.map((s) => [s.id, s]))
  const issues: PersonalizationIssue[] = []
  for (const { field, value, id } of references) {
    const upload = id === null ? undefined : byId.get(id)
    if (!upload) {
      issues.push(issue(field, "upload_unknown", "is not an image uploaded to this shop", { url: value.url }))
      continue
    }
    const wrong = COMPARED.find((k) => value[k] !== upload[k])
    if (wrong) {
      issues.push(issue(field, "upload_mismatch", `does not match the uploaded image (its ${wrong} is ${upload[wrong]})`, { property: wrong, expected: upload[wrong], actual: value[wrong] ?? null }))
    }
  }
  return issues
}
