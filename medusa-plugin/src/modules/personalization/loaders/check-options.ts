import type { LoaderOptions } from "@medusajs/framework/types"
import { moduleOptions, parseOptions } from "../../../lib/options"

/**
 * Refuses to start with options the plugin does not understand (naming each problem),
 * or without its peer package, whose absence would otherwise surface as a 500 on the
 * first add to cart. (The WebAssembly core itself is compiled later, on first use.)
 */
export default async function checkOptions({ options }: LoaderOptions<Record<string, unknown>>) {
  parseOptions(moduleOptions(options))
  try {
    require.resolve("medusa-personalize")
  } catch {
    throw new Error(
      "medusa-plugin-personalize needs the medusa-personalize package beside it (its validator): npm install medusa-personalize",
    )
  }
}
