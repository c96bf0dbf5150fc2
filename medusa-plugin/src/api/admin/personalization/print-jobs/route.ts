// GET /admin/personalization/print-jobs: the print jobs, newest first, with Medusa's
// list envelope { print_jobs, count, offset, limit }.
// Query: order_id (one or several), status (pending, delivering, delivered, failed,
// fulfilled; one or several), limit (1-100, default 20), offset.
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { JOB_FIELDS, JOB_STATUSES, type JobStatus } from "../../../../lib/print-job-views"
import type PersonalizationModuleService from "../../../../modules/personalization/service"

const list = (value: unknown): string[] =>
  value === undefined ? [] : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(",")).filter((v) => v !== "")

function count(value: unknown, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max || Array.isArray(value)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${name} must be a whole number from ${min} to ${max}`)
  }
  return n
}

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.query as Record<string, unknown>
  const unknown = Object.keys(query).filter((k) => !["order_id", "status", "limit", "offset"].includes(k))
  if (unknown.length > 0) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: unrecognized fields: '${unknown.join("', '")}'`)
  }
  const statuses = list(query.status)
  const wrong = statuses.filter((s) => !(JOB_STATUSES as readonly string[]).includes(s))
  if (wrong.length > 0) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: status must be one of ${JOB_STATUSES.join(", ")} (got '${wrong.join("', '")}')`)
  }
  const limit = count(query.limit, "limit", 1, 100, 20)
  const offset = count(query.offset, "offset", 0, Number.MAX_SAFE_INTEGER, 0)
  const filters: { order_id?: string[]; status?: JobStatus[] } = {}
  const orders = list(query.order_id)
  if (orders.length > 0) filters.order_id = orders
  if (statuses.length > 0) filters.status = statuses as JobStatus[]

  const service = req.scope.resolve<PersonalizationModuleService>("personalization")
  const [print_jobs, total] = await service.listAndCountPersonalizationPrintJobs(filters, {
    select: [...JOB_FIELDS],
    skip: offset,
    take: limit,
    order: { created_at: "DESC", id: "DESC" },
  })
  res.json({ print_jobs, count: total, offset, limit })
}
