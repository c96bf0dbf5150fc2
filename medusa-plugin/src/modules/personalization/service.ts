// The plugin's module: Medusa hands it the plugin's options at start-up (the loader
// checks them there, so a wrong option stops the server with a clear message).
import { moduleOptions, parseOptions, type PersonalizeOptions } from "../../lib/options"

export default class PersonalizationModuleService {
  readonly options: PersonalizeOptions

  constructor(_container: Record<string, unknown>, options?: unknown) {
    this.options = parseOptions(moduleOptions(options))
  }
}
