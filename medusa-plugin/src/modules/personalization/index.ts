import { Module } from "@medusajs/framework/utils"
import checkOptions from "./loaders/check-options"
import PersonalizationModuleService from "./service"

export const PERSONALIZATION_MODULE = "personalization"

export default Module(PERSONALIZATION_MODULE, {
  service: PersonalizationModuleService,
  loaders: [checkOptions],
})
