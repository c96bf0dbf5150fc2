// GET /admin/personalization/print-jobs/:id → { print_job }.
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { JOB_FIELDS } from "../../../../../lib/print-job-views"
import type PersonalizationModuleService from "../../../../../modules/personalization/service"

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<PersonalizationModuleService>("personalization")
  const [print_job] = await service.listPersonalizationPrintJobs({ id: req.params.id }, { select: [...JOB_FIELDS] })
  if (!print_job) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Print job with id: ${req.params.id} was not found`)
  res.json({ print_job })
}
