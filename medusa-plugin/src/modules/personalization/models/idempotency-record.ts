import { model } from "@medusajs/framework/utils"

/**
 * One Idempotency-Key of a Store cart request: claimed while the request runs, then the
 * answer to replay for a retry with the same key and body, until it expires.
 */
export const IdempotencyRecord = model
  .define("personalization_idempotency_record", {
    id: model.id({ prefix: "pidem" }).primaryKey(),
    /** "<METHOD> <path>": the key is scoped to the route and the cart it names. */
    scope: model.text(),
    key: model.text(),
    /** sha256 of the method, path, query and canonical JSON body. */
    request_hash: model.text(),
    state: model.enum(["in_progress", "completed"]),
    response_status: model.number().nullable(),
    response_body: model.json().nullable(),
    /** An in-progress claim older than this was abandoned (its process died). */
    locked_until: model.dateTime(),
    expires_at: model.dateTime(),
  })
  .indexes([
    { on: ["scope", "key"], unique: true },
    { on: ["expires_at"] },
  ])
