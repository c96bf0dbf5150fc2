import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207151303 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "personalization_idempotency_record" drop constraint if exists "personalization_idempotency_record_scope_key_unique";`);
    this.addSql(`create table if not exists "personalization_idempotency_record" ("id" text not null, "scope" text not null, "key" text not null, "request_hash" text not null, "state" text check ("state" in ('in_progress', 'completed')) not null, "response_status" integer null, "response_body" jsonb null, "locked_until" timestamptz not null, "expires_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "personalization_idempotency_record_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_personalization_idempotency_record_deleted_at" ON "personalization_idempotency_record" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_personalization_idempotency_record_scope_key_unique" ON "personalization_idempotency_record" ("scope", "key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_personalization_idempotency_record_expires_at" ON "personalization_idempotency_record" ("expires_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "personalization_idempotency_record" cascade;`);
  }

}
