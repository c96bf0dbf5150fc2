import { loadEnv, defineConfig } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

// MEDUSA_PERSONALIZE_PLUGIN=off runs the same server without the plugin (the benchmark's
// baseline); MEDUSA_PERSONALIZE_OPTIONS (JSON) passes plugin options (the option tests).
const withPlugin = process.env.MEDUSA_PERSONALIZE_PLUGIN !== "off"
const pluginOptions = JSON.parse(process.env.MEDUSA_PERSONALIZE_OPTIONS || '{"uploads":{"maxBytes":2097152}}')

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    // Plain HTTP on loopback: Medusa marks its production session cookie Secure, which a
    // browser does not keep over http:// (a shop serves its admin over HTTPS).
    cookieOptions: { secure: false },
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET || "contract-test-secret",
      cookieSecret: process.env.COOKIE_SECRET || "contract-test-secret",
    },
  },
  // The real Medusa Admin, built by scripts/contract/start-medusa.sh, with the plugin's widgets.
  admin: { disable: process.env.MEDUSA_ADMIN === "off" },
  plugins: withPlugin ? [{ resolve: "medusa-plugin-personalize", options: pluginOptions }] : [],
})
