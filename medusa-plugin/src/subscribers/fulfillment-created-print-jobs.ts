// order.fulfillment_created: the jobs of the items in that fulfilment are done. A job
// not yet delivered stops being sent (staff fulfilled the item another way).
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type PersonalizationModuleService from "../modules/personalization/service"

export default async function fulfillmentCreatedPrintJobs({
  event,
  container,
}: SubscriberArgs<{ order_id: string; fulfillment_id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "fulfillment",
    fields: ["id", "items.line_item_id"],
    filters: { id: event.data.fulfillment_id },
  })
  const lineItemIds = (data[0]?.items ?? [])
    .map((item: { line_item_id?: string | null } | null) => item?.line_item_id)
    .filter((id: string | null | undefined): id is string => typeof id === "string")
  await container.resolve<PersonalizationModuleService>("personalization").markPrintJobsFulfilled(lineItemIds)
}

export const config: SubscriberConfig = {
  event: "order.fulfillment_created",
  context: { subscriberId: "medusa-plugin-personalize-fulfillment-created-print-jobs" },
}
