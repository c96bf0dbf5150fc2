// "medusa-plugin-personalize/workflows": the checks behind the plugin's hooks, for apps
// that consume the same hooks themselves (Medusa allows one handler per hook):
//
//   import { assertLineItemsValid } from "medusa-plugin-personalize/workflows"
//   addToCartWorkflow.hooks.validate(async ({ input }, { container }) => {
//     await assertLineItemsValid(container, input.items ?? [], "add")
//     // ... the app's own checks
//   })
export { assertLineItemsValid, findRefusal, metadataAfterUpdate, refusalBody } from "../lib/line-items"
export type { CheckContext, LineItemInput, PersonalizationIssue, Refusal } from "../lib/line-items"
export { assertProductSchemasCompile, brokenSchemaOf } from "../lib/product-schemas"
export { createPrintJobsWorkflow, createPrintJobsStep, CREATE_PRINT_JOBS_WORKFLOW } from "./print-jobs/create-print-jobs"
export { deliverDuePrintJobs, signWebhook, WEBHOOK_TYPE } from "../lib/print-delivery"
