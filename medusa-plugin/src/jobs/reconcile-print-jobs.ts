// Creates the print jobs of orders whose order.placed never reached the plugin (the
// process died between the checkout and its subscribers: the local event bus does not
// keep events). Looks at the last 24 hours, every ten delivery intervals (10 min by
// default), skipping orders younger than two intervals (their subscriber may still run).
import type { MedusaContainer } from "@medusajs/framework/types"
import { configuredOptions } from "../lib/configured-options"
import { deliverDuePrintJobs } from "../lib/print-delivery"
import { ordersMissingPrintJobs } from "../lib/print-jobs"
import { createPrintJobsWorkflow } from "../workflows/print-jobs/create-print-jobs"

const LOOKBACK_MS = 24 * 3600 * 1000
const intervalMs = () => configuredOptions().printJobs.intervalSeconds * 1000

export default async function reconcilePrintJobs(container: MedusaContainer) {
  const now = Date.now()
  const orders = await ordersMissingPrintJobs(container, new Date(now - LOOKBACK_MS), new Date(now - 2 * intervalMs()))
  const created: string[] = []
  for (const orderId of orders) {
    const { result } = await createPrintJobsWorkflow(container).run({ input: { order_id: orderId } })
    created.push(...result.created)
  }
  if (created.length > 0) {
    container.resolve("logger").warn(`medusa-plugin-personalize: ${created.length} print job(s) created for ${orders.length} order(s) whose order.placed was missed`)
    await deliverDuePrintJobs(container, created)
  }
}

export const config = {
  name: "medusa-plugin-personalize-reconcile-print-jobs",
  schedule: { interval: 10 * intervalMs() },
}
