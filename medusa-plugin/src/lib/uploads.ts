// Where customer images are kept: Medusa's File Module (the local provider by default,
// S3 or any other in production), under a name the plugin chose from the sniffed type,
// never the customer's. The plugin serves them itself (src/api/personalization/uploads),
// so every provider's files go out with the same headers.
import { randomUUID } from "node:crypto"
import type { MedusaRequest } from "@medusajs/framework/http"
import { configuredOptions } from "./configured-options"

export const UPLOAD_NAME_PREFIX = "personalization-"
export const SERVE_PATH = "/personalization/uploads"

const EXTENSIONS: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg" }
const MIME_OF_EXTENSION: Record<string, string> = { png: "image/png", jpg: "image/jpeg" }

/** The stored file name for an image of `mime` (png or jpeg). */
export function storedName(mime: string): string {
  const extension = EXTENSIONS[mime]
  if (!extension) throw new Error(`no stored name for ${mime}`)
  return `${UPLOAD_NAME_PREFIX}${randomUUID()}.${extension}`
}

/**
 * The MIME type of a File Module id the upload route created, or null for any other id:
 * the public route serves customer images only, never other files of the provider
 * (product imports, staff uploads). Providers keep the name at the end of the key
 * (file-local: "[private-]<time>-<name>").
 */
export function servedMime(id: string): string | null {
  const match = /^[A-Za-z0-9._-]{0,160}personalization-[0-9a-f-]{36}\.(png|jpg)$/.exec(id)
  return match ? MIME_OF_EXTENSION[match[1]] : null
}

/** The public URL of a stored image. */
export function publicUrl(req: MedusaRequest, id: string): string {
  const base = configuredOptions().uploads.publicBaseUrl ?? `${req.protocol}://${req.get("host")}`
  return `${base}${SERVE_PATH}/${encodeURIComponent(id)}`
}
