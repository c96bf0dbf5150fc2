// GET /personalization/uploads/:id: a customer image stored by the upload route, read
// through the File Module (any provider) and served with its sniffed type, `nosniff`
// and a CSP that lets nothing run. Outside /store so an <img> needs no publishable key;
// only ids the upload route created are served (src/lib/uploads.ts).
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { servedMime } from "../../../../lib/uploads"

export const AUTHENTICATE = false

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const id = req.params.id
  const mime = servedMime(id)
  const notFound = () => res.status(404).json({ type: "not_found", message: `Upload ${id} was not found` })
  if (!mime) return notFound()
  let bytes: Buffer
  try {
    bytes = await req.scope.resolve(Modules.FILE).getAsBuffer(id)
  } catch {
    return notFound()
  }
  res.setHeader("Content-Type", mime)
  res.setHeader("X-Content-Type-Options", "nosniff")
  res.setHeader("Content-Security-Policy", "default-src 'none'; sandbox")
  res.setHeader("Cross-Origin-Resource-Policy", "cross-origin")
  // The name is random and the bytes never change.
  res.setHeader("Cache-Control", "public, max-age=31536000, immutable")
  res.status(200).end(bytes)
}
