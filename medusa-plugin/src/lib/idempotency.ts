// Idempotency-Key on the Store cart routes. Medusa has none, so a line-item add whose
// answer was lost could not be sent again without risking a second add. With the
// header, the first answer is stored (in the database: every server process sees it)
// and a retry with the same key and request gets it again instead of running twice;
// the same key with another request is refused. As payment APIs do it (Stripe), and
// as the IETF draft "The Idempotency-Key HTTP Header Field" describes.
import { createHash } from "node:crypto"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { canonicalJson } from "./canonical-json"
import { configuredOptions } from "./configured-options"
import type PersonalizationModuleService from "../modules/personalization/service"

export const KEY_HEADER = "Idempotency-Key"
/** On every Store answer: clients may send keys, and how long answers are kept (seconds). */
export const SUPPORT_HEADER = "Idempotency-Key-Support"
export const REPLAYED_HEADER = "Idempotent-Replayed"
const MODULE = "personalization"
// Longer than Medusa's cart lock (10 s) and any add: a claim older than this belongs
// to a process that died, and a retry may take it over.
const LEASE_MS = 60_000
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/

function requestHash(req: MedusaRequest): string {
  const path = req.originalUrl.split("?")[0]
  return createHash("sha256")
    .update(`${req.method}\n${path}\n${canonicalJson(req.query ?? {})}\n${canonicalJson(req.body ?? null)}`)
    .digest("hex")
}

/** Answers worth replaying: success and the client's own errors, not "try again later". */
const replayable = (status: number) => status < 500 && status !== 409 && status !== 429

/** Advertises the support on every Store answer (readable cross-origin too). */
export function advertiseIdempotency(_req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const retention = Math.round(configuredOptions().idempotency.retentionHours * 3600)
  res.setHeader(SUPPORT_HEADER, `retention=${retention}`)
  res.append("Access-Control-Expose-Headers", `${SUPPORT_HEADER}, ${REPLAYED_HEADER}`)
  next()
}

/** Honours an Idempotency-Key on the route it is attached to; requests without one pass. */
export async function honourIdempotencyKey(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const key = req.get(KEY_HEADER)
  if (key === undefined) return next()
  if (!KEY_PATTERN.test(key)) {
    res.status(400).json({ type: "invalid_data", message: `Invalid request: the ${KEY_HEADER} header must be 1 to 255 visible ASCII characters` })
    return
  }
  const service = req.scope.resolve<PersonalizationModuleService>(MODULE)
  const { retentionHours } = configuredOptions().idempotency
  const scope = `${req.method} ${req.originalUrl.split("?")[0]}`
  let claim
  try {
    claim = await service.claim({ scope, key, requestHash: requestHash(req), leaseMs: LEASE_MS, retentionMs: retentionHours * 3_600_000 })
  } catch (error) {
    return next(error)
  }
  switch (claim.outcome) {
    case "replay":
      res.setHeader(REPLAYED_HEADER, "true")
      res.status(claim.status).json(claim.body)
      return
    case "mismatch":
      res.status(422).json({ type: "invalid_data", message: `The ${KEY_HEADER} "${key}" was already used with a different request` })
      return
    case "in_progress":
      res.setHeader("Retry-After", "1")
      res.status(409).json({ type: "conflict", message: `A request with the ${KEY_HEADER} "${key}" is still in progress; retry it later` })
      return
  }

  // The answer is stored before it is sent: a retry never finds the add done but its
  // answer missing.
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  const send = res.json.bind(res)
  let answered = false
  res.json = ((body: unknown) => {
    answered = true
    const status = res.statusCode
    const stored = replayable(status) ? service.complete(claim.id, status, body) : service.release(claim.id)
    stored
      .catch((error: unknown) => logger.error(`medusa-plugin-personalize: could not store the answer for ${KEY_HEADER} ${key}: ${error}`))
      .finally(() => send(body))
    return res
  }) as typeof res.json
  // An answer that is not JSON, or none (the connection dropped first): the claim is
  // given up, so a retry runs the request.
  res.on("close", () => {
    if (!answered) service.release(claim.id).catch(() => undefined)
  })
  next()
}
