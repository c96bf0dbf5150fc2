// Delivery of print jobs to the print service: one webhook per job, signed as Standard
// Webhooks specifies (webhook-id, webhook-timestamp, webhook-signature "v1,<base64
// HMAC-SHA256 of id.timestamp.body>"), so a receiver can verify it with any Standard
// Webhooks library. The job id is the webhook id and the Idempotency-Key: the same job
// sent again (a retry after a lost answer) is recognisable as the same.
//
// Delivery never depends on the event bus: a job is recorded first, sent at once when
// the order is placed, and every failure is retried by the scheduled job with a
// doubling delay until the print service acknowledges it (2xx).
import { createHmac } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { configuredOptions } from "./configured-options"
import { secretBytes, type PrintJobOptions } from "./options"
import type PersonalizationModuleService from "../modules/personalization/service"
import type { DeliveryOutcome, PrintJobRow } from "../modules/personalization/service"

export const WEBHOOK_TYPE = "print_job.created"
const BATCH = 10
const MAX_BATCHES_PER_RUN = 20
const USER_AGENT = "medusa-plugin-personalize (print jobs)"

/** "v1,<base64>": the Standard Webhooks signature of one message. */
export function signWebhook(secret: Buffer, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac("sha256", secret).update(`${id}.${timestamp}.${body}`).digest("base64")}`
}

/** The delay before retry number `attempts` (1 = after the first failure). */
export function retryDelayMs(attempts: number, retry: PrintJobOptions["retry"]): number {
  const seconds = Math.min(retry.firstDelaySeconds * 2 ** Math.min(Math.max(attempts - 1, 0), 30), retry.maxDelaySeconds)
  return seconds * 1000
}

/** The webhook body of a job. */
export function webhookBody(job: PrintJobRow, now: Date): string {
  return JSON.stringify({
    type: WEBHOOK_TYPE,
    timestamp: now.toISOString(),
    data: { id: job.id, created_at: new Date(job.created_at).toISOString(), payload_hash: job.payload_hash, attempt: job.attempts, ...job.payload },
  })
}

// 408 and 429 mean "later"; every 5xx may be temporary. Any other 4xx is the print
// service refusing this job (a bad signature, a job it cannot print): retrying the same
// bytes would be refused again, so the job waits for staff.
const isTemporary = (status: number) => status === 408 || status === 429 || status >= 500

function retryAfterMs(header: string | null): number | null {
  if (!header) return null
  const seconds = Number(header)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(header)
  return Number.isNaN(date) ? null : Math.max(date - Date.now(), 0)
}

/** Where jobs go: the URL and the secret's key bytes (null: no print service configured). */
export interface PrintTarget {
  url: string
  key: Buffer
}

export function printTarget(options: PrintJobOptions): PrintTarget | null {
  const key = options.secret ? secretBytes(options.secret) : null
  // parseOptions requires a valid secret with a URL, so both or neither.
  return options.url && key ? { url: options.url, key } : null
}

/** Sends one claimed job; how it ended. */
export async function sendPrintJob(job: PrintJobRow, target: PrintTarget, options: PrintJobOptions): Promise<DeliveryOutcome> {
  const now = new Date()
  const timestamp = Math.floor(now.getTime() / 1000)
  const body = webhookBody(job, now)
  const backoff = retryDelayMs(job.attempts, options.retry)
  let response: Response
  try {
    response = await fetch(target.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        "webhook-id": job.id,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signWebhook(target.key, job.id, timestamp, body),
        "idempotency-key": job.id,
      },
      body,
      redirect: "manual", // a redirect is not an acknowledgement
      signal: AbortSignal.timeout(options.timeoutSeconds * 1000),
    })
  } catch (error) {
    const e = error as { name?: string; message?: string; cause?: { message?: string } }
    const reason = e.name === "TimeoutError" ? `No answer within ${options.timeoutSeconds} s` : (e.cause?.message ?? e.message ?? String(error))
    return { kind: "retry", delayMs: backoff, error: reason }
  }
  const text = (await response.text().catch(() => "")).slice(0, 300)
  if (response.status >= 200 && response.status < 300) return { kind: "delivered" }
  const error = `HTTP ${response.status}${text ? `: ${text}` : ""}`
  if (!isTemporary(response.status)) return { kind: "failed", error }
  const asked = retryAfterMs(response.headers.get("retry-after"))
  const delayMs = asked === null ? backoff : Math.min(Math.max(asked, backoff), options.retry.maxDelaySeconds * 1000)
  return { kind: "retry", delayMs, error }
}

export interface DeliveryRun {
  delivered: number
  retried: number
  failed: number
}

/**
 * Delivers the jobs that are due (or only `ids`, when given): each is claimed by one
 * process, sent, and its outcome recorded. Without a print service URL, nothing is sent.
 */
export async function deliverDuePrintJobs(container: MedusaContainer, ids?: string[]): Promise<DeliveryRun> {
  const options = configuredOptions().printJobs
  const run: DeliveryRun = { delivered: 0, retried: 0, failed: 0 }
  const target = printTarget(options)
  if (!target || (ids && ids.length === 0)) return run
  const jobs = container.resolve<PersonalizationModuleService>("personalization")
  const logger = container.resolve("logger")
  const leaseMs = options.timeoutSeconds * 1000 + 30_000
  for (let batch = 0; batch < MAX_BATCHES_PER_RUN; ++batch) {
    const claimed = await jobs.claimDuePrintJobs({ limit: BATCH, leaseMs, ids })
    await Promise.all(
      claimed.map(async (job) => {
        const outcome = await sendPrintJob(job, target, options)
        await jobs.recordDelivery(job.id, outcome)
        if (outcome.kind === "delivered") ++run.delivered
        else if (outcome.kind === "retry") {
          ++run.retried
          logger.warn(`medusa-plugin-personalize: print job ${job.id} not delivered (attempt ${job.attempts}), retried in ${Math.round(outcome.delayMs / 1000)} s: ${outcome.error}`)
        } else {
          ++run.failed
          logger.error(`medusa-plugin-personalize: print job ${job.id} refused by the print service: ${outcome.error}`)
        }
      }),
    )
    if (claimed.length < BATCH) break
  }
  return run
}
