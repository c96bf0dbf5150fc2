import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207182134 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "personalization_print_job" drop constraint if exists "personalization_print_job_line_item_id_unique";`);
    this.addSql(`create table if not exists "personalization_print_job" ("id" text not null, "order_id" text not null, "line_item_id" text not null, "schema_fingerprint" text null, "payload_hash" text not null, "payload" jsonb not null, "status" text check ("status" in ('pending', 'delivering', 'delivered', 'failed', 'fulfilled')) not null default 'pending', "attempts" integer not null default 0, "last_error" text null, "next_attempt_at" timestamptz null, "locked_until" timestamptz null, "delivered_at" timestamptz null, "fulfilled_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "personalization_print_job_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_personalization_print_job_deleted_at" ON "personalization_print_job" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_personalization_print_job_line_item_id_unique" ON "personalization_print_job" ("line_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_personalization_print_job_order_id" ON "personalization_print_job" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_personalization_print_job_status_next_attempt_at" ON "personalization_print_job" ("status", "next_attempt_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "personalization_print_job" cascade;`);
  }

}
