// order.placed (a checkout, or a converted draft order): record the order's print jobs,
// then try to deliver them at once. A failed delivery is not an error here: the job is
// recorded and the scheduled job retries it. The stable subscriberId lets Medusa's
// Redis event bus skip this subscriber on a retry of an event it already handled.
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { deliverDuePrintJobs } from "../lib/print-delivery"
import { createPrintJobsWorkflow } from "../workflows/print-jobs/create-print-jobs"

export default async function orderPlacedPrintJobs({ event, container }: SubscriberArgs<{ id: string }>) {
  const { result } = await createPrintJobsWorkflow(container).run({ input: { order_id: event.data.id } })
  if (result.created.length > 0) await deliverDuePrintJobs(container, result.created)
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "medusa-plugin-personalize-order-placed-print-jobs" },
}
