// POST /admin/personalization/print-jobs/:id/retry: sends a pending or failed job now
// (staff fixed the print service, or decided to print a job it refused) and answers
// { print_job } after that attempt. A delivered or fulfilled job is not sent again:
// 400 not_allowed.
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { deliverDuePrintJobs } from "../../../../../../lib/print-delivery"
import { JOB_FIELDS } from "../../../../../../lib/print-job-views"
import type PersonalizationModuleService from "../../../../../../modules/personalization/service"

export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<PersonalizationModuleService>("personalization")
  const before = await service.retryPrintJob(req.params.id)
  if (before === null) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Print job with id: ${req.params.id} was not found`)
  if (before === "delivered" || before === "fulfilled") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Print job ${req.params.id} is ${before}: the print service has it already`)
  }
  // "delivering": another process is sending it right now; its outcome stands.
  if (before !== "delivering") await deliverDuePrintJobs(req.scope, [req.params.id])
  const [print_job] = await service.listPersonalizationPrintJobs({ id: req.params.id }, { select: [...JOB_FIELDS] })
  res.json({ print_job })
}
