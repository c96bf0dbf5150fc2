// The plugin's module: its options checked at start-up (loaders/check-options.ts; the
// code reads them through lib/configured-options.ts), the
// Idempotency-Key records of Store cart requests, and the customer images the upload
// route stored (PersonalizationUpload), kept in the database so that every server
// process of a shop sees the same ones.
import { randomBytes } from "node:crypto"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import { IdempotencyRecord } from "./models/idempotency-record"
import { PersonalizationUpload } from "./models/upload"

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

type SqlManager = { execute(sql: string, params?: unknown[]): Promise<Row[]> }

export default class PersonalizationModuleService extends MedusaService({ IdempotencyRecord, PersonalizationUpload }) {
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
