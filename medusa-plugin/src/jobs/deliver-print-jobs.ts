// Retries print-job deliveries that are due, every printJobs.intervalSeconds (60 s by
// default). This is what makes delivery reliable: the order.placed subscriber's first
// attempt may fail, its event may be lost with its process (Medusa's local event bus is
// at most once), and the print service may be down for hours.
import type { MedusaContainer } from "@medusajs/framework/types"
import { configuredOptions } from "../lib/configured-options"
import { deliverDuePrintJobs } from "../lib/print-delivery"

export default async function deliverPrintJobs(container: MedusaContainer) {
  const run = await deliverDuePrintJobs(container)
  if (run.delivered + run.failed > 0) {
    container.resolve("logger").info(`medusa-plugin-personalize: ${run.delivered} print job(s) delivered, ${run.failed} refused, ${run.retried} to retry`)
  }
}

export const config = {
  name: "medusa-plugin-personalize-deliver-print-jobs",
  schedule: { interval: configuredOptions().printJobs.intervalSeconds * 1000 },
}
