import { loadEnv, defineConfig } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

// MEDUSA_PERSONALIZE_PLUGIN=off runs the same server without the plugin (the benchmark's
// baseline); MEDUSA_PERSONALIZE_OPTIONS (JSON) passes plugin options (the option tests).
const withPlugin = process.env.MEDUSA_PERSONALIZE_PLUGIN !== "off"
const pluginOptions = JSON.parse(process.env.MEDUSA_PERSONALIZE_OPTIONS || '{"uploads":{"maxBytes":2097152}}')

// REDIS_URL runs Medusa's production engine (scripts/production/cluster.sh): the Redis
// event bus, workflow engine, locking and cache, with MEDUSA_WORKER_MODE choosing
// "server" or "worker" per process. Without it: one process, in-memory modules.
// (2.21's Caching Module sits behind the WIP "caching" feature flag; its stable Cache
// Module is the Redis cache used here.)
const redisUrl = process.env.REDIS_URL
const redisModules = redisUrl
  ? [
      {
        resolve: "@medusajs/medusa/event-bus-redis",
        // BullMQ runs a job once unless told otherwise: a subscriber that failed is tried
        // again, and one that succeeded is skipped on that retry (its subscriberId).
        options: { redisUrl, jobOptions: { attempts: 5, backoff: { type: "exponential", delay: 1000 } } },
      },
      { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
      { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } }],
        },
      },
    ]
  : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl,
    workerMode: (process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server" | undefined) || "shared",
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
  modules: redisModules,
  plugins: withPlugin ? [{ resolve: "medusa-plugin-personalize", options: pluginOptions }] : [],
})
