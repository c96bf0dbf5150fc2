// order.placed → one print job per personalized order item, created once whatever
// happens to the event (delivered twice, to two processes, after a restart): the
// step inserts with the item's unique line_item_id and reports only the jobs it made.
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { printJobsOfOrder } from "../../lib/print-jobs"
import type PersonalizationModuleService from "../../modules/personalization/service"

export const CREATE_PRINT_JOBS_WORKFLOW = "medusa-plugin-personalize-create-print-jobs"

export interface CreatePrintJobsInput {
  order_id: string
}

export const createPrintJobsStep = createStep(
  "medusa-plugin-personalize-create-print-jobs-step",
  async (input: CreatePrintJobsInput, { container }) => {
    const jobs = await printJobsOfOrder(container, input.order_id)
    const service = container.resolve<PersonalizationModuleService>("personalization")
    const created = await service.createPrintJobsOnce(jobs)
    // No compensation: a job that exists is the record that the item must be printed;
    // removing it on a later failure would risk printing nothing.
    return new StepResponse({ created, personalized_items: jobs.length })
  },
)

export const createPrintJobsWorkflow = createWorkflow(CREATE_PRINT_JOBS_WORKFLOW, (input: CreatePrintJobsInput) => {
  const result = createPrintJobsStep(input)
  return new WorkflowResponse(result)
})
