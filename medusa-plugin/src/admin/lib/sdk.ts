// The Admin API client of the plugin's widgets: Medusa's JS SDK with the dashboard's
// session (the cookie set when staff log in), on the backend the admin was built for.
import Medusa from "@medusajs/js-sdk"

declare const __BACKEND_URL__: string | undefined

export const sdk = new Medusa({
  baseUrl: (typeof __BACKEND_URL__ !== "undefined" && __BACKEND_URL__) || "/",
  auth: { type: "session" },
})

/** The message of a failed SDK call (Medusa's `message`, or the transport's). */
export const messageOf = (error: unknown) => (error as { message?: string })?.message ?? String(error)
