import { model } from "@medusajs/framework/utils"

/**
 * One personalized order item to print, and where its delivery to the print service
 * stands. Created once per order item (the unique line_item_id makes a second
 * `order.placed` delivery, in any process, a no-op); the webhook carries the job's id
 * as its idempotency key.
 *
 * States: pending (due at next_attempt_at) → delivering (claimed by one process until
 * locked_until) → delivered (the print service acknowledged it) → fulfilled (the order
 * item was fulfilled). A refusal by the print service (4xx other than 408/429), or a
 * personalization that no longer passes its schema, is `failed` until staff retry it.
 */
export const PrintJob = model
  .define("personalization_print_job", {
    id: model.id({ prefix: "pjob" }).primaryKey(),
    order_id: model.text(),
    line_item_id: model.text(),
    /** The schema the personalization was validated against ("fnv1a64:…"). */
    schema_fingerprint: model.text().nullable(),
    /** sha256 of the webhook's job data: what was sent is what the job says. */
    payload_hash: model.text(),
    /** The job as sent: order, item, personalization values. */
    payload: model.json(),
    status: model.enum(["pending", "delivering", "delivered", "failed", "fulfilled"]).default("pending"),
    attempts: model.number().default(0),
    last_error: model.text().nullable(),
    next_attempt_at: model.dateTime().nullable(),
    locked_until: model.dateTime().nullable(),
    delivered_at: model.dateTime().nullable(),
    fulfilled_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["line_item_id"], unique: true },
    { on: ["order_id"] },
    { on: ["status", "next_attempt_at"] },
  ])
