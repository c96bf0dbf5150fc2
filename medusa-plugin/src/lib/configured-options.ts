// The plugin's options read from the app's medusa-config, for the code Medusa loads
// before any container exists: whether to register the workflow hooks is decided when
// the hooks file is required. (Modules receive the options directly; subscribers and
// hook files do not.)
import fs from "node:fs"
import path from "node:path"
import { configManager } from "@medusajs/framework/config"
import { moduleOptions, parseOptions, type PersonalizeOptions } from "./options"

export const PACKAGE_NAME = "medusa-plugin-personalize"

// <package>/.medusa/server/src/lib -> <package>/package.json
const ownPackageJson = () => path.resolve(__dirname, "..", "..", "..", "..", "package.json")

function isThisPlugin(resolve: string, baseDir: string): boolean {
  if (resolve === PACKAGE_NAME) return true
  try {
    const found = require.resolve(path.join(resolve, "package.json"), { paths: [baseDir] })
    return fs.realpathSync(found) === fs.realpathSync(ownPackageJson())
  } catch {
    return false
  }
}

let cached: PersonalizeOptions | null = null

/** This plugin's options from medusa-config (defaults when it is not listed there). */
export function configuredOptions(): PersonalizeOptions {
  cached ??= readOptions()
  return cached
}

function readOptions(): PersonalizeOptions {
  let plugins: unknown[] = []
  let baseDir = process.cwd()
  try {
    plugins = (configManager.config.plugins ?? []) as unknown[]
    baseDir = configManager.baseDir ?? baseDir
  } catch {
    // Not loaded through Medusa (a unit test): the defaults apply.
  }
  for (const entry of plugins) {
    const resolve = typeof entry === "string" ? entry : (entry as { resolve?: unknown })?.resolve
    if (typeof resolve === "string" && isThisPlugin(resolve, baseDir)) {
      // The same object Medusa hands the plugin's module, where it adds `database`.
      return parseOptions(moduleOptions(typeof entry === "string" ? undefined : (entry as { options?: unknown }).options))
    }
  }
  return parseOptions(undefined)
}
