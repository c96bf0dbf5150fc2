// print_job.order and order.personalization_print_jobs in Query (read-only links: the
// job keeps the order id itself, so no link table is needed):
//   query.graph({ entity: "order", fields: ["id", "personalization_print_jobs.*"] })
import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import PersonalizationModule from "../modules/personalization"

export default defineLink(
  { linkable: PersonalizationModule.linkable.personalizationPrintJob, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true },
)
