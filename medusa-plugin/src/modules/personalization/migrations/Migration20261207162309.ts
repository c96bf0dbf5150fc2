import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207162309 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "personalization_upload" ("id" text not null, "mime" text not null, "width" integer not null, "height" integer not null, "bytes" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "personalization_upload_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_personalization_upload_deleted_at" ON "personalization_upload" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "personalization_upload" cascade;`);
  }

}
