// Multipart parsing of the customer upload route. Medusa's body parsers skip multipart
// bodies and its error handler answers a MulterError with a 500; here every limit is a
// clear 4xx with Medusa's error body.
import multer from "multer"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { configuredOptions } from "./configured-options"

let upload: ReturnType<typeof multer> | null = null

function parser() {
  const { maxBytes } = configuredOptions().uploads
  // One file; a few small text fields (variant_id, field); nothing else buffered.
  upload ??= multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 1, fields: 4, fieldSize: 1024, parts: 6, headerPairs: 50 },
  })
  return upload.single("file")
}

export function parseUpload(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  parser()(req as never, res as never, (error?: unknown) => {
    if (!error) return next()
    const e = error as { code?: string; message?: string; field?: string }
    if (e.code === "LIMIT_FILE_SIZE") {
      const { maxBytes } = configuredOptions().uploads
      res.status(413).json({ type: "invalid_data", message: `file exceeds the upload limit of ${maxBytes} bytes` })
      return
    }
    if (e.code === "LIMIT_UNEXPECTED_FILE") {
      res.status(400).json({ type: "invalid_data", message: `Invalid request: one image in the multipart field 'file' is expected (got '${e.field ?? ""}')` })
      return
    }
    if (typeof e.code === "string" && e.code.startsWith("LIMIT_")) {
      res.status(400).json({ type: "invalid_data", message: `Invalid request: ${e.message ?? e.code}` })
      return
    }
    // A body that is not valid multipart (busboy's own errors).
    res.status(400).json({ type: "invalid_data", message: `Invalid request: malformed multipart body: ${e.message ?? "unreadable"}` })
  })
}
