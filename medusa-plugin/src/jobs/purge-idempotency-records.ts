// Deletes Idempotency-Key records past their retention, hourly. (A claim also takes an
// expired record over, so correctness does not depend on this job; the table's size does.)
import type { MedusaContainer } from "@medusajs/framework/types"
import type PersonalizationModuleService from "../modules/personalization/service"

export default async function purgeIdempotencyRecords(container: MedusaContainer) {
  const deleted = await container.resolve<PersonalizationModuleService>("personalization").purgeExpired()
  if (deleted > 0) container.resolve("logger").info(`medusa-plugin-personalize: ${deleted} expired idempotency record(s) deleted`)
}

export const config = {
  name: "medusa-plugin-personalize-purge-idempotency-records",
  schedule: "17 * * * *",
}
