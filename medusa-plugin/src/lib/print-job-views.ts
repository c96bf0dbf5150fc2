// Print jobs as the Admin API answers them.
export const JOB_STATUSES = ["pending", "delivering", "delivered", "failed", "fulfilled"] as const
export type JobStatus = (typeof JOB_STATUSES)[number]

export const JOB_FIELDS = [
  "id",
  "order_id",
  "line_item_id",
  "status",
  "attempts",
  "last_error",
  "next_attempt_at",
  "delivered_at",
  "fulfilled_at",
  "schema_fingerprint",
  "payload_hash",
  "payload",
  "created_at",
  "updated_at",
] as const

export interface PrintJobView {
  id: string
  order_id: string
  line_item_id: string
  status: JobStatus
  attempts: number
  last_error: string | null
  next_attempt_at: Date | null
  delivered_at: Date | null
  fulfilled_at: Date | null
  schema_fingerprint: string | null
  payload_hash: string
  payload: Record<string, unknown>
  created_at: Date
  updated_at: Date
}
