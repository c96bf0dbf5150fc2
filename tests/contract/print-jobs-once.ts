// Run inside the contract app with `medusa exec` (tests/contract/print-jobs.test.mjs
// does): a second process delivers order.placed again for an order whose job exists,
// and runs the plugin's print-job workflow for it twice at once, racing the server.
// Also reads the jobs through Query's read-only links. Prints "PRINT-JOBS-RESULT <json>".
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { ExecArgs } from "@medusajs/framework/types"
import { createPrintJobsWorkflow } from "medusa-plugin-personalize/workflows"

export default async function printJobsOnce({ container }: ExecArgs) {
  const orderId = process.env.ORDER_ID
  if (!orderId) throw new Error("ORDER_ID is not set")
  const eventBus = container.resolve(Modules.EVENT_BUS)
  await eventBus.emit([
    { name: "order.placed", data: { id: orderId } },
    { name: "order.placed", data: { id: orderId } },
  ])
  const runs = await Promise.all(
    [0, 1, 2].map(() => createPrintJobsWorkflow(container).run({ input: { order_id: orderId } })),
  )
  await new Promise((resolve) => setTimeout(resolve, 2000)) // the subscribers of the emitted events
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "personalization_print_jobs.id", "personalization_print_jobs.line_item_id"],
    filters: { id: orderId },
  })
  const { data: jobs } = await query.graph({
    entity: "personalization_print_job",
    fields: ["id", "order.id", "order.display_id"],
    filters: { order_id: orderId },
  })
  const result = {
    created: runs.map((r) => r.result.created),
    personalized_items: runs.map((r) => r.result.personalized_items),
    order_jobs: orders[0]?.personalization_print_jobs ?? null,
    job_orders: jobs.map((j: { id: string; order?: { id: string } | null }) => ({ id: j.id, order_id: j.order?.id ?? null })),
  }
  console.log(`PRINT-JOBS-RESULT ${JSON.stringify(result)}`)
}
