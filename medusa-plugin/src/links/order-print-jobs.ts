// order.personalization_print_jobs in Query (see print-job-order.ts).
import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import PersonalizationModule from "../modules/personalization"

export default defineLink(
  { linkable: OrderModule.linkable.order, field: "id" },
  { ...PersonalizationModule.linkable.personalizationPrintJob.id, primaryKey: "order_id" },
  { readOnly: true, isList: true },
)
