import type { LoaderOptions } from "@medusajs/framework/types"
import { moduleOptions, parseOptions } from "../../../lib/options"

/** Refuses to start with options the plugin does not understand, naming each problem. */
export default async function checkOptions({ options }: LoaderOptions<Record<string, unknown>>) {
  parseOptions(moduleOptions(options))
}
