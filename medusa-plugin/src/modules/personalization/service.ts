// The plugin's module: its options checked at start-up (loaders/check-options.ts; the
// code reads them through lib/configured-options.ts), the
// Idempotency-Key records of Store cart requests, the customer images the upload
// route stored (PersonalizationUpload) and the print jobs of placed orders (PrintJob),
// kept in the database so that every process of a shop (servers and workers) sees the
// same ones. The state changes that processes may race on are single SQL statements.
import { randomBytes } from "node:crypto"
import { generateEntityId, InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import { IdempotencyRecord } from "./models/idempotency-record"
import { PersonalizationUpload } from "./models/upload"
import { PrintJob } from "./models/print-job"

/** What a request carrying an Idempotency-Key should do. */
export type Claim =
  | { outcome: "claimed"; id: string }
  | { outcome: "replay"; status: number; body: unknown }
  | { outcome: "mismatch" }
  | { outcome: "in_progress" }

type Row = {
  id: string
  request_hash: string
  state: "in_progress" | "completed"
  response_status: number | null
  response_body: unknown
}

const TABLE = "personalization_idempotency_record"

type SqlManager = { execute<T = Row>(sql: string, params?: unknown[]): Promise<T[]> }

/** A print job to record (lib/print-jobs.ts builds them from an order). */
export interface NewPrintJob {
  order_id: string
  line_item_id: string
  schema_fingerprint: string | null
  payload_hash: string
  payload: Record<string, unknown>
  /** "failed" when the personalization no longer passes its schema (with last_error). */
  status: "pending" | "failed"
  last_error: string | null
}

/** A print job row as the delivery reads it. */
export interface PrintJobRow {
  id: string
  order_id: string
  line_item_id: string
  status: string
  attempts: number
  payload: Record<string, unknown>
  payload_hash: string
  created_at: Date
}

/** How one delivery attempt ended. */
export type DeliveryOutcome =
  | { kind: "delivered" }
  | { kind: "retry"; delayMs: number; error: string }
  | { kind: "failed"; error: string }

const JOBS = "personalization_print_job"

export default class PersonalizationModuleService extends MedusaService({ IdempotencyRecord, PersonalizationUpload, PersonalizationPrintJob: PrintJob }) {
  /**
   * Records print jobs; a job whose order item already has one is skipped (the unique
   * line_item_id), so the same order placed or delivered twice, in any process, never
   * makes a second job. Returns the ids of the jobs created now.
   */
  @InjectManager()
  async createPrintJobsOnce(jobs: NewPrintJob[], @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const sql = sharedContext.manager as unknown as SqlManager
    const created: string[] = []
    for (const job of jobs) {
      const rows = await sql.execute<{ id: string }>(
        `insert into ${JOBS} (id, order_id, line_item_id, schema_fingerprint, payload_hash, payload, status, attempts,
           last_error, next_attempt_at, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?::jsonb, ?, 0, ?, case when ? = 'pending' then now() else null end, now(), now())
         on conflict (line_item_id) where deleted_at is null do nothing returning id`,
        [generateEntityId(undefined, "pjob"), job.order_id, job.line_item_id, job.schema_fingerprint, job.payload_hash,
          JSON.stringify(job.payload), job.status, job.last_error, job.status],
      )
      if (rows.length === 1) created.push(rows[0].id)
    }
    return created
  }

  /**
   * Claims up to `limit` jobs due for delivery (pending and due, or delivering with an
   * expired claim: its process died), counting the attempt. `FOR UPDATE SKIP LOCKED`
   * gives each job to one process at a time; `ids` restricts the claim to those jobs.
   */
  @InjectManager()
  async claimDuePrintJobs(
    input: { limit: number; leaseMs: number; ids?: string[] },
    @MedusaContext() sharedContext: Context = {},
  ): Promise<PrintJobRow[]> {
    const sql = sharedContext.manager as unknown as SqlManager
    const only = input.ids ? "and id = any(?::text[])" : ""
    const params: unknown[] = input.ids ? [input.leaseMs, `{${input.ids.join(",")}}`, input.limit] : [input.leaseMs, input.limit]
    return sql.execute<PrintJobRow>(
      `update ${JOBS} set status = 'delivering', attempts = attempts + 1,
         locked_until = now() + (? * interval '1 millisecond'), updated_at = now()
       where id in (
         select id from ${JOBS}
         where deleted_at is null ${only}
           and ((status = 'pending' and next_attempt_at <= now()) or (status = 'delivering' and locked_until < now()))
         order by next_attempt_at nulls first limit ? for update skip locked)
       returning id, order_id, line_item_id, status, attempts, payload, payload_hash, created_at`,
      params,
    )
  }

  /** Records how a claimed delivery ended (ignored if the job was retried or fulfilled meanwhile). */
  @InjectManager()
  async recordDelivery(id: string, outcome: DeliveryOutcome, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const sql = sharedContext.manager as unknown as SqlManager
    if (outcome.kind === "delivered") {
      // The print service may fulfil the item before it answers: the job is then already
      // "fulfilled", and only the delivery time is added.
      await sql.execute(
        `update ${JOBS} set status = case when status = 'delivering' then 'delivered' else status end,
           delivered_at = coalesce(delivered_at, now()), last_error = null, locked_until = null,
           next_attempt_at = null, updated_at = now() where id = ? and status in ('delivering', 'fulfilled')`,
        [id],
      )
    } else if (outcome.kind === "retry") {
      await sql.execute(
        `update ${JOBS} set status = 'pending', last_error = ?, locked_until = null,
           next_attempt_at = now() + (? * interval '1 millisecond'), updated_at = now() where id = ? and status = 'delivering'`,
        [outcome.error, outcome.delayMs, id],
      )
    } else {
      await sql.execute(
        `update ${JOBS} set status = 'failed', last_error = ?, locked_until = null, next_attempt_at = null,
           updated_at = now() where id = ? and status = 'delivering'`,
        [outcome.error, id],
      )
    }
  }

  /** Marks the jobs of these order items fulfilled (delivery stops for any not yet delivered). */
  @InjectManager()
  async markPrintJobsFulfilled(lineItemIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<number> {
    if (lineItemIds.length === 0) return 0
    const sql = sharedContext.manager as unknown as SqlManager
    const rows = await sql.execute(
      `update ${JOBS} set status = 'fulfilled', fulfilled_at = now(), locked_until = null, next_attempt_at = null,
         updated_at = now() where line_item_id = any(?::text[]) and deleted_at is null and status <> 'fulfilled' returning id`,
      [`{${lineItemIds.join(",")}}`],
    )
    return rows.length
  }

  /**
   * Makes a pending or failed job due now (staff's retry). Returns the job's status
   * before, or null when there is no such job; a delivered or fulfilled job is left as is.
   */
  @InjectManager()
  async retryPrintJob(id: string, @MedusaContext() sharedContext: Context = {}): Promise<string | null> {
    const sql = sharedContext.manager as unknown as SqlManager
    const [row] = await sql.execute<{ status: string }>(`select status from ${JOBS} where id = ? and deleted_at is null`, [id])
    if (!row) return null
    if (row.status === "pending" || row.status === "failed") {
      await sql.execute(
        `update ${JOBS} set status = 'pending', next_attempt_at = now(), updated_at = now()
         where id = ? and status in ('pending', 'failed')`,
        [id],
      )
    }
    return row.status
  }

  /**
   * Claims `key` for a request (one statement per step, so two processes racing on the
   * same key see one winner): a new key is claimed; a completed one with the same
   * request is replayed; another request under the same key is a mismatch; a running
   * one is in progress, unless its claim outlived `leaseMs` (its process died) or the
   * record expired, when it is taken over.
   */
  @InjectManager()
  async claim(
    input: { scope: string; key: string; requestHash: string; leaseMs: number; retentionMs: number },
    @MedusaContext() sharedContext: Context = {},
  ): Promise<Claim> {
    const sql = sharedContext.manager as unknown as SqlManager
    const id = `pidem_${cryptoRandomId()}`
    const inserted = await sql.execute(
      `insert into ${TABLE} (id, scope, key, request_hash, state, locked_until, expires_at, created_at, updated_at)
       values (?, ?, ?, ?, 'in_progress', now() + (? * interval '1 millisecond'), now() + (? * interval '1 millisecond'), now(), now())
       on conflict (scope, key) where deleted_at is null do nothing returning id`,
      [id, input.scope, input.key, input.requestHash, input.leaseMs, input.retentionMs],
    )
    if (inserted.length === 1) return { outcome: "claimed", id }

    // Taken over when expired (any request) or abandoned (the same request).
    const taken = await sql.execute(
      `update ${TABLE} set request_hash = ?, state = 'in_progress', response_status = null, response_body = null,
         locked_until = now() + (? * interval '1 millisecond'), expires_at = now() + (? * interval '1 millisecond'), updated_at = now()
       where scope = ? and key = ? and (expires_at < now() or (state = 'in_progress' and locked_until < now() and request_hash = ?))
       returning id`,
      [input.requestHash, input.leaseMs, input.retentionMs, input.scope, input.key, input.requestHash],
    )
    if (taken.length === 1) return { outcome: "claimed", id: taken[0].id }

    const [row] = await sql.execute(
      `select id, request_hash, state, response_status, response_body from ${TABLE} where scope = ? and key = ?`,
      [input.scope, input.key],
    )
    if (!row) return this.claim(input, sharedContext) // deleted meanwhile (a released claim)
    if (row.request_hash !== input.requestHash) return { outcome: "mismatch" }
    if (row.state === "completed") return { outcome: "replay", status: Number(row.response_status), body: row.response_body }
    return { outcome: "in_progress" }
  }

  /** Stores the answer of a claimed request, to be replayed. */
  @InjectManager()
  async complete(id: string, status: number, body: unknown, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const sql = sharedContext.manager as unknown as SqlManager
    await sql.execute(
      `update ${TABLE} set state = 'completed', response_status = ?, response_body = ?::jsonb, updated_at = now() where id = ?`,
      [status, JSON.stringify(body ?? null), id],
    )
  }

  /** Gives a claim up (the request failed on the server's side): a retry runs it again. */
  @InjectManager()
  async release(id: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const sql = sharedContext.manager as unknown as SqlManager
    await sql.execute(`delete from ${TABLE} where id = ? and state = 'in_progress'`, [id])
  }

  /** Deletes expired records; returns how many. */
  @InjectManager()
  async purgeExpired(@MedusaContext() sharedContext: Context = {}): Promise<number> {
    const sql = sharedContext.manager as unknown as SqlManager
    const rows = await sql.execute(`delete from ${TABLE} where expires_at < now() returning id`)
    return rows.length
  }
}

// 128 random bits, as many as Medusa's ULID-based ids carry.
const cryptoRandomId = () => randomBytes(16).toString("hex").toUpperCase()
